import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { Button, Dialog, DialogTrigger, Heading, Modal } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { ProblemNotice } from '../../app/error-notice';
import { usePageTitle } from '../../app/page-title';
import type { components } from '../../api/schema.gen';
import { localDateLabel, momentLabel, stepLabelKey } from './campaign-dates';

type Campaign = components['schemas']['CampaignResponse'];
const route = getRouteApi('/hr/campaigns/$campaignId');

/** Follow one campaign: its five days on a calendar, each step as it runs, and cancel it while it can be. */
export function CampaignPage() {
  const { t } = useTranslation();
  usePageTitle('campaign.title');
  const { campaignId } = route.useParams();
  const campaign = useQuery({
    queryKey: ['campaigns', campaignId],
    queryFn: () => answer(api.GET('/v1/campaigns/{id}', { params: { path: { id: campaignId } } })),
    // Steps run while the page is open.
    refetchInterval: 30_000,
  });
  if (campaign.isError)
    return (
      <section className="page">
        <h1>{t('campaign.title')}</h1>
        <ProblemNotice error={campaign.error} />
      </section>
    );
  if (!campaign.data)
    return (
      <section className="page">
        <h1>{t('campaign.title')}</h1>
        <p role="status">{t('hr.loading')}</p>
      </section>
    );
  const data = campaign.data;
  return (
    <section className="page page-wide stack">
      <p>
        <Link to="/hr/campaigns">{t('campaign.back')}</Link>
      </p>
      <h1>{data.name}</h1>
      <p className={`notice status-${data.status}`} role="status">
        {t(`campaigns.status.${data.status}`)}
        {' · '}
        {t('campaign.timezone', { timezone: data.timezone })}
      </p>
      {(data.status === 'planned' || data.status === 'in_progress') && <CancelCampaign campaign={data} />}
      <Calendar campaign={data} />
      <Steps campaign={data} />
    </section>
  );
}

/** The programme, a day per column on a wide screen and a day per row on a phone. */
function Calendar({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="campaign-days" className="stack">
      <h2 id="campaign-days">{t('campaign.days', { days: campaign.days.length })}</h2>
      <ol className="calendar">
        {campaign.days.map((day, i) => (
          <li key={day.date} className="calendar-day">
            <h3>
              <span className="hint">{t('campaign.day', { day: i + 1 })}</span>
              <br />
              {localDateLabel(day.date, i18n.language)}
            </h3>
            <p>
              <strong>{day.theme}</strong>
            </p>
            <p className="hint">{t('campaign.hours', { opens: day.opensAt, closes: day.closesAt })}</p>
            {day.activities.length > 0 && (
              <ul>
                {day.activities.map((activity) => (
                  <li key={activity}>{activity}</li>
                ))}
              </ul>
            )}
            <details>
              <summary>{t('campaign.announcement')}</summary>
              <p>{day.announcement}</p>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Steps({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="campaign-steps" className="stack">
      <h2 id="campaign-steps">{t('campaign.steps')}</h2>
      <div className="table-scroll" role="region" aria-labelledby="campaign-steps" tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('campaign.step')}</th>
              <th scope="col">{t('campaign.due')}</th>
              <th scope="col">{t('campaign.ran')}</th>
            </tr>
          </thead>
          <tbody>
            {campaign.steps.map(({ step, at, ranAt }) => {
              const { key, day } = stepLabelKey(step);
              return (
                <tr key={step}>
                  <th scope="row">{t(key, { day, defaultValue: step })}</th>
                  <td>{momentLabel(at, campaign.timezone, i18n.language)}</td>
                  <td>
                    {ranAt ? (
                      <>
                        <span aria-hidden="true">✓ </span>
                        {momentLabel(ranAt, campaign.timezone, i18n.language)}
                      </>
                    ) : (
                      t('campaign.notYet')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Cancelling asks once more: the steps still pending will not run. */
function CancelCampaign({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => answer(api.POST('/v1/campaigns/{id}/cancel', { params: { path: { id: campaign.campaignId } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['campaigns'] }),
  });
  return (
    <>
      <DialogTrigger>
        <Button className="button button-quiet">{t('campaign.cancel')}</Button>
        <Modal className="modal" isDismissable>
          <Dialog className="dialog stack" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title">{t('campaign.cancelTitle', { name: campaign.name })}</Heading>
                <p>{t('campaign.cancelBody')}</p>
                <p className="inline-list">
                  <Button
                    className="button"
                    onPress={() => {
                      cancel.mutate();
                      close();
                    }}
                  >
                    {t('campaign.cancelConfirm')}
                  </Button>
                  <Button className="button button-quiet" onPress={close}>
                    {t('campaign.keep')}
                  </Button>
                </p>
              </>
            )}
          </Dialog>
        </Modal>
      </DialogTrigger>
      {cancel.isError && <ProblemNotice error={cancel.error} />}
    </>
  );
}
