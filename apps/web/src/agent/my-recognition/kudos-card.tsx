import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { ProblemNotice } from '../../app/error-notice';
import { useFormat } from '../../app/format';
import { useMe } from '../../app/me';

export type KudosItem = components['schemas']['KudosItemResponse'];

/** The reactions offered, each with its name in the catalogs (`reactions.<name>`). */
export const REACTIONS = [
  { emoji: '👏', name: 'applause' },
  { emoji: '🎉', name: 'celebrate' },
  { emoji: '❤️', name: 'love' },
] as const;

/** One kudos: who thanked whom for what; anyone who sees it may react, its sender may retract it. */
export function KudosCard({ kudos, refresh }: { kudos: KudosItem; refresh: readonly unknown[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const queries = useQueryClient();
  const key = useRef(crypto.randomUUID());
  const done = () => queries.invalidateQueries({ queryKey: refresh });
  const react = useMutation({
    mutationFn: ({ emoji, name }: (typeof REACTIONS)[number]) =>
      answer(
        api.POST('/v1/kudos/{id}/reactions', {
          params: { path: { id: kudos.kudosId } },
          body: { emoji },
          // A header carries Latin-1 only: the reaction's name, not its emoji.
          headers: { 'idempotency-key': `${key.current}-${name}` },
        }),
      ),
    onSuccess: done,
  });
  const retract = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/v1/kudos/{id}/retract', {
          params: { path: { id: kudos.kudosId } },
          headers: { 'idempotency-key': `${key.current}-retract` },
        }),
      ),
    onSuccess: done,
  });
  const headingId = `kudos-${kudos.kudosId}`;
  return (
    <article className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-title">
        {t('kudos.fromTo', {
          from: kudos.from.personId === me.personId ? t('kudos.you') : kudos.from.displayName,
          to: kudos.to
            .map((person) => (person.personId === me.personId ? t('kudos.you') : person.displayName))
            .join(', '),
        })}
      </h3>
      <p>{kudos.message}</p>
      <p className="choices">
        {kudos.values.map((value) => (
          <span key={value} className="badge">
            {t(`kudosValues.${value}`)}
          </span>
        ))}
      </p>
      <p className="hint">
        {t(`visibilities.${kudos.visibility}`)} · {format.dateTime(kudos.sentAt)}
      </p>
      <div className="choices" role="group" aria-label={t('kudos.reactions')}>
        {REACTIONS.map((reaction) => (
          <Button
            key={reaction.name}
            className="button button-quiet"
            onPress={() => react.mutate(reaction)}
            isDisabled={react.isPending}
          >
            <span aria-hidden="true">{reaction.emoji}</span>
            <span className="visually-hidden">{t(`reactions.${reaction.name}`)}</span>{' '}
            {kudos.reactions[reaction.emoji] ?? 0}
          </Button>
        ))}
      </div>
      {kudos.from.personId === me.personId && (
        <Button className="link-button" onPress={() => retract.mutate()} isDisabled={retract.isPending}>
          {t('kudos.retract')}
        </Button>
      )}
      {react.isError && <ProblemNotice error={react.error} />}
      {retract.isError && <ProblemNotice error={retract.error} />}
    </article>
  );
}
