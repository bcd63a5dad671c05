/** One stream per person: everything they log is their own, so nobody can write into someone else's. */
export const wellbeingStream = (personId: string) => `wellbeing-${personId}`;
