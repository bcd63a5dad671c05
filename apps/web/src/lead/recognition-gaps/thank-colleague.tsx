import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api, idempotencyKey } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { ProblemNotice } from '../../app/error-notice';

type KudosValue = components['schemas']['KudosItemResponse']['values'][number];
export const KUDOS_VALUES: KudosValue[] = [
  'clear_writing',
  'active_listening',
  'reading_reactions',
  'empathy',
  'teamwork',
  'ownership',
  'above_and_beyond',
];
const MAX_VALUES = 3;

/** Kudos to one colleague, right where the lead sees they have not been thanked lately; seen by the team. */
export function ThankColleague({ person }: { person: { personId: string; displayName: string } }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = useRef(idempotencyKey());
  const [message, setMessage] = useState('');
  const [values, setValues] = useState<KudosValue[]>([]);
  const send = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/v1/kudos', {
          body: { to: [person.personId], message: message.trim(), values, visibility: 'team' },
          headers: { 'idempotency-key': key.current },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['feeds'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  if (send.isSuccess)
    return (
      <p className="notice notice-ok" role="status">
        <span aria-hidden="true">✓ </span>
        {t('gaps.sent', { name: person.displayName })}
      </p>
    );
  return (
    <details>
      <summary>{t('gaps.thank', { name: person.displayName })}</summary>
      <form className="stack" onSubmit={submit}>
        <TextField className="field" value={message} onChange={setMessage} maxLength={500} isRequired>
          <Label>{t('gaps.message')}</Label>
          <TextArea rows={3} />
        </TextField>
        <CheckboxGroup className="field" value={values} onChange={(chosen) => setValues(chosen as KudosValue[])}>
          <Label>{t('gaps.values', { max: MAX_VALUES })}</Label>
          <div className="choices">
            {KUDOS_VALUES.map((value) => (
              <Checkbox
                key={value}
                value={value}
                className="choice"
                isDisabled={values.length >= MAX_VALUES && !values.includes(value)}
              >
                {t(`kudosValues.${value}`)}
              </Checkbox>
            ))}
          </div>
        </CheckboxGroup>
        <p className="hint">{t('gaps.visibility')}</p>
        <Button
          type="submit"
          className="button"
          isDisabled={send.isPending || message.trim() === '' || values.length === 0}
        >
          {t('gaps.send')}
        </Button>
        {send.isError && <ProblemNotice error={send.error} />}
      </form>
    </details>
  );
}
