import '../admin.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api, idempotencyKey } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { ProblemNotice } from '../../app/error-notice';
import { usePageTitle } from '../../app/page-title';

type Generation = components['schemas']['GenerationStatusResponse'];

/** Every read model's state and lag; a rebuild runs beside the serving version and its progress shows here. */
export function ProjectionsPage() {
  const { t } = useTranslation();
  const title = usePageTitle('projections.title');
  const queryClient = useQueryClient();
  // The versions asked for here, by projection: followed until each serves.
  const [asked, setAsked] = useState<Record<string, string>>({});
  const status = useQuery({
    queryKey: ['admin', 'projections'],
    queryFn: () => answer(api.GET('/v1/projections')),
    // Follow a rebuild while one runs; otherwise look every 10 s.
    refetchInterval: (query) =>
      query.state.data?.projections.some((p) => p.rebuilding || (asked[p.name] && asked[p.name] !== p.serving.version))
        ? 1_000
        : 10_000,
  });
  const rebuild = useMutation({
    mutationFn: (name: string) =>
      answer(
        api.POST('/v1/projections/{name}/rebuild', {
          params: { path: { name } },
          headers: { 'idempotency-key': idempotencyKey() },
        }),
      ),
    onSuccess: ({ name, rebuilding }) => {
      setAsked((all) => ({ ...all, [name]: rebuilding }));
      void queryClient.invalidateQueries({ queryKey: ['admin', 'projections'] });
    },
  });
  const lag = (generation: Generation) =>
    generation.lagEvents === null
      ? t('projections.lagUnknown')
      : t(generation.lagEventsCapped ? 'projections.lagCapped' : 'projections.lag', {
          events: generation.lagEvents,
          seconds: Math.round(generation.lagMs / 1000),
        });
  const state = (generation: Generation) => (
    <>
      <span aria-hidden="true">{generation.state === 'live' ? '✓ ' : generation.state === 'failed' ? '⚠ ' : '… '}</span>
      {t(`projections.states.${generation.state}`, { defaultValue: generation.state })}
    </>
  );

  return (
    <section className="page stack">
      <h1>{title}</h1>
      {status.isError && <ProblemNotice error={status.error} />}
      {rebuild.isError && <ProblemNotice error={rebuild.error} />}
      <div className="table-scroll">
        <table className="admin-table fixed">
          <thead>
            <tr>
              <th scope="col">{t('projections.name')}</th>
              <th scope="col">{t('projections.state')}</th>
            </tr>
          </thead>
          <tbody>
            {status.data?.projections.map((projection) => (
              <tr key={projection.name}>
                <th scope="row">
                  {projection.name}
                  <div className="hint">{t('projections.version', { version: projection.serving.version })}</div>
                </th>
                <td>
                  <div className="stack">
                    <div>
                      {state(projection.serving)} · {t('projections.behind', { lag: lag(projection.serving) })}
                    </div>
                    {projection.serving.error && <div className="hint">{projection.serving.error}</div>}
                    <Rebuild
                      projection={projection}
                      asked={asked[projection.name]}
                      state={state}
                      lag={lag}
                      isPending={rebuild.isPending}
                      onRebuild={() => rebuild.mutate(projection.name)}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type Status = components['schemas']['ProjectionStatusResponse'];

/** A projection's rebuild: the button, or where the rebuild asked for has got to, until it serves. */
function Rebuild(props: {
  projection: Status;
  asked: string | undefined;
  state: (generation: Generation) => React.ReactNode;
  lag: (generation: Generation) => string;
  isPending: boolean;
  onRebuild: () => void;
}) {
  const { t } = useTranslation();
  const { projection, asked, state, lag } = props;
  const building = projection.rebuilding;
  const waiting = asked !== undefined && asked !== projection.serving.version;
  return (
    <div className="stack">
      <p role="status">
        {building ? (
          <>
            {t('projections.rebuilding', { version: building.version })} {state(building)} {lag(building)}
          </>
        ) : waiting ? (
          t('projections.rebuildAsked', { version: asked })
        ) : asked ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t('projections.rebuilt', { version: asked })}
          </>
        ) : null}
      </p>
      {!building && !waiting && (
        <Button className="button button-quiet" isDisabled={props.isPending} onPress={props.onRebuild}>
          {t('projections.rebuildButton', { name: projection.name })}
        </Button>
      )}
    </div>
  );
}
