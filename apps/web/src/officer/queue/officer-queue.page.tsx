import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { Part } from '../../app/part';
import { IncidentQueue, type QueueStatus } from '../../lead/incident-queue/incident-queue';
import { RepeatAbusers } from '../repeat-abusers/repeat-abusers';

const VIEWS = ['any', 'escalated', 'open', 'acknowledged'] as const;
type View = (typeof VIEWS)[number];

/** The wellbeing officer's page: every team's open incidents (escalations a choice away), then repeat abusers. */
export function OfficerQueuePage() {
  const { t } = useTranslation();
  const title = usePageTitle('officer.title');
  const [view, setView] = useState<View>('any');
  return (
    <section className="page">
      <h1>{title}</h1>
      <Part id="officer-queue" heading={t('officer.queue')}>
        <RadioGroup
          className="field"
          value={view}
          onChange={(chosen) => setView(chosen as View)}
          orientation="horizontal"
        >
          <Label>{t('officer.show')}</Label>
          <div className="choices">
            {VIEWS.map((option) => (
              <Radio key={option} value={option} className="choice">
                {t(`officer.views.${option}`)}
              </Radio>
            ))}
          </div>
        </RadioGroup>
        <IncidentQueue status={view === 'any' ? undefined : (view as QueueStatus)} customerActions />
      </Part>
      <Part id="officer-repeat-abusers" heading={t('officer.repeatAbusers')}>
        <RepeatAbusers />
      </Part>
    </section>
  );
}
