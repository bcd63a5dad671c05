import type { RecordedEvent } from '@frontline/event-store';
import { ReadModels } from '@frontline/read-models';
import {
  ProjectionTestbed,
  abuseIncidentReported,
  agentCheckInSent,
  announcementPublished,
  campaignPlanned,
  inboxReadUpTo,
  incidentAcknowledged,
  incidentClosed,
  incidentEscalated,
  kudosReactionAdded,
  kudosRetracted,
  kudosSent,
  personalDataErased,
  recorded,
  repeatAbuserMatched,
  supportOffered,
} from '@frontline/testing';
import { inboxTopicsOf, inboxTopicsOfEvent } from '../inbox-topics';
import type { InboxReader } from '../queries/inbox-reader';
import { InboxReader as Reader } from '../queries/inbox-reader';
import { inboxItemId } from './inbox.keys';
import { inboxProjection } from './inbox.projection';

const at = '2026-11-16T09:00:00.000Z';
const facts = {
  agentId: 'ana',
  teamId: 't1',
  channel: 'phone' as const,
  kinds: ['threat_to_job' as const],
  severity: 'critical' as const,
  occurredAt: at,
  reportedAt: at,
};
/** A recorded event of a fixture, in a stream of its own kind. */
const logged = ({ type, data }: { type: string; data: object }, streamName = 'test-stream'): RecordedEvent => ({
  ...recorded(type, data),
  streamName,
});
const reported = () =>
  logged(
    abuseIncidentReported({
      incidentId: 'i1',
      ...facts,
      customerPseudonym: 'cust_1',
      narrative: 'pd1.ana.secret',
      supportRequested: false,
      shareNarrativeWithLead: false,
    }),
  );
const kudos = () =>
  logged(
    kudosSent({
      kudosId: 'k1',
      fromId: 'bo',
      toIds: ['ana', 'cy'],
      message: 'Thanks for the calm',
      values: ['empathy'],
      visibility: 'team',
      sentAt: at,
    }),
  );
const reaction = (personId: string, emoji: string) =>
  logged(kudosReactionAdded({ kudosId: 'k1', personId, emoji, toIds: ['ana', 'cy'] }));

describe('inbox projection', () => {
  let testbed: ProjectionTestbed;
  let reader: InboxReader;
  beforeEach(() => {
    testbed = new ProjectionTestbed(inboxProjection);
    // Ids, audiences and the unread count need no names: no personal-data vault here.
    reader = new Reader(new ReadModels(testbed.redis), undefined as never);
  });
  afterEach(() => testbed.close());

  /** A viewer's item ids and bodies, newest first, as the query merges them. */
  async function inboxOf(viewer: { personId: string; roles: string[]; teamId?: string }) {
    const keys = await reader.keys();
    const ids = await reader.ids(keys, await reader.audiences(keys, viewer), 'newest_first', undefined, 100);
    const bodies = await Promise.all(ids.map((id) => testbed.redis.hget(keys.item(id), 'body')));
    return ids.map((id, i) => ({ id, ...(JSON.parse(bodies[i]!) as { kind: string; campaignId?: string }) }));
  }
  const agent = (personId: string, teamId = 't1') => ({ personId, roles: ['agent'], teamId });

  it("tells the reporter their incident's progress, in log order, and nothing of the narrative or customer", async () => {
    const events = [
      reported(),
      logged(incidentAcknowledged({ incidentId: 'i1', by: 'lead', at, ...facts })),
      logged(supportOffered({ incidentId: 'i1', kind: 'debrief', by: 'lead', ...facts })),
      logged(incidentClosed({ incidentId: 'i1', outcome: 'resolved', by: 'lead', agentId: 'ana' })),
      logged(agentCheckInSent({ incidentId: 'i1', agentId: 'ana', at })),
    ];
    await testbed.given(...events);

    const inbox = await inboxOf(agent('ana', 't9'));
    expect(inbox.map(({ id, kind }) => [id, kind])).toEqual([
      [inboxItemId(events[4].position, 0), 'care_check_in'],
      [inboxItemId(events[3].position, 0), 'incident_closed'],
      [inboxItemId(events[2].position, 0), 'support_offered'],
      [inboxItemId(events[1].position, 0), 'incident_acknowledged'],
    ]);
    expect(inbox[1]).toMatchObject({ incidentId: 'i1', outcome: 'resolved' });
    expect(JSON.stringify(await testbed.model())).not.toMatch(/cust_1|secret/);
  });

  it("alerts the leads of the incident's team only, and officers of escalations and matches", async () => {
    await testbed.given(
      reported(),
      logged(incidentEscalated({ incidentId: 'i1', reason: 'sla_breach', ...facts })),
      logged(
        repeatAbuserMatched({ customerPseudonym: 'cust_1', incidentIds: ['i1'], distinctAgents: 2, matchedAt: at }),
      ),
    );

    const lead = await inboxOf({ personId: 'lee', roles: ['team_lead'], teamId: 't1' });
    expect(lead.map(({ kind }) => kind)).toEqual(['incident_needs_care']);
    expect(lead[0]).toEqual(expect.not.objectContaining({ agentId: expect.anything() }));
    expect(await inboxOf({ personId: 'lou', roles: ['team_lead'], teamId: 't2' })).toEqual([]);
    expect(await inboxOf({ personId: 'cy', roles: ['agent'], teamId: 't1' })).toEqual([]);
    const officer = await inboxOf({ personId: 'wes', roles: ['wellbeing_officer'] });
    expect(officer.map(({ kind }) => kind)).toEqual(['repeat_abuser_matched', 'incident_escalated']);
    expect(officer[1]).toEqual(expect.not.objectContaining({ agentId: expect.anything() }));
  });

  it('keeps one reactions item per kudos and recipient, moved up by each reaction, and drops all on retraction', async () => {
    const sent = kudos();
    const [first, second] = [reaction('dee', '👏'), reaction('eve', '🎉')];
    await testbed.given(sent, first, second);

    const ana = await inboxOf(agent('ana'));
    expect(ana.map(({ id, kind }) => [id, kind])).toEqual([
      [inboxItemId(second.position, 0), 'kudos_reactions'],
      [inboxItemId(sent.position, 0), 'kudos_received'],
    ]);
    expect(ana[1]).toMatchObject({ kudosId: 'k1', fromId: 'bo', values: ['empathy'], message: 'Thanks for the calm' });
    expect((await inboxOf(agent('cy'))).map(({ id }) => id)).toEqual([
      inboxItemId(second.position, 1),
      inboxItemId(sent.position, 1),
    ]);
    const keys = await reader.keys();
    expect(await testbed.redis.hgetall(keys.reactions('k1'))).toEqual({ '👏': '1', '🎉': '1' });
    // Ana's own reaction moves Cy's item up, not hers.
    const own = reaction('ana', '❤️');
    await testbed.given(own);
    expect((await inboxOf(agent('ana')))[0].id).toBe(inboxItemId(second.position, 0));
    expect((await inboxOf(agent('cy')))[0].id).toBe(inboxItemId(own.position, 1));

    await testbed.given(logged(kudosRetracted({ kudosId: 'k1', by: 'bo' })));
    expect(await inboxOf(agent('ana'))).toEqual([]);
    expect(await inboxOf(agent('cy'))).toEqual([]);
  });

  it("shows a campaign's announcements to its audience only", async () => {
    const plan = (campaignId: string, teamIds: string[]) =>
      logged(
        campaignPlanned({
          campaignId,
          kind: 'customer_service_week',
          name: 'CSW',
          timezone: 'Europe/London',
          days: [],
          audience: { teamIds },
          plannedBy: 'hr',
          plannedAt: at,
          steps: [],
        }),
        `campaign-${campaignId}`,
      );
    const announce = (campaignId: string) =>
      logged(
        announcementPublished({ step: 'day-1', day: 1, text: 'Hello', publishedAt: at }),
        `campaign-${campaignId}`,
      );
    await testbed.given(plan('c-all', []), plan('c-t2', ['t2']), announce('c-all'), announce('c-t2'));

    expect((await inboxOf(agent('ana', 't1'))).map(({ campaignId }) => campaignId)).toEqual(['c-all']);
    expect((await inboxOf(agent('bo', 't2'))).map(({ campaignId }) => campaignId)).toEqual(['c-t2', 'c-all']);
  });

  it('counts unread items after the read marker, over every audience the viewer reads', async () => {
    const events = [reported(), logged(incidentAcknowledged({ incidentId: 'i1', by: 'lead', at, ...facts })), kudos()];
    await testbed.given(...events);
    const keys = await reader.keys();
    const lee = { personId: 'ana', roles: ['team_lead'], teamId: 't1' };
    const audiences = await reader.audiences(keys, lee);

    expect(await reader.unread(keys, audiences, await reader.readUpTo(keys, 'ana'))).toBe(3);
    await testbed.given(logged(inboxReadUpTo({ personId: 'ana', upTo: inboxItemId(events[1].position, 0), at })));
    expect(await reader.unread(keys, audiences, await reader.readUpTo(keys, 'ana'))).toBe(1);
  });

  it('changes nothing when the same events come again, rebuilds to the same model, and keeps no names', async () => {
    const events = [
      reported(),
      logged(incidentAcknowledged({ incidentId: 'i1', by: 'lead', at, ...facts })),
      kudos(),
      reaction('dee', '👏'),
      logged(inboxReadUpTo({ personId: 'ana', upTo: inboxItemId('pg:1', 0), at })),
    ];
    await testbed.given(...events);
    const once = await testbed.model();
    expect(await testbed.replay(undefined, events)).toBe('already_applied');
    expect(await testbed.replay(events[1].position, events.slice(2))).toBe('already_applied');
    expect(await testbed.model()).toEqual(once);
    // A rebuild reads the same log into a fresh generation: the same model.
    const again = new ProjectionTestbed(inboxProjection);
    try {
      await again.given(...events);
      expect(await again.model()).toEqual(once);
    } finally {
      await again.close();
    }
    // Erasure deletes the person's key; the inbox holds ids only, so it has nothing to forget.
    await testbed.given(logged(personalDataErased({ personId: 'bo' })));
    expect(await testbed.model()).toEqual(once);
  });

  it('names the topics a viewer listens to and those an event woke', async () => {
    expect(inboxTopicsOf({ personId: 'lee', roles: ['team_lead', 'wellbeing_officer'], teamId: 't1' })).toEqual([
      'inbox:person:lee',
      'inbox:teamLeads:t1',
      'inbox:officers',
      'inbox:campaigns',
    ]);
    expect(inboxTopicsOfEvent(reported())).toEqual(['inbox:teamLeads:t1']);
    expect(inboxTopicsOfEvent(kudos())).toEqual(['inbox:person:ana', 'inbox:person:cy']);
    expect(inboxTopicsOfEvent(logged(incidentEscalated({ incidentId: 'i1', reason: 'late', ...facts })))).toEqual([
      'inbox:person:ana',
      'inbox:officers',
    ]);
  });
});
