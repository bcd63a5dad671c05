import { useCallback, useState } from 'react';
import { type ReportDraft, draftSent, loadDraft, newDraft, saveDraft } from './report-draft';

const newId = () => crypto.randomUUID();

/** The report being written, saved to this device on every change. */
export function useReportDraft(personId: string) {
  const [draft, setDraft] = useState(() => loadDraft(localStorage, personId, new Date(), newId));
  const change = useCallback(
    (patch: Partial<ReportDraft>) =>
      setDraft((current) => {
        const next = { ...current, ...patch };
        saveDraft(localStorage, personId, next);
        return next;
      }),
    [personId],
  );
  const sent = useCallback(
    (sentDraft: ReportDraft) => {
      draftSent(localStorage, personId, sentDraft);
      setDraft(newDraft(new Date(), newId, sentDraft.channel));
    },
    [personId],
  );
  return { draft, change, sent };
}
