/** One stream per person: how far they have read their inbox. */
export const inboxStream = (personId: string) => `inbox-${personId}`;
