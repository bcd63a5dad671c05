import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { Part } from '../../app/part';
import { useMe } from '../../app/me';
import { IncidentQueue } from '../incident-queue/incident-queue';
import { RecognitionGaps } from '../recognition-gaps/recognition-gaps';
import { TeamFeed } from '../team-feed/team-feed';

/** The team lead's page: their team's open incidents first, then who to thank, then the team's feed. */
export function LeadTeamPage() {
  const { t } = useTranslation();
  const me = useMe();
  const title = usePageTitle('lead.title');
  return (
    <section className="page">
      <h1>{title}</h1>
      <p className="hint">{me.teamName}</p>
      <Part id="lead-queue" heading={t('lead.queue')}>
        <IncidentQueue />
      </Part>
      <Part id="lead-gaps" heading={t('lead.gaps')}>
        <RecognitionGaps teamId={me.teamId} />
      </Part>
      <Part id="lead-feed" heading={t('lead.feed')}>
        <TeamFeed teamId={me.teamId} />
      </Part>
    </section>
  );
}
