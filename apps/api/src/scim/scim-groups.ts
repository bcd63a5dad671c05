import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ChangePersonCommand,
  CreateTeamCommand,
  ProvisionedPeople,
  RenameTeamCommand,
  teamDecider,
  teamStream,
} from '@frontline/directory';
import { AppConfig, type CommandContext, CommandExecutor, type Role, newId } from '@frontline/platform';
import { ReadModels } from '@frontline/read-models';
import { type RoleGroup, roleGroupsOf, rolesWith } from './role-groups';
import { SCIM_MAX_MEMBER_CHANGES, ScimError, equalityFilter, normalisedPatch, scimmy } from './scimmy';

/** A member change SCIM asks for: who, and whether they join or leave. */
interface MemberChange {
  personId: string;
  joins: boolean;
}

type Group = { kind: 'role'; group: RoleGroup } | { kind: 'team'; teamId: string; name: string; parentTeamId?: string };

/** Where a group's parent team goes: SCIM's core Group has none. */
export const TEAM_EXTENSION = 'urn:frontline:params:scim:schemas:extension:team:2.0:Group';

/**
 * SCIM Groups are teams (joining one moves a person there; leaving one changes nothing, as
 * everyone is in a team) and role groups, which SCIM_ROLE_GROUPS maps to Frontline's roles.
 */
@Injectable()
export class ScimGroups {
  private readonly roleGroups: RoleGroup[];

  constructor(
    private readonly commands: CommandBus,
    private readonly executor: CommandExecutor,
    private readonly people: ProvisionedPeople,
    private readonly readModels: ReadModels,
    config: AppConfig,
  ) {
    this.roleGroups = roleGroupsOf(config);
  }

  async get(id: string): Promise<object> {
    return this.toScim(await this.find(id));
  }

  async list(filter: string | undefined) {
    const wanted = filter ? equalityFilter(filter, ['displayName']).value.toLowerCase() : undefined;
    const groups = (await this.all()).filter((group) => wanted === undefined || nameOf(group).toLowerCase() === wanted);
    return { total: groups.length, resources: await Promise.all(groups.map((group) => this.toScim(group))) };
  }

  async create(body: unknown, context: CommandContext): Promise<object> {
    const { displayName, members, parentTeamId } = this.parsed(body);
    if ((await this.list(`displayName eq ${JSON.stringify(displayName)}`)).total > 0)
      throw new ScimError(409, 'uniqueness', `A group is named ${displayName} already`);
    const teamId = newId(context, 'team');
    await this.commands.execute(new CreateTeamCommand({ teamId, name: displayName, parentTeamId }, context));
    await this.changeMembers(
      teamId,
      members.map((personId) => ({ personId, joins: true })),
      context,
    );
    return this.get(teamId);
  }

  async replace(id: string, body: unknown, context: CommandContext): Promise<object> {
    const group = await this.find(id);
    const { displayName, members } = this.parsed(body);
    if (group.kind === 'team')
      await this.commands.execute(new RenameTeamCommand({ teamId: id, name: displayName }, context));
    await this.changeMembers(
      id,
      members.map((personId) => ({ personId, joins: true })),
      context,
    );
    return this.get(id);
  }

  /** Members change one by one, as the operations say, in batches as Entra ID sends them. */
  async patch(id: string, body: unknown, context: CommandContext): Promise<void> {
    const group = await this.find(id);
    const changes: MemberChange[] = [];
    for (const { op, path, value } of normalisedPatch(body).Operations) {
      const operation = op.toLowerCase();
      const renamed = path?.toLowerCase() === 'displayname' ? value : (value as { displayName?: unknown })?.displayName;
      if (operation !== 'remove' && typeof renamed === 'string' && group.kind === 'team')
        await this.commands.execute(new RenameTeamCommand({ teamId: id, name: renamed }, context));
      changes.push(...memberChanges(operation, path, value));
    }
    await this.changeMembers(id, changes, context);
  }

  private async changeMembers(groupId: string, changes: MemberChange[], context: CommandContext): Promise<void> {
    if (changes.length > SCIM_MAX_MEMBER_CHANGES)
      throw new ScimError(400, 'tooMany', `At most ${SCIM_MAX_MEMBER_CHANGES} member changes at once`);
    const group = await this.find(groupId);
    for (const { personId, joins } of changes) {
      const person = await this.people.find(personId);
      if (!person) throw new ScimError(400, 'invalidValue', `No User ${personId}`);
      if (group.kind === 'team') {
        if (joins && person.active && person.teamId !== groupId)
          await this.change({ type: 'MovePerson', personId, toTeamId: groupId }, context);
        continue;
      }
      const role: Role[] = [group.group.role];
      const roles = rolesWith(person.roles, joins ? { add: role } : { remove: role });
      await this.change({ type: 'ChangeRoles', personId, roles }, context);
    }
  }

  private change(change: ChangePersonCommand['change'], context: CommandContext) {
    return this.commands.execute(new ChangePersonCommand(change, context));
  }

  private async find(id: string): Promise<Group> {
    const role = this.roleGroups.find((group) => group.id === id);
    if (role) return { kind: 'role', group: role };
    const { state } = /^[\w-]{1,64}$/.test(id)
      ? await this.executor.load(teamStream(id), teamDecider)
      : { state: { status: 'none' as const } };
    if (state.status === 'none') throw new ScimError(404, null, `No Group ${id}`);
    return { kind: 'team', teamId: id, name: state.name, parentTeamId: state.parentTeamId };
  }

  /** Every role group, then every team of the directory read model: an organisation has hundreds of teams, not millions. */
  private async all(): Promise<Group[]> {
    const keys = await this.readModels.keys('directory');
    const teamIds = (await this.readModels.redis.smembers(keys.key('teams'))).sort();
    const names = await Promise.all(
      teamIds.map((teamId) => this.readModels.redis.hget(keys.key('team', teamId), 'name')),
    );
    return [
      ...this.roleGroups.map((group) => ({ kind: 'role' as const, group })),
      ...teamIds.map((teamId, i) => ({ kind: 'team' as const, teamId, name: names[i] ?? '' })),
    ];
  }

  private parsed(body: unknown): { displayName: string; members: string[]; parentTeamId?: string } {
    const group = new (scimmy().Schemas.Group)(body, 'in') as { displayName: string; members?: { value: string }[] };
    const parentTeamId = (body as Record<string, { parentTeamId?: unknown } | undefined>)?.[TEAM_EXTENSION]
      ?.parentTeamId;
    if (group.displayName.length > 100)
      throw new ScimError(400, 'invalidValue', 'displayName takes 100 characters at most');
    if (parentTeamId !== undefined && typeof parentTeamId !== 'string')
      throw new ScimError(400, 'invalidValue', 'parentTeamId is the id of a Group');
    return { displayName: group.displayName, members: (group.members ?? []).map(({ value }) => value), parentTeamId };
  }

  private async toScim(group: Group): Promise<object> {
    if (group.kind === 'role')
      return { id: group.group.id, displayName: group.group.displayName, meta: { resourceType: 'Group' } };
    const keys = await this.readModels.keys('directory');
    const members = await this.readModels.redis.smembers(keys.key('team', group.teamId, 'members'));
    return {
      id: group.teamId,
      displayName: group.name,
      members: members.map((value) => ({ value, type: 'User' })),
      ...(group.parentTeamId ? { [TEAM_EXTENSION]: { parentTeamId: group.parentTeamId } } : {}),
      meta: { resourceType: 'Group' },
    };
  }
}

const nameOf = (group: Group) => (group.kind === 'role' ? group.group.displayName : group.name);

/** `members` with values, or `members[value eq "id"]`, as Okta and Entra ID send them. */
function memberChanges(operation: string, path: string | undefined, value: unknown): MemberChange[] {
  const joins = operation !== 'remove';
  if (path === undefined) {
    const members = (value as { members?: unknown })?.members;
    return Array.isArray(members) ? members.map((member) => ({ personId: valueOf(member), joins })) : [];
  }
  if (path.toLowerCase() === 'members')
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((member) => ({
      personId: valueOf(member),
      joins,
    }));
  const filtered = /^members\[(.+)\]$/i.exec(path);
  if (filtered) return [{ personId: equalityFilter(filtered[1], ['value']).value, joins }];
  return [];
}

function valueOf(member: unknown): string {
  const value = (member as { value?: unknown })?.value;
  if (typeof value !== 'string') throw new ScimError(400, 'invalidValue', 'A member is { "value": "<User id>" }');
  return value;
}
