import i18next from 'i18next';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { type InboxItem, inboxItemText } from './inbox-item-text';
import { liveInboxItems } from './live-inbox-items';

const translator = async (lng: 'en' | 'fr') => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: en }, fr: { translation: fr } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
};
const item = (fields: Partial<InboxItem>): InboxItem => ({
  id: 'x',
  kind: 'care_check_in',
  at: '',
  read: false,
  ...fields,
});
const time = () => '14:00';

describe('what an inbox item says', () => {
  it('names who acted, and the care workflow as the care team', async () => {
    const t = await translator('en');
    const bo = { personId: 'b', displayName: 'Bo Stein' };
    expect(inboxItemText(item({ kind: 'incident_acknowledged', by: bo }), t, time)).toBe(
      'Bo Stein acknowledged your report.',
    );
    expect(inboxItemText(item({ kind: 'support_offered', by: null, supportKind: 'recovery_break' }), t, time)).toBe(
      'The care team offered you support: Recovery break.',
    );
  });

  it('tells the reporter and the officers of an escalation differently', async () => {
    const t = await translator('en');
    expect(inboxItemText(item({ kind: 'incident_escalated' }), t, time)).toBe(
      'Your report was passed to the wellbeing officers.',
    );
    const officers = item({ kind: 'incident_escalated', teamId: 't', severity: 'high', reason: 'sla_breach' });
    expect(inboxItemText(officers, t, time)).toBe('An incident (High) was escalated: not acknowledged in time.');
  });

  it('speaks French with the French catalog', async () => {
    const t = await translator('fr');
    expect(inboxItemText(item({ kind: 'incident_closed', outcome: 'resolved' }), t, time)).toBe(
      'Votre signalement a été clos : Résolu.',
    );
  });

  it('says something for a kind it does not know yet', async () => {
    const t = await translator('en');
    expect(inboxItemText(item({ kind: 'something_new' as InboxItem['kind'] }), t, time)).toBe(
      'Something new concerns you.',
    );
  });
});

describe('the inbox items of a stream message', () => {
  it('are the item of an inbox event, unread', () => {
    const data = JSON.stringify({ id: 'pg:1', kind: 'care_check_in', at: '2026-12-07T10:00:00Z' });
    expect(liveInboxItems({ event: 'inbox', data })).toEqual([
      { id: 'pg:1', kind: 'care_check_in', at: '2026-12-07T10:00:00Z', read: false },
    ]);
  });

  it('are none for kudos, heartbeats or a body that is not an item', () => {
    expect(liveInboxItems({ event: 'kudos', data: '{"kudosId":"k"}' })).toEqual([]);
    expect(liveInboxItems({ event: 'inbox', data: '' })).toEqual([]);
    expect(liveInboxItems({ event: 'inbox', data: 'not json' })).toEqual([]);
    expect(liveInboxItems({ event: 'inbox', data: '{"kind":"care_check_in"}' })).toEqual([]);
  });
});
