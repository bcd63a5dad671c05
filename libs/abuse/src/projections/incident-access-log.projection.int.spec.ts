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
      {
        entryId: 'queue:lead:2026-11-16',
        readerId: 'lead',
        role: 'team_lead',
        via: 'queue',
        narrative: false,
        at: at(1),
      },
      {
        entryId: `${opened.id}:0`,
        readerId: 'officer',
        role: 'wellbeing_officer',
        via: 'incident',
        narrative: true,
        at: at(5),
      },
    ]);
    expect(await entries('i2')).toEqual([
      expect.objectContaining({ entryId: 'queue:lead:2026-11-16', readerId: 'lead' }),
    ]);
  });

  it('keeps one line per reader and day for their queue sightings, at the last one, and every opening', async () => {
    const page = (minute: number, day = 16) =>
      accessed({
        readerId: 'officer',
        role: 'wellbeing_officer',
        via: 'queue',
        at: new Date(Date.UTC(2026, 10, day, 9, minute)).toISOString(),
        incidents: [{ incidentId: 'i1', narrative: false }],
      });
    const opened = (minute: number) =>
      accessed({
        readerId: 'officer',
        role: 'wellbeing_officer',
        via: 'incident',
        at: at(minute),
        incidents: [{ incidentId: 'i1', narrative: true }],
      });
    await testbed.given(page(1), opened(2), page(3), opened(4), page(5), page(1, 17));

    expect((await entries('i1')).map(({ via, at: when }) => [via, when])).toEqual([
      ['incident', at(2)],
      ['incident', at(4)],
      ['queue', at(5)],
      ['queue', '2026-11-17T09:01:00.000Z'],
    ]);
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
