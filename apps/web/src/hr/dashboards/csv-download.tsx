import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Dataset, datasetCsv } from './figures';
import { useHiddenLabel, usePeriodLabel } from './use-labels';

/** A link that downloads exactly what the table beside it shows, with the privacy threshold of each number. */
export function CsvDownload({ dataset, file, valueHeader }: { dataset: Dataset; file: string; valueHeader: string }) {
  const { t } = useTranslation();
  const period = usePeriodLabel();
  const hidden = useHiddenLabel();
  const csv = datasetCsv(
    dataset,
    {
      group: t('hr.group'),
      period: t('hr.period'),
      value: valueHeader,
      hidden: t('hr.csv.hidden'),
      threshold: t('hr.csv.threshold'),
    },
    { period, hidden: (reason) => hidden(reason, dataset.minGroup) },
  );
  const href = useMemo(() => URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })), [csv]);
  // Freed a while after the table changes, not at once: a download under way still reads it.
  useEffect(() => () => void setTimeout(URL.revokeObjectURL, 60_000, href), [href]);
  return (
    <a className="button button-quiet download" href={href} download={`${file}.csv`}>
      {t('hr.csv.download', { what: valueHeader })}
    </a>
  );
}
