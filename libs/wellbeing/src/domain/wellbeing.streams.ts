/** One stream per person: everything they log is their own, so nobody can write into someone else's. */
export const wellbeingStream = (personId: string) => `wellbeing-${personId}`;

/** Whose stream it is: projections learn the person from the stream, as the events do not repeat it. */
export const personOfWellbeingStream = (streamName: string) => streamName.slice('wellbeing-'.length);
