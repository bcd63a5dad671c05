export const abuseIncidentStream = (incidentId: string) => `abuseIncident-${incidentId}`;
/** One stream per team and day, so a re-import of a day touches only that day. */
export const contactVolumeStream = (teamId: string, date: string) => `contactVolume-${teamId}_${date}`;
/** One stream per customer pseudonym (never the reference itself): the incidents linked to them, and matches. */
export const customerStream = (customerPseudonym: string) => `customer-${customerPseudonym}`;
