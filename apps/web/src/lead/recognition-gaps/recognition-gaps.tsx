import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { ThankColleague } from './thank-colleague';

/** How long without kudos counts as "not recognised lately" (the api's default). */
export const GAP_DAYS = 30;

/** Who in the lead's team has not been recognised lately, by name only (no counts), with kudos a tap away. */
export function RecognitionGaps({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const gaps = useSuspenseQuery({
    queryKey: ['teams', teamId, 'recognition-gaps', GAP_DAYS],
    queryFn: () =>
      answer(
        api.GET('/v1/teams/{teamId}/recognition-gaps', {
          params: { path: { teamId }, query: { days: GAP_DAYS, limit: 100 } },
        }),
      ),
  });
  const people = gaps.data.items;
  if (people.length === 0) return <p>{t('gaps.none', { days: GAP_DAYS })}</p>;
  return (
    <>
      <p className="hint">{t('gaps.intro', { days: GAP_DAYS })}</p>
      <ul className="list">
        {people.map((person) => (
          <li key={person.personId} className="card">
            <ThankColleague person={person} />
          </li>
        ))}
      </ul>
    </>
  );
}
