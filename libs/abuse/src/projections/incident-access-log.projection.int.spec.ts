import { ProjectionTestbed, recorded } from '@frontline/testing';
import type { IncidentsAccessed } from '../domain/incident-access.events';
import { decodeAccessEntry } from './incident-access-log.keys';
import { incidentAccessLogProjection } from './incident-access-log.projection';

describe('incident access log projection', () => {
  let testbed: ProjectionTestbed;
  beforeEach(() => (testbed = new ProjectionTestbed(incidentAccessLogProjection)));
  afterEach(() => testbed.close());

  const at = (minute: number) => new Date(Date.UTC(2026, 10, 16, 9, minute)).toISOString();
  const accessed = (data: IncidentsAccessed['data']) => recorded('IncidentsAccessed', data);

  /** The log of one incident, oldest first, as the query reads it. */
  async function entries(incidentId: string) {
    const ids = await testbed.redis.zrange(testbed.keys.key('incident', incidentId), '0', '-1');
    if (ids.length === 0) return [];
    const found = await testbed.redis.hmget(testbed.keys.key('incident', incidentId, 'entries'), ...ids);
    return ids.map((entryId, i) => ({ entryId, ...decodeAccessEntry(found[i]!) }));
  }

  it("files each incident of an answer under that incident's log, in time order", async () => {
    const opened = accessed({
      readerId: 'officer',
      role: 'wellbeing_officer',
      via: 'incident',
      at: at(5),
      incidents: [{ incidentId: 'i1', narrative: true }],
    });
    const page = accessed({
      readerId: 'lead',
      role: 'team_lead',
      via: 'queue',
      at: at(1),
      incidents: [
        { incidentId: 'i1', narrative: false },
        { incidentId: 'i2', narrative: false },
      ],
    });
    await testbed.given(opened, page);

    expect(await entries('i1')).toEqual([
      { entryId: `${page.id}:0`, readerId: 'lead', role: 'team_lead', via: 'queue', narrative: false, at: at(1) },
      {
        entryId: `${opened.id}:0`,
        readerId: 'officer',
        role: 'wellbeing_officer',
        via: 'incident',
        narrative: true,
        at: at(5),
      },
    ]);
    expect(await entries('i2')).toEqual([expect.objectContaining({ entryId: `${page.id}:1`, readerId: 'lead' })]);
  });

  it('writes nothing new when the same event comes twice, as after a lost checkpoint', async () => {
    const event = accessed({
      readerId: 'officer',
      role: 'wellbeing_officer',
      via: 'incident',
      at: at(5),
      incidents: [{ incidentId: 'i1', narrative: true }],
    });
    await testbed.given(event);
    const once = await testbed.model();
    // The same event (same id) at a later position of the log: applied again, to the same effect.
    await testbed.given({ ...event, position: recorded('Other', {}).position });
    expect(await testbed.model()).toEqual(once);
    expect(await entries('i1')).toHaveLength(1);
  });
});
