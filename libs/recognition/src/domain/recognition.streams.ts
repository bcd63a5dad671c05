export const kudosStream = (kudosId: string) => `kudos-${kudosId}`;
export const praiseStream = (praiseId: string) => `praise-${praiseId}`;

/** One stream per sender and UTC day: appends at its expected revision keep the allowance under concurrency. */
export const kudosAllowanceStream = (senderId: string, now: Date) =>
  `kudosAllowance-${senderId}_${now.toISOString().slice(0, 10)}`;
