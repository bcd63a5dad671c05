import { Link, Outlet, useRouteContext } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, type Language, switchLanguage } from '../i18n/i18n';
import { InboxLink } from '../inbox/inbox-link';
import { homesOf } from './role-homes';
import { useMe } from './me';

/** Every page's frame: a skip link, the person's homes, the language, sign-out. */
export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const homes = homesOf(me);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Frontline
        </Link>
        {homes.length > 1 && (
          <nav aria-label={t('shell.roles')}>
            <ul className="inline-list">
              {homes.map((home) => (
                <li key={home.path}>
                  <Link to={home.path} activeProps={{ 'aria-current': 'page' }}>
                    {t(home.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="top-end">
          <InboxLink />
          <LanguageSwitch />
          <SignOut />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span>{t('shell.language')}</span>
      <select value={i18n.language} onChange={(event) => void switchLanguage(event.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}

function SignOut() {
  const { t } = useTranslation();
  const { session, me } = useRouteContext({ from: '__root__' });
  return (
    <button type="button" className="link-button" onClick={() => void session.signOut()}>
      {t('shell.signOut', { name: me.displayName })}
    </button>
  );
}
