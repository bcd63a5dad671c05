import type {
  AbuseIncidentReported,
  ContactVolumeCorrected,
  AgentCheckInSent,
  ContactVolumeRecorded,
  CustomerActionRecorded,
  CustomerIncidentLinked,
  IncidentAcknowledged,
  IncidentAcknowledgementDue,
  IncidentClosed,
  IncidentEscalated,
  IncidentWithdrawn,
  IncidentsAccessed,
  RecoveryBreakTaken,
  RepeatAbuserMatched,
  SupportAccepted,
  SupportDeclined,
  SupportOffered,
} from '@frontline/abuse';
import type { AnnouncementPublished, BadgeAwarded, CampaignPlanned } from '@frontline/campaigns';
import type { DomainEvent } from '@frontline/decider';
import type {
  PersonEnrolled,
  PersonIdentityLinked,
  PersonIdentityUnlinked,
  PersonMovedTeam,
  PersonOffboarded,
  PersonReinstated,
  PersonRenamed,
  PersonRolesChanged,
  PersonalDataErased,
  TeamCreated,
  TeamRenamed,
} from '@frontline/directory';
import type {
  KudosAllowanceSpent,
  KudosHidden,
  KudosReactionAdded,
  KudosReactionRemoved,
  KudosRetracted,
  KudosSent,
} from '@frontline/recognition';
import type { InboxReadUpTo } from '@frontline/inbox';
import type { PulseCheckInSubmitted, WellbeingActivityLogged } from '@frontline/wellbeing';

/**
 * A factory of one event type of a context: its data is checked against the context's own
 * definition, so a missing, misspelt or mistyped field is a compile error, not a fixture that
 * quietly projects nothing. The cast is sound: `Event` is one member of a union, not a union.
 */
const eventOf =
  <Event extends DomainEvent>(type: Event['type']) =>
  (data: Event['data']): Event =>
    ({ type, data }) as Event;

export const teamCreated = eventOf<TeamCreated>('TeamCreated');
export const teamRenamed = eventOf<TeamRenamed>('TeamRenamed');
export const personEnrolled = eventOf<PersonEnrolled>('PersonEnrolled');
export const personMovedTeam = eventOf<PersonMovedTeam>('PersonMovedTeam');
export const personOffboarded = eventOf<PersonOffboarded>('PersonOffboarded');
export const personReinstated = eventOf<PersonReinstated>('PersonReinstated');
export const personRenamed = eventOf<PersonRenamed>('PersonRenamed');
export const personRolesChanged = eventOf<PersonRolesChanged>('PersonRolesChanged');
export const personIdentityLinked = eventOf<PersonIdentityLinked>('PersonIdentityLinked');
export const personIdentityUnlinked = eventOf<PersonIdentityUnlinked>('PersonIdentityUnlinked');
export const incidentsAccessed = eventOf<IncidentsAccessed>('IncidentsAccessed');
export const personalDataErased = eventOf<PersonalDataErased>('PersonalDataErased');

export const kudosSent = eventOf<KudosSent>('KudosSent');
export const kudosReactionAdded = eventOf<KudosReactionAdded>('KudosReactionAdded');
export const kudosReactionRemoved = eventOf<KudosReactionRemoved>('KudosReactionRemoved');
export const kudosRetracted = eventOf<KudosRetracted>('KudosRetracted');
export const kudosHidden = eventOf<KudosHidden>('KudosHidden');
export const kudosAllowanceSpent = eventOf<KudosAllowanceSpent>('KudosAllowanceSpent');

export const abuseIncidentReported = eventOf<AbuseIncidentReported>('AbuseIncidentReported');
export const incidentAcknowledged = eventOf<IncidentAcknowledged>('IncidentAcknowledged');
export const incidentEscalated = eventOf<IncidentEscalated>('IncidentEscalated');
export const incidentWithdrawn = eventOf<IncidentWithdrawn>('IncidentWithdrawn');
export const incidentClosed = eventOf<IncidentClosed>('IncidentClosed');
export const supportOffered = eventOf<SupportOffered>('SupportOffered');
export const supportAccepted = eventOf<SupportAccepted>('SupportAccepted');
export const supportDeclined = eventOf<SupportDeclined>('SupportDeclined');
export const recoveryBreakTaken = eventOf<RecoveryBreakTaken>('RecoveryBreakTaken');
export const customerActionRecorded = eventOf<CustomerActionRecorded>('CustomerActionRecorded');
export const incidentAcknowledgementDue = eventOf<IncidentAcknowledgementDue>('IncidentAcknowledgementDue');
export const agentCheckInSent = eventOf<AgentCheckInSent>('AgentCheckInSent');
export const customerIncidentLinked = eventOf<CustomerIncidentLinked>('CustomerIncidentLinked');
export const repeatAbuserMatched = eventOf<RepeatAbuserMatched>('RepeatAbuserMatched');
export const contactVolumeRecorded = eventOf<ContactVolumeRecorded>('ContactVolumeRecorded');
export const contactVolumeCorrected = eventOf<ContactVolumeCorrected>('ContactVolumeCorrected');

export const wellbeingActivityLogged = eventOf<WellbeingActivityLogged>('WellbeingActivityLogged');
export const pulseCheckInSubmitted = eventOf<PulseCheckInSubmitted>('PulseCheckInSubmitted');

export const campaignPlanned = eventOf<CampaignPlanned>('CampaignPlanned');
export const announcementPublished = eventOf<AnnouncementPublished>('AnnouncementPublished');
export const badgeAwarded = eventOf<BadgeAwarded>('BadgeAwarded');

export const inboxReadUpTo = eventOf<InboxReadUpTo>('InboxReadUpTo');
