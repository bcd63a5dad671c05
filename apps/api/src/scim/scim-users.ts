import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { v5 as uuidV5 } from 'uuid';
import {
  ChangePersonCommand,
  CreateTeamCommand,
  EnrolPersonCommand,
  IdentityLinks,
  ProvisionedPeople,
  type ProvisionedPerson,
  TeamAlreadyExistsError,
  teamDecider,
  teamStream,
} from '@frontline/directory';
import { AppConfig, type CommandContext, CommandExecutor, newId } from '@frontline/platform';
import { type RoleGroup, roleGroupsOf } from './role-groups';
import {
  SCIM_BASE,
  SCIM_MAX_RESULTS,
  ScimError,
  equalityFilter,
  normalisedPatch,
  scimmy,
  withBooleans,
} from './scimmy';

/** Where SCIM puts someone until a team group adds them: a User has no team of its own. */
export const UNASSIGNED_TEAM = {
  teamId: uuidV5('frontline:scim:unassigned', '6ba7b811-9dad-11d1-80b4-00c04fd430c8'),
  name: 'Unassigned',
};

/** What a SCIM User sets in the directory. */
interface DesiredUser {
  userName: string;
  externalId?: string;
  displayName: string;
  active: boolean;
  timezone: string;
}

const isTimeZone = (zone: string) => {
  try {
    return Boolean(new Intl.DateTimeFormat('en', { timeZone: zone }));
  } catch {
    return false;
  }
};

/**
 * SCIM Users are the people the directory links to an identity. Every write is the directory's
 * own commands (enrol, link identity, rename, offboard, reinstate), so it is idempotent as they are.
 */
@Injectable()
export class ScimUsers {
  private readonly roleGroups: RoleGroup[];
  private unassignedTeamExists = false;

  constructor(
    private readonly commands: CommandBus,
    private readonly people: ProvisionedPeople,
    private readonly links: IdentityLinks,
    private readonly executor: CommandExecutor,
    config: AppConfig,
  ) {
    this.roleGroups = roleGroupsOf(config);
  }

  async get(id: string): Promise<object> {
    return this.toScim(await this.find(id));
  }

  async list(filter: string | undefined, startIndex: number, count: number) {
    let people: ProvisionedPerson[];
    let total: number;
    if (filter) {
      const { attribute, value } = equalityFilter(filter, ['userName', 'externalId']);
      const holder = await this.links.holderOf(attribute as 'userName' | 'externalId', value);
      const person = holder === undefined ? undefined : await this.people.find(holder);
      people = person && startIndex === 1 && count > 0 ? [person] : [];
      total = person ? 1 : 0;
    } else {
      ({ total, people } = await this.people.page(startIndex - 1, Math.min(count, SCIM_MAX_RESULTS)));
    }
    return { total, resources: await Promise.all(people.map((person) => this.toScim(person))) };
  }

  async create(body: unknown, context: CommandContext): Promise<object> {
    const desired = this.desired(body);
    await this.ensureUnassignedTeam(context);
    const personId = newId(context, 'person');
    const identity = { userName: desired.userName, externalId: desired.externalId };
    const { displayName, timezone } = desired;
    const person = { personId, teamId: UNASSIGNED_TEAM.teamId, displayName, roles: ['agent'], timezone, identity };
    await this.commands.execute(new EnrolPersonCommand(person, context));
    if (!desired.active) {
      await this.change({ type: 'OffboardPerson', personId }, context);
      return this.get(personId);
    }
    // Just written, in one append: PersonEnrolled and PersonIdentityLinked, revisions 0 and 1.
    const { displayName: name, userName, externalId } = desired;
    const created = { personId, active: true, teamId: UNASSIGNED_TEAM.teamId, roles: ['agent'], revision: 1n };
    return this.toScim(
      { ...created, displayName: name, userName, ...(externalId ? { externalId } : {}) },
      UNASSIGNED_TEAM.name,
    );
  }

  async replace(id: string, body: unknown, context: CommandContext): Promise<object> {
    const current = await this.find(id);
    await this.apply(current, this.desired(body), context);
    return this.get(id);
  }

  /** SCIMMY applies the operations to the User as it is now; the result is then written as a replacement. */
  async patch(id: string, body: unknown, context: CommandContext): Promise<object> {
    const current = await this.find(id);
    const patch = new (scimmy().Messages.PatchOp)({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      ...normalisedPatch(body),
    } as never);
    const resource = new (scimmy().Schemas.User)(await this.toScim(current), 'out', `${SCIM_BASE}/Users`);
    await patch.apply(resource, async (patched: object) => {
      await this.apply(current, this.desired(patched), context);
      return patched;
    });
    return this.get(id);
  }

  /** Deprovisioned: offboarded, and no identity signs in as them any more; what they did stays. */
  async delete(id: string, context: CommandContext): Promise<void> {
    const { personId } = await this.find(id);
    await this.change({ type: 'OffboardPerson', personId }, context);
    await this.change({ type: 'UnlinkIdentity', personId }, context);
  }

  private async apply(current: ProvisionedPerson, desired: DesiredUser, context: CommandContext): Promise<void> {
    const { personId } = current;
    const identity = { userName: desired.userName, externalId: desired.externalId };
    await this.change({ type: 'LinkIdentity', personId, identity }, context);
    if (desired.displayName !== current.displayName)
      await this.change({ type: 'RenamePerson', personId, displayName: desired.displayName }, context);
    if (desired.active !== current.active)
      await this.change({ type: desired.active ? 'ReinstatePerson' : 'OffboardPerson', personId }, context);
  }

  private change(change: ChangePersonCommand['change'], context: CommandContext) {
    return this.commands.execute(new ChangePersonCommand(change, context));
  }

  private async find(id: string): Promise<ProvisionedPerson> {
    const person = /^[\w-]{1,64}$/.test(id) ? await this.people.find(id) : undefined;
    if (!person) throw new ScimError(404, null, `No User ${id}`);
    return person;
  }

  /** SCIMMY checks the resource against the User schema; Entra's "True" and "False" are booleans first. */
  private desired(body: unknown): DesiredUser {
    const user = new (scimmy().Schemas.User)(withBooleans(body), 'in') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- SCIMMY's resources are untyped
    const name = user.name as { formatted?: string; givenName?: string; familyName?: string } | undefined;
    const displayName =
      user.displayName ??
      name?.formatted ??
      ([name?.givenName, name?.familyName].filter(Boolean).join(' ') || user.userName);
    const timezone = user.timezone ?? 'UTC';
    if (!isTimeZone(timezone)) throw new ScimError(400, 'invalidValue', 'timezone is not an IANA time zone');
    if (String(user.userName).length > 256 || String(user.externalId ?? '').length > 256 || displayName.length > 100)
      throw new ScimError(400, 'invalidValue', 'userName and externalId take 256 characters at most, displayName 100');
    return { userName: user.userName, externalId: user.externalId, displayName, active: user.active ?? true, timezone };
  }

  /** Made on first use; once it exists it always will (teams are never removed), so this instance stops asking. */
  private async ensureUnassignedTeam(context: CommandContext): Promise<void> {
    if (this.unassignedTeamExists) return;
    const { state } = await this.executor.load(teamStream(UNASSIGNED_TEAM.teamId), teamDecider);
    if (state.status === 'none')
      await this.commands.execute(new CreateTeamCommand(UNASSIGNED_TEAM, context)).catch((error: unknown) => {
        if (!(error instanceof TeamAlreadyExistsError)) throw error;
      });
    this.unassignedTeamExists = true;
  }

  private async toScim(person: ProvisionedPerson, knownTeamName?: string): Promise<object> {
    const team =
      knownTeamName !== undefined
        ? { status: 'active' as const, name: knownTeamName }
        : (await this.executor.load(teamStream(person.teamId), teamDecider)).state;
    const roles = this.roleGroups.filter((group) => person.roles.includes(group.role));
    return {
      id: person.personId,
      userName: person.userName,
      ...(person.externalId === undefined ? {} : { externalId: person.externalId }),
      displayName: person.displayName,
      name: { formatted: person.displayName },
      active: person.active,
      groups: [
        { value: person.teamId, display: team.status === 'active' ? team.name : undefined, type: 'direct' },
        ...roles.map((group) => ({ value: group.id, display: group.displayName, type: 'direct' })),
      ],
      meta: { resourceType: 'User', version: `W/"${person.revision}"` },
    };
  }
}
