import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { ProblemNotice } from '../../app/error-notice';
import { useFormat } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { KudosCard } from './kudos-card';

const MINE = ['me', 'recognition'] as const;

/** The kudos the agent received lately, and the values colleagues saw in them: theirs alone, compared with nobody. */
export function MyRecognitionPage() {
  const { t } = useTranslation();
  const title = usePageTitle('myRecognition.title');
  const format = useFormat();
  const mine = useQuery({ queryKey: MINE, queryFn: () => answer(api.GET('/v1/me/recognition')) });
  const values = Object.entries(mine.data?.valuesReceived ?? {}).sort(([, a], [, b]) => b - a);
  return (
    <section className="page stack">
      <h1>{title}</h1>
      {mine.isPending && <p role="status">{t('common.loading')}</p>}
      {mine.isError && <ProblemNotice error={mine.error} />}
      {mine.data && (
        <>
          <p>
            {mine.data.lastRecognisedAt
              ? t('myRecognition.last', { when: format.date(mine.data.lastRecognisedAt) })
              : t('myRecognition.never')}
          </p>
          {values.length > 0 && (
            <>
              <h2>{t('myRecognition.values')}</h2>
              <ul className="choices plain">
                {values.map(([value, times]) => (
                  <li key={value} className="badge">
                    {t('myRecognition.valueTimes', { value: t(`kudosValues.${value}`), count: times })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t('myRecognition.recent')}</h2>
          <ul className="list">
            {mine.data.recentlyReceived.map((kudos) => (
              <li key={kudos.kudosId}>
                <KudosCard kudos={kudos} refresh={MINE} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
