import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { ProblemNotice } from '../../app/error-notice';

/** The length offered in one tap; the api takes 5 to 60 minutes. */
export const RECOVERY_BREAK_MINUTES = 10;

/**
 * A recovery break after an incident, in one tap: nobody approves it. The api records breaks per
 * incident, so the button sits on the agent's reports.
 */
export function RecoveryBreakButton({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const key = useRef(crypto.randomUUID());
  const take = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/v1/incidents/{id}/recovery-break', {
          params: { path: { id: incidentId } },
          body: { minutes: RECOVERY_BREAK_MINUTES },
          headers: { 'idempotency-key': key.current },
        }),
      ),
  });
  if (take.isSuccess)
    return (
      <p className="notice notice-ok" role="status">
        <span aria-hidden="true">✓ </span>
        {t('recoveryBreak.taken', { minutes: RECOVERY_BREAK_MINUTES })}
      </p>
    );
  return (
    <div className="stack">
      <Button className="button" onPress={() => take.mutate()} isDisabled={take.isPending}>
        {t('recoveryBreak.take', { minutes: RECOVERY_BREAK_MINUTES })}
      </Button>
      <p className="hint">{t('recoveryBreak.hint')}</p>
      {take.isError && <ProblemNotice error={take.error} />}
    </div>
  );
}
