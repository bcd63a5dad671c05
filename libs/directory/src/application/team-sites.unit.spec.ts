import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '@frontline/event-store';
import { CommandExecutor } from '@frontline/platform';
import { teamStream } from '../domain/directory.streams';
import { UnknownTeamError } from '../domain/team.decider';
import type { TeamCreated } from '../domain/team.events';
import { TeamSites } from './team-sites';

const metadata = { correlationId: 'c1', causationId: 'c1', actorId: 'admin', schemaVersion: 1 };

class CountingReads extends InMemoryEventStore {
  reads = 0;
  override readStream(...args: Parameters<InMemoryEventStore['readStream']>) {
    this.reads++;
    return super.readStream(...args);
  }
}

describe('the site of a team', () => {
  let store: CountingReads;
  let sites: TeamSites;

  const created = (data: TeamCreated['data']) =>
    store.appendToStream(teamStream(data.teamId), [{ id: randomUUID(), type: 'TeamCreated', data, metadata }], {
      expectedRevision: 'no_stream',
    });

  beforeEach(() => {
    store = new CountingReads();
    sites = new TeamSites(new CommandExecutor(store));
  });

  it('is the site the team recorded when it was created', async () => {
    await created({ teamId: 'chat', name: 'Lyon chat', parentTeamId: 'lyon', siteId: 'lyon' });
    expect(await sites.siteOf('chat')).toBe('lyon');
  });

  it('is, for teams created before sites were recorded, the root up their parents, or the team itself', async () => {
    await created({ teamId: 'lyon', name: 'Lyon' });
    await created({ teamId: 'chat', name: 'Lyon chat', parentTeamId: 'lyon' });
    await created({ teamId: 'chat-b', name: 'Lyon chat B', parentTeamId: 'chat' });
    expect(await sites.siteOf('chat-b')).toBe('lyon');
    expect(await sites.siteOf('lyon')).toBe('lyon');
  });

  it('is read from the log once per team, the way up included, since it never changes', async () => {
    await created({ teamId: 'lyon', name: 'Lyon' });
    await created({ teamId: 'chat', name: 'Lyon chat', parentTeamId: 'lyon' });
    await sites.siteOf('chat');
    store.reads = 0;
    expect([await sites.siteOf('chat'), await sites.siteOf('lyon')]).toEqual(['lyon', 'lyon']);
    expect(store.reads).toBe(0);
  });

  it('refuses a team that does not exist, and finds it once it does', async () => {
    await expect(sites.siteOf('porto')).rejects.toThrow(UnknownTeamError);
    await created({ teamId: 'porto', name: 'Porto', siteId: 'porto' });
    expect(await sites.siteOf('porto')).toBe('porto');
  });
});
