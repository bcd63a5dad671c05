import '../admin.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api, idempotencyKey } from '../../api/client';
import { ProblemNotice } from '../../app/error-notice';
import type { Role } from '../../app/me';
import { usePageTitle } from '../../app/page-title';
import { ErasePerson } from './erase-person';
import { useMembers, useTeams } from './use-directory';

const ROLES: readonly Role[] = ['agent', 'team_lead', 'wellbeing_officer', 'hr', 'admin'];

/** Teams and people: create a team, enrol, move, offboard and erase, one team at a time. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const title = usePageTitle('directory.title');
  const teams = useTeams();
  const allTeams = teams.data?.pages.flatMap((page) => page.items) ?? [];
  const [chosen, setChosen] = useState<string>();
  const teamId = chosen ?? allTeams[0]?.teamId;
  const teamName = (id: string) => allTeams.find((team) => team.teamId === id)?.name ?? '';
  return (
    <section className="page stack">
      <h1>{title}</h1>
      {teams.isError && <ProblemNotice error={teams.error} />}
      <div className="field">
        <label htmlFor="directory-team">{t('directory.team')}</label>
        <select id="directory-team" value={teamId ?? ''} onChange={(event) => setChosen(event.target.value)}>
          {allTeams.map((team) => (
            <option key={team.teamId} value={team.teamId}>
              {team.parentTeamId
                ? t('directory.teamOf', { team: team.name, site: teamName(team.parentTeamId) })
                : team.name}
            </option>
          ))}
        </select>
        {teams.hasNextPage && (
          <Button className="button button-quiet" onPress={() => void teams.fetchNextPage()}>
            {t('directory.moreTeams')}
          </Button>
        )}
      </div>
      {teamId && <Members teamId={teamId} teamName={teamName(teamId)} teams={allTeams} />}
      {teamId && <EnrolPerson teamId={teamId} teamName={teamName(teamId)} />}
      <CreateTeam teams={allTeams} onCreated={setChosen} />
    </section>
  );
}

type Team = { teamId: string; name: string };

function Members({ teamId, teamName, teams }: { teamId: string; teamName: string; teams: Team[] }) {
  const { t } = useTranslation();
  const members = useMembers(teamId);
  const people = members.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="stack" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('directory.members', { team: teamName })}</h2>
      {members.isError && <ProblemNotice error={members.error} />}
      {members.isSuccess && people.length === 0 && <p>{t('directory.noMembers')}</p>}
      <ul className="list">
        {people.map((person) => (
          <li key={person.personId} className="card stack">
            <strong>{person.displayName}</strong>
            <span>{person.roles.map((role) => t(`roles.${role}`)).join(', ')}</span>
            <MemberActions person={person} teamId={teamId} teams={teams} />
          </li>
        ))}
      </ul>
      {members.hasNextPage && (
        <Button className="button button-quiet" onPress={() => void members.fetchNextPage()}>
          {t('directory.morePeople')}
        </Button>
      )}
    </section>
  );
}

function MemberActions({
  person,
  teamId,
  teams,
}: {
  person: { personId: string; displayName: string };
  teamId: string;
  teams: Team[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const others = teams.filter((team) => team.teamId !== teamId);
  const [to, setTo] = useState(others[0]?.teamId ?? '');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'members'] });
  const path = { params: { path: { id: person.personId } } };
  const move = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/v1/people/{id}/move', {
          ...path,
          body: { teamId: to },
          headers: { 'idempotency-key': idempotencyKey() },
        }),
      ),
    onSuccess: refresh,
  });
  const offboard = useMutation({
    mutationFn: () =>
      answer(api.POST('/v1/people/{id}/offboard', { ...path, headers: { 'idempotency-key': idempotencyKey() } })),
    onSuccess: refresh,
  });
  const moveId = `move-${person.personId}`;
  return (
    <div className="stack">
      {others.length > 0 && (
        <div className="inline-list">
          <label htmlFor={moveId}>{t('directory.moveTo', { name: person.displayName })}</label>
          <select id={moveId} value={to} onChange={(event) => setTo(event.target.value)}>
            {others.map((team) => (
              <option key={team.teamId} value={team.teamId}>
                {team.name}
              </option>
            ))}
          </select>
          <Button className="button button-quiet" isDisabled={move.isPending} onPress={() => move.mutate()}>
            {t('directory.move')}
          </Button>
        </div>
      )}
      <div className="inline-list">
        <Button className="button button-quiet" isDisabled={offboard.isPending} onPress={() => offboard.mutate()}>
          {t('directory.offboard', { name: person.displayName })}
        </Button>
        <ErasePerson personId={person.personId} displayName={person.displayName} />
      </div>
      {move.isError && <ProblemNotice error={move.error} />}
      {offboard.isError && <ProblemNotice error={offboard.error} />}
    </div>
  );
}

function EnrolPerson({ teamId, teamName }: { teamId: string; teamName: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['agent']);
  const [key, setKey] = useState(idempotencyKey);
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const enrol = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/v1/people', { body: { displayName, teamId, roles, timezone }, headers: { 'idempotency-key': key } }),
      ),
    onSuccess: () => {
      setDisplayName('');
      setKey(idempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ['admin', 'members'] });
    },
  });
  return (
    <form
      className="stack card"
      aria-labelledby="enrol-heading"
      onSubmit={(event) => {
        event.preventDefault();
        enrol.mutate();
      }}
    >
      <h2 id="enrol-heading">{t('directory.enrolIn', { team: teamName })}</h2>
      <TextField className="field" value={displayName} onChange={setDisplayName} maxLength={100} isRequired>
        <Label>{t('directory.displayName')}</Label>
        <Input />
      </TextField>
      <CheckboxGroup className="field" value={roles} onChange={(value) => setRoles(value as Role[])}>
        <Label>{t('directory.roles')}</Label>
        <div className="choices">
          {ROLES.map((role) => (
            <Checkbox key={role} value={role} className="choice">
              {t(`roles.${role}`)}
            </Checkbox>
          ))}
        </div>
      </CheckboxGroup>
      {enrol.isError && <ProblemNotice error={enrol.error} />}
      {enrol.isSuccess && (
        <p role="status" className="notice notice-ok">
          <span aria-hidden="true">✓ </span>
          {t('directory.enrolled')}
        </p>
      )}
      <Button type="submit" className="button" isDisabled={enrol.isPending}>
        {t('directory.enrol')}
      </Button>
    </form>
  );
}

function CreateTeam({ teams, onCreated }: { teams: Team[]; onCreated: (teamId: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [parentTeamId, setParent] = useState('');
  const [key, setKey] = useState(idempotencyKey);
  const create = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/v1/teams', {
          body: { name, parentTeamId: parentTeamId || undefined },
          headers: { 'idempotency-key': key },
        }),
      ),
    onSuccess: async (created) => {
      setName('');
      setKey(idempotencyKey());
      await queryClient.invalidateQueries({ queryKey: ['admin', 'teams'] });
      const teamId = (created as { teamId?: string } | undefined)?.teamId;
      if (teamId) onCreated(teamId);
    },
  });
  return (
    <form
      className="stack card"
      aria-labelledby="create-team-heading"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <h2 id="create-team-heading">{t('directory.createTeam')}</h2>
      <TextField className="field" value={name} onChange={setName} maxLength={100} isRequired>
        <Label>{t('directory.teamName')}</Label>
        <Input />
      </TextField>
      <div className="field">
        <label htmlFor="create-team-parent">{t('directory.parentTeam')}</label>
        <select id="create-team-parent" value={parentTeamId} onChange={(event) => setParent(event.target.value)}>
          <option value="">{t('directory.noParent')}</option>
          {teams.map((team) => (
            <option key={team.teamId} value={team.teamId}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      {create.isError && <ProblemNotice error={create.error} />}
      <Button type="submit" className="button" isDisabled={create.isPending}>
        {t('directory.create')}
      </Button>
    </form>
  );
}
