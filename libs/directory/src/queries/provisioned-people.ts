import { Injectable } from '@nestjs/common';
import { CommandExecutor, PersonalData } from '@frontline/platform';
import { ReadModels } from '@frontline/read-models';
import { personStream } from '../domain/directory.streams';
import { personDecider } from '../domain/person.decider';
import type { PersonEvent } from '../domain/person.events';
import { personProfile } from '../domain/person.profile';
import { directoryProjection } from '../projections/directory.projection';

/** Someone an identity provider signs in, in plaintext, as their own stream has them now. */
export interface ProvisionedPerson {
  personId: string;
  active: boolean;
  teamId: string;
  roles: string[];
  displayName: string;
  userName: string;
  externalId?: string;
  /** The stream revision: a SCIM resource's version. */
  revision: bigint;
}

/** The people linked to an identity: one by id from their stream, or a page of them in id order from the directory read model. */
@Injectable()
export class ProvisionedPeople {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly readModels: ReadModels,
  ) {}

  /** Undefined for someone unknown, or whom no identity signs in as (never linked, or unlinked). */
  async find(personId: string): Promise<ProvisionedPerson | undefined> {
    const { recorded, revision } = await this.executor.load(personStream(personId), personDecider);
    const profile = personProfile(recorded as unknown as PersonEvent[]);
    if (!profile?.identity) return undefined;
    const { userName, externalId } = profile.identity;
    const [displayName, plainUserName, plainExternalId] = await this.personalData.decryptAll([
      profile.displayName,
      userName,
      ...(externalId ? [externalId] : []),
    ]);
    return {
      personId,
      active: profile.status === 'active',
      teamId: profile.teamId,
      roles: profile.roles,
      displayName,
      userName: plainUserName,
      ...(plainExternalId === undefined ? {} : { externalId: plainExternalId }),
      revision,
    };
  }

  /** `offset` from 0; `total` counts everyone linked, as the page was read. */
  async page(offset: number, count: number): Promise<{ total: number; people: ProvisionedPerson[] }> {
    const key = (await this.readModels.layout(directoryProjection)).linked;
    const [total, ids] = await Promise.all([
      this.readModels.redis.zcard(key),
      count === 0 ? [] : this.readModels.redis.zrange(key, String(offset), String(offset + count - 1)),
    ]);
    const people = await Promise.all(ids.map((id) => this.find(id)));
    return { total, people: people.filter((person) => person !== undefined) };
  }
}
