import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type WallKudos, parseWallKudos, wallOf, wallStreamUrl, withKudos } from './wall-kudos';
import './kudos-wall.css';

/** How long each kudos stays in front before the next one comes, when motion is welcome. */
const ROTATE_MS = 10_000;

type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';

/**
 * The thank-you wall, full screen on a TV on the floor: public kudos as they are sent, the newest
 * in front, the others rotating gently (or standing still for someone who prefers reduced motion).
 * Opened with a wall token, never signed in; it shows who thanked whom and why, never a count or a rank.
 */
export function KudosWallPage() {
  const { t } = useTranslation();
  // The address is read once: the wall follows the same stream for as long as it is open.
  const [wall] = useState(() => wallOf(location));
  const [kudos, setKudos] = useState<WallKudos[]>([]);
  const [front, setFront] = useState(0);
  const [connection, setConnection] = useState<Connection>('connecting');
  const still = useReducedMotion();

  useEffect(() => {
    document.title = `${t('wall.title')} · Frontline`;
  }, [t]);

  useEffect(() => {
    if (!wall) return;
    // A plain EventSource: it resumes with Last-Event-ID by itself after a dropped connection.
    const stream = new EventSource(wallStreamUrl(wall));
    stream.onopen = () => setConnection('live');
    stream.onerror = () => setConnection(stream.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    stream.addEventListener('kudos', (event) => {
      const sent = parseWallKudos((event as MessageEvent<string>).data);
      if (!sent) return;
      setKudos((shown) => withKudos(shown, sent));
      setFront(0);
    });
    return () => stream.close();
  }, [wall]);

  useEffect(() => {
    if (still || kudos.length < 2) return;
    const timer = setInterval(() => setFront((index) => (index + 1) % kudos.length), ROTATE_MS);
    return () => clearInterval(timer);
  }, [still, kudos.length]);

  const inFront = kudos[front];
  const others = kudos.filter((_, i) => i !== front).slice(0, 6);
  return (
    <main id="main" className="wall">
      <header className="wall-top">
        <h1>{t('wall.title')}</h1>
        <p className="wall-connection" role="status">
          {!wall ? t('wall.noToken') : t(`wall.connection.${connection}`)}
        </p>
      </header>
      {wall && kudos.length === 0 && connection !== 'closed' && <p className="wall-empty">{t('wall.waiting')}</p>}
      {inFront && (
        <section aria-label={t('wall.latest')} aria-live="polite" className="wall-front">
          <KudosCard kudos={inFront} key={inFront.kudosId} big />
        </section>
      )}
      {others.length > 0 && (
        <section aria-label={t('wall.more')}>
          <ul className="wall-others">
            {others.map((shown) => (
              <li key={shown.kudosId}>
                <KudosCard kudos={shown} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

function KudosCard({ kudos, big = false }: { kudos: WallKudos; big?: boolean }) {
  const { t, i18n } = useTranslation();
  const names = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    kudos.to.map((person) => person.displayName),
  );
  return (
    <article className={big ? 'wall-card wall-card-big' : 'wall-card'}>
      <p className="wall-who">{t('wall.thanks', { from: kudos.from.displayName, to: names })}</p>
      <blockquote className="wall-message">{kudos.message}</blockquote>
      {kudos.values.length > 0 && (
        <ul className="wall-values" aria-label={t('wall.values')}>
          {kudos.values.map((value) => (
            <li key={value}>{t(`wall.valueNames.${value}`, { defaultValue: value })}</li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** Whether the screen asks for reduced motion, following it if it changes. */
function useReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const media = matchMedia(query);
    const changed = () => setReduced(media.matches);
    media.addEventListener('change', changed);
    return () => media.removeEventListener('change', changed);
  }, []);
  return reduced;
}
