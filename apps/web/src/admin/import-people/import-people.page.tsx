import '../admin.css';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api, idempotencyKey } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { ProblemNotice } from '../../app/error-notice';
import { usePageTitle } from '../../app/page-title';
import { refusedRows } from './refused-rows';

const COLUMNS = 'userName,displayName,team,parentTeam,roles,timezone,externalId';

/** A CSV of teams and people: checked first (a dry run lists every refused row and why), then imported. */
export function ImportPeoplePage() {
  const { t, i18n } = useTranslation();
  const title = usePageTitle('importPeople.title');
  const [csv, setCsv] = useState(`${COLUMNS}\n`);
  const [checked, setChecked] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean; csv: string }) =>
      answer(
        api.POST('/v1/directory/imports', {
          params: { query: { dryRun } },
          body: csv,
          bodySerializer: (body: string) => body,
          headers: { 'content-type': 'text/csv', 'idempotency-key': idempotencyKey() },
        }),
      ),
    onSuccess: (outcome, { csv: sent }) => setChecked(outcome.dryRun ? sent : null),
    onError: () => setChecked(null),
  });
  const refused = run.error instanceof ProblemError ? refusedRows(run.error.problem) : [];
  const outcome = run.data;
  const readFile = async (file: File | undefined) => file && setCsv(await file.text());

  return (
    <section className="page stack">
      <h1>{title}</h1>
      <p className="hint break">{t('importPeople.intro', { columns: COLUMNS })}</p>
      <div className="field">
        <label htmlFor="import-file">{t('importPeople.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => void readFile(event.target.files?.[0])}
        />
      </div>
      <TextField className="field" value={csv} onChange={setCsv}>
        <Label>{t('importPeople.csv')}</Label>
        <TextArea rows={8} spellCheck={false} className="monospace" />
      </TextField>
      <div className="inline-list">
        <Button className="button" isDisabled={run.isPending} onPress={() => run.mutate({ dryRun: true, csv })}>
          {t('importPeople.check')}
        </Button>
        <Button
          className="button"
          isDisabled={run.isPending || checked !== csv}
          onPress={() => run.mutate({ dryRun: false, csv })}
        >
          {t('importPeople.import')}
        </Button>
      </div>
      {checked !== csv && <p className="hint">{t('importPeople.checkFirst')}</p>}
      {run.isError && refused.length === 0 && <ProblemNotice error={run.error} />}
      {refused.length > 0 && (
        <section className="stack" aria-labelledby="refused-heading">
          <h2 id="refused-heading">
            <span aria-hidden="true">⚠ </span>
            {t('importPeople.refused', { number: refused.length })}
          </h2>
          <div className="table-scroll">
            <table className="admin-table fixed">
              <thead>
                <tr>
                  <th scope="col">{t('importPeople.line')}</th>
                  <th scope="col">{t('importPeople.column')}</th>
                  <th scope="col">{t('importPeople.why')}</th>
                </tr>
              </thead>
              <tbody>
                {refused.map((row, i) => (
                  <tr key={i}>
                    <td>{row.line ?? t('importPeople.wholeFile')}</td>
                    <td>{row.column ?? '—'}</td>
                    <td>
                      {row.column && i18n.exists(`importPeople.rules.${row.column}`) && (
                        <div>{t(`importPeople.rules.${row.column}`)}</div>
                      )}
                      <div className="hint" lang="en">
                        {row.messages.join('; ')}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {outcome && (
        <p role="status" className="notice notice-ok">
          <span aria-hidden="true">✓ </span>
          {t(outcome.dryRun ? 'importPeople.wouldImport' : 'importPeople.imported', {
            teams: outcome.teams.created,
            enrolled: outcome.people.enrolled,
            updated: outcome.people.updated,
          })}
        </p>
      )}
    </section>
  );
}
