import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api, idempotencyKey } from '../../api/client';
import { ProblemNotice } from '../../app/error-notice';
import { usePageTitle } from '../../app/page-title';
import { wallAddress } from '../../wall/kudos-wall/wall-kudos';

const HOURS = [12, 24, 40, 168] as const;

/**
 * A link for a screen on the floor: HR (or an admin) creates a wall token for the organisation's
 * wall or a campaign's, and sees the wall's address this once (only a hash of the token is kept).
 */
export function WallLinkPage() {
  const { t } = useTranslation();
  const title = usePageTitle('wallLink.title');
  const [wall, setWall] = useState('org');
  const [hours, setHours] = useState<number>(12);
  const [key, setKey] = useState(idempotencyKey);
  const shown = useRef<HTMLHeadingElement>(null);
  const campaigns = useQuery({
    queryKey: ['campaigns'],
    queryFn: () => answer(api.GET('/v1/campaigns', { params: { query: { limit: 50 } } })),
  });
  const create = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/v1/walls/tokens', {
          body:
            wall === 'org'
              ? { wall: 'org', expiresInHours: hours }
              : { wall: 'campaign', campaignId: wall, expiresInHours: hours },
          headers: { 'idempotency-key': key },
        }),
      ),
    onSuccess: () => {
      setKey(idempotencyKey());
      requestAnimationFrame(() => shown.current?.focus());
    },
  });
  const address = create.data && wallAddress(location.origin, create.data.token, wall === 'org' ? undefined : wall);
  const open = (campaigns.data?.items ?? []).filter(({ status }) => status === 'planned' || status === 'in_progress');
  return (
    <section className="page stack">
      <h1>{title}</h1>
      <p className="hint">{t('wallLink.intro')}</p>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="wall-of">{t('wallLink.wall')}</label>
          <select id="wall-of" value={wall} onChange={(event) => setWall(event.target.value)}>
            <option value="org">{t('wallLink.org')}</option>
            {open.map((campaign) => (
              <option key={campaign.campaignId} value={campaign.campaignId}>
                {campaign.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="wall-hours">{t('wallLink.hours')}</label>
          <select id="wall-hours" value={hours} onChange={(event) => setHours(Number(event.target.value))}>
            {HOURS.map((option) => (
              <option key={option} value={option}>
                {t('wallLink.hoursOption', { hours: option })}
              </option>
            ))}
          </select>
        </div>
        {create.isError && <ProblemNotice error={create.error} />}
        <Button type="submit" className="button" isDisabled={create.isPending}>
          {t('wallLink.create')}
        </Button>
      </form>
      {address && (
        <section className="card stack" aria-labelledby="wall-address">
          <h2 id="wall-address" ref={shown} tabIndex={-1}>
            {t('wallLink.address')}
          </h2>
          <p className="notice">
            <span aria-hidden="true">⚠ </span>
            {t('wallLink.once')}
          </p>
          <div className="field">
            <label htmlFor="wall-url">{t('wallLink.addressLabel')}</label>
            <input id="wall-url" readOnly value={address} onFocus={(event) => event.target.select()} />
          </div>
          <p className="inline-list">
            <button
              type="button"
              className="button button-quiet"
              onClick={() => void navigator.clipboard?.writeText(address)}
            >
              {t('wallLink.copy')}
            </button>
            <a href={address} target="_blank" rel="noreferrer">
              {t('wallLink.open')}
            </a>
          </p>
        </section>
      )}
    </section>
  );
}
