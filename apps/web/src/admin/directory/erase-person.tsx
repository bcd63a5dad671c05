import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Input, Label, Modal, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api, idempotencyKey } from '../../api/client';
import { ProblemNotice } from '../../app/error-notice';

/**
 * Erasure behind a dialog that says what it does and asks for the person's name typed out, so one
 * stray click (or two) can never erase anyone.
 */
export function ErasePerson({ personId, displayName }: { personId: string; displayName: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const [key] = useState(idempotencyKey);
  const erase = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/v1/people/{id}/erase', { params: { path: { id: personId } }, headers: { 'idempotency-key': key } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'members'] }),
  });
  const done = useRef<HTMLParagraphElement>(null);
  // The dialog's trigger is gone once erased: focus goes to what happened instead of the page's top.
  useEffect(() => done.current?.focus(), [erase.isSuccess]);
  if (erase.isSuccess)
    return (
      <p role="status" className="notice notice-ok" ref={done} tabIndex={-1}>
        <span aria-hidden="true">✓ </span>
        {t('erase.done')}
      </p>
    );
  return (
    <DialogTrigger onOpenChange={() => setTyped('')}>
      <Button className="button button-quiet button-danger">{t('directory.erase', { name: displayName })}</Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog stack" role="alertdialog">
          {({ close }) => (
            <>
              <Heading slot="title">{t('erase.title', { name: displayName })}</Heading>
              <p>{t('erase.what')}</p>
              <p>{t('erase.kept')}</p>
              <p className="notice notice-error">
                <span aria-hidden="true">⚠ </span>
                {t('erase.final')}
              </p>
              <TextField className="field" value={typed} onChange={setTyped}>
                <Label>{t('erase.typeName', { name: displayName })}</Label>
                <Input autoComplete="off" />
              </TextField>
              {erase.isError && <ProblemNotice error={erase.error} />}
              <div className="inline-list">
                <Button className="button button-quiet" onPress={close}>
                  {t('erase.cancel')}
                </Button>
                <Button
                  className="button button-danger"
                  isDisabled={typed.trim() !== displayName || erase.isPending}
                  onPress={() => erase.mutate(undefined, { onSuccess: close })}
                >
                  {t('erase.confirm')}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}
