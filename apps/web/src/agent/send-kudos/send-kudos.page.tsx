import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useRef, useState } from 'react';
import {
  Button,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Tag,
  TagGroup,
  TagList,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { type components, sendKudosRequestValuesValues, sendKudosRequestVisibilityValues } from '../../api/schema.gen';
import { ProblemNotice } from '../../app/error-notice';
import { useMe } from '../../app/me';
import { usePageTitle } from '../../app/page-title';
import { untilShown } from '../../app/until-shown';
import { CheckboxChoices, RadioChoices } from '../../ui/choices';
import { KudosCard } from '../my-recognition/kudos-card';
import { type KudosDraft, MAX_VALUES, emptyKudos, kudosProblems, toKudos } from './kudos-draft';

type Colleague = components['schemas']['FindPeopleResponse']['items'][number];
type Feed = components['schemas']['FeedResponse'];

/** Thank one or more colleagues, found by name, for the values they showed. */
export function SendKudosPage() {
  const { t } = useTranslation();
  const title = usePageTitle('kudos.title');
  const me = useMe();
  const queries = useQueryClient();
  const [draft, setDraft] = useState<KudosDraft>(emptyKudos);
  const [shown, setShown] = useState<string[]>([]);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [written, setWritten] = useState<{ id: string; at: number } | null>(null);
  const key = useRef(crypto.randomUUID());
  const change = (patch: Partial<KudosDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const send = useMutation({
    mutationFn: (kudos: KudosDraft) =>
      answer(api.POST('/v1/kudos', { body: toKudos(kudos), headers: { 'idempotency-key': key.current } })),
    onSuccess: ({ kudosId }, kudos) => {
      setWritten({ id: kudosId, at: Date.now() });
      setSentTo(kudos.to.map((person) => person.displayName).join(', '));
      setDraft(emptyKudos);
      setShown([]);
      key.current = crypto.randomUUID();
      void queries.invalidateQueries({ queryKey: ['feeds', 'people', me.personId] });
    },
  });
  const feed = useQuery({
    queryKey: ['feeds', 'people', me.personId],
    queryFn: () => answer(api.GET('/v1/feeds/people/{personId}', { params: { path: { personId: me.personId } } })),
    refetchInterval: untilShown<Feed>(written, (page, id) => page.items.some((kudos) => kudos.kudosId === id)),
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const problems = kudosProblems(draft);
    setShown(problems);
    if (problems.length === 0) {
      setSentTo(null);
      send.mutate(draft);
    }
  };

  return (
    <section className="page stack">
      <h1>{title}</h1>
      <form className="stack" onSubmit={submit} noValidate>
        <ColleaguePicker
          chosen={draft.to}
          exclude={me.personId}
          onAdd={(person) => change({ to: [...draft.to, person] })}
        />
        <TagGroup
          className="field"
          onRemove={(keys) => change({ to: draft.to.filter((person) => !keys.has(person.personId)) })}
        >
          <Label>{t('kudos.chosen')}</Label>
          <TagList items={draft.to} className="choices" renderEmptyState={() => t('kudos.noneChosen')}>
            {(person) => (
              <Tag id={person.personId} textValue={person.displayName} className="choice">
                {person.displayName}
                <Button
                  slot="remove"
                  className="link-button"
                  aria-label={t('kudos.remove', { name: person.displayName })}
                >
                  ✕
                </Button>
              </Tag>
            )}
          </TagList>
        </TagGroup>
        <TextField className="field" value={draft.message} onChange={(message) => change({ message })} maxLength={500}>
          <Label>{t('kudos.message')}</Label>
          <TextArea rows={3} />
        </TextField>
        <CheckboxChoices
          label={t('kudos.values')}
          description={t('kudos.valuesHint', { max: MAX_VALUES })}
          options={sendKudosRequestValuesValues}
          optionLabel={(value) => t(`kudosValues.${value}`)}
          value={draft.values}
          onChange={(values) => change({ values })}
          isOptionDisabled={(value) => draft.values.length >= MAX_VALUES && !draft.values.includes(value)}
        />
        <RadioChoices
          label={t('kudos.visibility')}
          options={sendKudosRequestVisibilityValues}
          optionLabel={(visibility) => t(`visibilities.${visibility}`)}
          value={draft.visibility}
          onChange={(visibility) => change({ visibility })}
        />
        {shown.length > 0 && (
          <p role="alert" className="notice notice-error">
            {shown.map((problem) => t(`kudos.problems.${problem}`)).join(' ')}
          </p>
        )}
        {send.isError && <ProblemNotice error={send.error} />}
        {sentTo && (
          <p role="status" className="notice notice-ok">
            <span aria-hidden="true">✓ </span>
            {t('kudos.sent', { names: sentTo })}
          </p>
        )}
        <Button type="submit" className="button" isDisabled={send.isPending}>
          {t('kudos.send')}
        </Button>
      </form>
      <h2>{t('kudos.recent')}</h2>
      {feed.isError && <ProblemNotice error={feed.error} />}
      {feed.data?.items.length === 0 && <p>{t('kudos.noneYet')}</p>}
      <ul className="list">
        {feed.data?.items.map((kudos) => (
          <li key={kudos.kudosId}>
            <KudosCard kudos={kudos} refresh={['feeds', 'people', me.personId]} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A name typed (two letters or more) lists a few active colleagues; choosing one adds them. */
function ColleaguePicker(props: { chosen: Colleague[]; exclude: string; onAdd: (person: Colleague) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const typed = useDeferredValue(text.trim());
  const found = useQuery({
    queryKey: ['people', typed],
    queryFn: () => answer(api.GET('/v1/people', { params: { query: { q: typed } } })),
    enabled: typed.length >= 2,
    staleTime: 30_000,
  });
  const offered = (found.data?.items ?? []).filter(
    (person) =>
      person.personId !== props.exclude && !props.chosen.some((chosen) => chosen.personId === person.personId),
  );
  return (
    <ComboBox
      className="field"
      items={offered}
      inputValue={text}
      onInputChange={setText}
      selectedKey={null}
      onSelectionChange={(personId) => {
        const person = offered.find((one) => one.personId === personId);
        if (person) props.onAdd(person);
        setText('');
      }}
      menuTrigger="input"
      allowsEmptyCollection={text.trim().length >= 2}
    >
      <Label>{t('kudos.find')}</Label>
      <Input />
      <span slot="description">{t('kudos.findHint')}</span>
      <Popover className="popover">
        <ListBox
          className="options"
          renderEmptyState={() => (typed.length >= 2 && !found.isPending ? t('kudos.nobody') : t('common.loading'))}
        >
          {(person: Colleague) => (
            <ListBoxItem id={person.personId} textValue={person.displayName} className="option">
              {person.displayName} <span className="hint">· {person.teamName}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
