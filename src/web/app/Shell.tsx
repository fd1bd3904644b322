/** The frame around every screen but the hall: the congress, the screens this user may open, language, sign out. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { Link } from './router.tsx';
import { CONGRESSES_PATH, isServerAdmin, SCREEN_PATHS, screensFor, type Screen } from './screens.ts';
import { useMe, useSession } from './session.tsx';

export const Shell = ({ screen, children }: { readonly screen: Screen | 'congresses'; readonly children: ReactNode }) => {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const screens = screensFor(me.roles);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('common.skipToContent')}</a>
      <header className="shell-header">
        <span className="brand">{t('app.name')}</span>
        {isServerAdmin(me) && <Link to={CONGRESSES_PATH} className="congresses-link" ariaCurrent={screen === 'congresses'}>{t('prepare.congress.title')}</Link>}
        {screens.length > 1 && (
          <nav aria-label={t('common.screens')}>
            <ul className="nav-list">
              {screens.map((s) => (
                <li key={s}>
                  <Link to={SCREEN_PATHS[s]} ariaCurrent={s === screen}>{t(`screens.${s}`)}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <span className="spacer" />
        <span className="who">{me.displayName}</span>
        <LanguageSwitch />
        <button type="button" className="button subtle" onClick={() => void signOut()}>{t('common.signOut')}</button>
      </header>
      <main id="main" className={`screen screen-${screen}`} tabIndex={-1}>{children}</main>
    </div>
  );
};
