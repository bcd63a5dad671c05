import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api, idempotencyKey } from '../../api/client';
import { ProblemNotice } from '../../app/error-notice';
import { usePageTitle } from '../../app/page-title';
import { localDateLabel, plannableYears } from './campaign-dates';

/** HR's campaigns: those planned so far, where each stands, and a new Customer Service Week. */
export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const title = usePageTitle('campaigns.title');
  const campaigns = useQuery({
    queryKey: ['campaigns'],
    queryFn: () => answer(api.GET('/v1/campaigns', { params: { query: { limit: 50 } } })),
  });
  return (
    <section className="page stack">
      <h1>{title}</h1>
      <PlanCustomerServiceWeek />
      <section aria-labelledby="campaigns-list" className="stack">
        <h2 id="campaigns-list">{t('campaigns.list')}</h2>
        {campaigns.isError && <ProblemNotice error={campaigns.error} />}
        {campaigns.data?.items.length === 0 && <p>{t('campaigns.none')}</p>}
        <ul className="list">
          {campaigns.data?.items.map((campaign) => (
            <li key={campaign.campaignId} className="card">
              <Link to="/hr/campaigns/$campaignId" params={{ campaignId: campaign.campaignId }}>
                {campaign.name}
              </Link>
              <p className="hint">
                {t('campaigns.range', {
                  first: localDateLabel(campaign.firstDay, i18n.language),
                  last: localDateLabel(campaign.lastDay, i18n.language),
                })}
                {' · '}
                {t(`campaigns.status.${campaign.status}`)}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

function PlanCustomerServiceWeek() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const years = plannableYears(new Date());
  const [year, setYear] = useState(years[0]);
  const [name, setName] = useState<string | undefined>(undefined);
  const [timezone, setTimezone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone);
  // One key per plan: pressing "Plan" again after a lost answer plans it once.
  const [key, setKey] = useState(idempotencyKey);
  const shownName = name ?? t('campaigns.defaultName', { year });
  const plan = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/v1/campaigns', {
          body: { kind: 'customer_service_week', name: shownName, year, timezone },
          headers: { 'idempotency-key': key },
        }),
      ),
    onSuccess: ({ campaignId }) => {
      setKey(idempotencyKey());
      void navigate({ to: '/hr/campaigns/$campaignId', params: { campaignId } });
    },
  });
  return (
    <section aria-labelledby="plan-csw">
      <h2 id="plan-csw">{t('campaigns.plan.title')}</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          plan.mutate();
        }}
      >
        <p className="hint">{t('campaigns.plan.intro')}</p>
        <div className="field">
          <label htmlFor="csw-year">{t('campaigns.plan.year')}</label>
          <select id="csw-year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <TextField className="field" value={shownName} onChange={setName} isRequired maxLength={200}>
          <Label>{t('campaigns.plan.name')}</Label>
          <Input />
        </TextField>
        <TextField className="field" value={timezone} onChange={setTimezone} isRequired maxLength={64}>
          <Label>{t('campaigns.plan.timezone')}</Label>
          <Input />
          <span slot="description">{t('campaigns.plan.timezoneHint')}</span>
        </TextField>
        {plan.isError && <ProblemNotice error={plan.error} />}
        <Button type="submit" className="button" isDisabled={plan.isPending}>
          {t('campaigns.plan.submit')}
        </Button>
      </form>
    </section>
  );
}
