import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v5 as uuidV5 } from 'uuid';
import { type CommandContext, CommandExecutor, InvalidRequestException, stepOf } from '@frontline/platform';
import { ReadModels } from '@frontline/read-models';
import { type ImportedPerson, checkImport } from '../domain/directory-import';
import { teamStream } from '../domain/directory.streams';
import { TeamAlreadyExistsError, teamDecider } from '../domain/team.decider';
import { ProvisionedPeople } from '../queries/provisioned-people';
import { ChangePersonCommand } from './change-person.command';
import { CreateTeamCommand } from './create-team.command';
import { EnrolPersonCommand } from './enrol-person.command';
import { IdentityLinks } from './identity-links';
import { ImportDirectoryCommand, type ImportOutcome } from './import-directory.command';

// Namespace of the ids an import gives the teams and people it makes: the same row names the same one on every run.
const IMPORTED_IDS = '9e4c1f0a-7b3d-5c2e-8f6a-1d0b2c3e4f5a';

/**
 * Imports teams and people: nothing is written unless every row is good, and each row is
 * idempotent (a team is found by its name, a person by their user name), through the
 * directory's own commands.
 */
@CommandHandler(ImportDirectoryCommand)
export class ImportDirectoryHandler implements ICommandHandler<ImportDirectoryCommand> {
  constructor(
    private readonly commands: CommandBus,
    private readonly executor: CommandExecutor,
    private readonly readModels: ReadModels,
    private readonly links: IdentityLinks,
    private readonly people: ProvisionedPeople,
  ) {}

  async execute({ rows, dryRun, context }: ImportDirectoryCommand): Promise<ImportOutcome> {
    const { problems, people, teams } = checkImport(rows);
    if (problems.length > 0) throw new InvalidRequestException(problems);
    const teamIds = await this.existingTeams();
    const outcome: ImportOutcome = { dryRun, teams: { created: 0, existing: 0 }, people: { enrolled: 0, updated: 0 } };
    for (const { name, parentTeam } of teams) {
      if (teamIds.has(name)) {
        outcome.teams.existing++;
        continue;
      }
      const teamId = uuidV5(`team:${name}`, IMPORTED_IDS);
      teamIds.set(name, teamId);
      outcome.teams.created++;
      if (!dryRun) await this.createTeam(teamId, name, parentTeam && teamIds.get(parentTeam), context);
    }
    for (const person of people) {
      const holder = await this.links.holderOf('userName', person.userName);
      outcome.people[holder ? 'updated' : 'enrolled']++;
      if (dryRun) continue;
      const teamId = teamIds.get(person.team)!;
      const step = stepOf(context, `row:${person.line}`);
      if (holder) await this.update(holder, person, teamId, step);
      else await this.enrol(person, teamId, step);
    }
    return outcome;
  }

  /** Teams by name, as the directory read model has them; a name two teams share finds the first. */
  private async existingTeams(): Promise<Map<string, string>> {
    const keys = await this.readModels.keys('directory');
    const ids = (await this.readModels.redis.smembers(keys.key('teams'))).sort();
    const names = await Promise.all(ids.map((id) => this.readModels.redis.hget(keys.key('team', id), 'name')));
    const byName = new Map<string, string>();
    ids.forEach((id, i) => names[i] && !byName.has(names[i]) && byName.set(names[i], id));
    return byName;
  }

  private async createTeam(teamId: string, name: string, parentTeamId: string | undefined, context: CommandContext) {
    // Made by an earlier run whose read model has not caught up yet: there already.
    const { state } = await this.executor.load(teamStream(teamId), teamDecider);
    if (state.status !== 'none') return;
    const team = { teamId, name, ...(parentTeamId ? { parentTeamId } : {}) };
    await this.commands.execute(new CreateTeamCommand(team, stepOf(context, `team:${teamId}`))).catch((error) => {
      if (!(error instanceof TeamAlreadyExistsError)) throw error;
    });
  }

  private async enrol(
    { userName, externalId, displayName, roles, timezone }: ImportedPerson,
    teamId: string,
    context: CommandContext,
  ) {
    const personId = uuidV5(`person:${this.links.keyOf('userName', userName)}`, IMPORTED_IDS);
    const person = { personId, teamId, displayName, roles, timezone, identity: { userName, externalId } };
    await this.commands.execute(new EnrolPersonCommand(person, context));
  }

  private async update(personId: string, row: ImportedPerson, teamId: string, context: CommandContext) {
    const current = await this.people.find(personId);
    const changes: ChangePersonCommand['change'][] = [
      ...(current?.active ? [] : [{ type: 'ReinstatePerson' as const, personId }]),
      { type: 'LinkIdentity', personId, identity: { userName: row.userName, externalId: row.externalId } },
      ...(current?.displayName === row.displayName
        ? []
        : [{ type: 'RenamePerson' as const, personId, displayName: row.displayName }]),
      { type: 'MovePerson', personId, toTeamId: teamId },
      { type: 'ChangeRoles', personId, roles: row.roles },
    ];
    for (const [i, change] of changes.entries())
      await this.commands.execute(new ChangePersonCommand(change, stepOf(context, `change:${i}`)));
  }
}
