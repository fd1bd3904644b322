/**
 * The frame around every screen but the hall: the screens this user may open, their own password (and the congresses
 * and the accounts, for a server administrator), language, sign out. It also frames a user with no congress yet.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { Link } from './router.tsx';
import { ACCOUNT_PATHS, CONGRESSES_PATH, SCREEN_PATHS, screensFor, type AccountScreen, type Screen } from './screens.ts';
import { userOf, useSession } from './session.tsx';

export const Shell = ({ screen, children }: { readonly screen: Screen | AccountScreen | 'congresses' | 'none'; readonly children: ReactNode }) => {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const me = state.status === 'signed-in' ? state.me : null;
  const user = userOf(state);
  const links: Array<{ key: Screen | AccountScreen | 'congresses'; to: string; label: string }> = [
    ...(user?.isServerAdmin === true ? [{ key: 'congresses' as const, to: CONGRESSES_PATH, label: t('prepare.congress.title') }] : []),
    ...(me === null ? [] : screensFor(me.roles)).map((s) => ({ key: s, to: SCREEN_PATHS[s], label: t(`screens.${s}`) })),
    ...(user?.isServerAdmin === true ? [{ key: 'accounts' as const, to: ACCOUNT_PATHS.accounts, label: t('accounts.menuAccounts') }] : []),
    ...(user === null ? [] : [{ key: 'password' as const, to: ACCOUNT_PATHS.password, label: t('accounts.menuPassword') }]),
  ];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('common.skipToContent')}</a>
      <header className="shell-header">
        <span className="brand">{t('app.name')}</span>
        {links.length > 1 && (
          <nav aria-label={t('common.screens')}>
            <ul className="nav-list">
              {links.map((l) => (
                <li key={l.key}>
                  <Link to={l.to} ariaCurrent={l.key === screen}>{l.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <span className="spacer" />
        <span className="who">{me?.displayName ?? user?.displayName ?? ''}</span>
        <LanguageSwitch />
        <button type="button" className="button subtle" onClick={() => void signOut()}>{t('common.signOut')}</button>
      </header>
      <main id="main" className={`screen screen-${screen}`} tabIndex={-1}>{children}</main>
    </div>
  );
};
