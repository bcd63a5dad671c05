export const abuseIncidentStream = (incidentId: string) => `abuseIncident-${incidentId}`;
/** One stream per team and day, so a re-import of a day touches only that day. */
export const contactVolumeStream = (teamId: string, date: string) => `contactVolume-${teamId}_${date}`;
/** One stream per customer pseudonym (never the reference itself): the incidents linked to them, and matches. */
export const customerStream = (customerPseudonym: string) => `customer-${customerPseudonym}`;
/**
 * Who was given which incidents: one stream per reader and UTC day, apart from the incidents' own
 * streams so a read never contends with a command on the incident; bounded per day, never read back.
 */
export const incidentAccessStream = (readerId: string, date: string) => `incidentAccess-${readerId}_${date}`;
