import type { TFunction } from 'i18next';
import type { components } from '../api/schema.gen';

export type InboxItem = components['schemas']['InboxItemResponse'];

/**
 * What an item says, in the reader's language: one catalog sentence per kind (`inbox.kinds.*`), the
 * api's enum values through their own sections. An incident escalation reads differently for its
 * reporter (it carries no team) than for the officers.
 */
export function inboxItemText(item: InboxItem, t: TFunction, time: (iso: string) => string): string {
  const who = (person: InboxItem['by']) => (person ? person.displayName : t('inbox.careTeam'));
  const severity = item.severity ? t(`severities.${item.severity}`) : '';
  switch (item.kind) {
    case 'incident_needs_care':
      return t(item.supportRequested ? 'inbox.kinds.incident_needs_care_support' : 'inbox.kinds.incident_needs_care', {
        severity,
      });
    case 'incident_acknowledged':
      return t('inbox.kinds.incident_acknowledged', { name: who(item.by) });
    case 'support_offered':
      return t('inbox.kinds.support_offered', { name: who(item.by), kind: t(`supportKindLabels.${item.supportKind}`) });
    case 'incident_escalated':
      return item.teamId
        ? t('inbox.kinds.incident_escalated_officer', {
            severity,
            reason: t(`escalationReasons.${item.reason}`, { defaultValue: item.reason }),
          })
        : t('inbox.kinds.incident_escalated');
    case 'acknowledgement_due':
      return t('inbox.kinds.acknowledgement_due', { severity, time: item.dueAt ? time(item.dueAt) : '' });
    case 'customer_action_recorded':
      return t('inbox.kinds.customer_action_recorded', { action: t(`customerActionLabels.${item.action}`) });
    case 'incident_closed':
      return t('inbox.kinds.incident_closed', { outcome: t(`outcomeLabels.${item.outcome}`) });
    case 'care_check_in':
      return t('inbox.kinds.care_check_in');
    case 'repeat_abuser_matched':
      return t('inbox.kinds.repeat_abuser_matched', { agents: item.distinctAgents });
    case 'kudos_received':
      return t('inbox.kinds.kudos_received', { name: who(item.from), message: item.message });
    case 'kudos_reactions':
      return t('inbox.kinds.kudos_reactions', {
        reactions: Object.entries(item.reactions ?? {})
          .map(([emoji, count]) => `${emoji} ${count}`)
          .join(' '),
      });
    case 'badge_awarded':
      return t('inbox.kinds.badge_awarded', { badge: t(`badges.${item.badge}`, { defaultValue: item.badge }) });
    case 'campaign_announcement':
      return t('inbox.kinds.campaign_announcement', { day: item.day, text: item.text });
    default:
      return t('inbox.kinds.other');
  }
}
