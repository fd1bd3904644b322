import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/client.ts';
import { ApiProvider } from './api-context.tsx';
import { RouterProvider, useRouter } from './router.tsx';
import { accountScreenOfPath, canOpen, CONGRESSES_PATH, landingPath, screenOfPath, type AccountScreen, type Screen } from './screens.ts';
import { SessionProvider, userOf, useSession } from './session.tsx';
import { Shell } from './Shell.tsx';
import { lazyScreen } from './lazy-screen.ts';

// One chunk per screen: a delegate's phone never downloads the console.
const SignInPage = lazy(() => import('../signin/SignInPage.tsx'));
const HallScreen = lazy(() => import('../hall/HallScreen.tsx'));
const CheckinDesk = lazy(() => import('../checkin/CheckinDesk.tsx'));
const CountingConsole = lazy(() => import('../counting/CountingConsole.tsx'));
const ConsoleScreen = lazy(() => import('../console/ConsoleScreen.tsx'));
const DelegatePage = lazy(() => import('../delegate/DelegatePage.tsx'));
const RolesScreen = lazy(() => import('../accounts/RolesScreen.tsx'));
const ForcedPasswordPage = lazy(() => import('../accounts/ForcedPasswordPage.tsx'));
const PasswordScreen = lazy(() => import('../accounts/PasswordScreen.tsx'));
const AccountsScreen = lazy(() => import('../accounts/AccountsScreen.tsx'));
const NoCongressPage = lazy(() => import('../accounts/NoCongressPage.tsx'));
const CongressesScreen = lazy(() => import('../congresses/CongressesScreen.tsx').then((m) => ({ default: m.CongressesScreen })));
const DiscussionConsole = lazy(() => import('../discussion/DiscussionConsole.tsx'));
const read = lazyScreen(() => import('../discussion/ReadPage.tsx'));
const ReadPage = read.Screen;
/** Loads the reading page's module before the app first renders (main.tsx, when the server wrote its first screen). */
export const preloadReadPage = read.preload;
const GroupRecorder = lazy(() => import('../discussion/GroupRecorder.tsx'));

const Loading = () => {
  const { t } = useTranslation();
  return <p className="loading" role="status">{t('common.loading')}</p>;
};

const ScreenFor = ({ screen }: { readonly screen: Screen }) => {
  switch (screen) {
    case 'hall':
      return <HallScreen />;
    case 'checkin':
      return <CheckinDesk />;
    case 'counting':
      return <CountingConsole />;
    case 'console':
      return <ConsoleScreen />;
    case 'delegate':
      return <DelegatePage />;
    case 'roles':
      return <RolesScreen />;
    case 'discussion':
      return <DiscussionConsole />;
    case 'read':
      return <ReadPage />;
    case 'group':
      return <GroupRecorder />;
  }
};

/** One's own password, and the accounts for a server administrator: screens that need no congress. */
const AccountRoute = ({ screen }: { readonly screen: AccountScreen }) => (
  <Shell screen={screen}>{screen === 'accounts' ? <AccountsScreen /> : <PasswordScreen />}</Shell>
);

const Routes = () => {
  const { path, navigate } = useRouter();
  const { state } = useSession();
  const screen = screenOfPath(path);
  const user = userOf(state);
  const account = accountScreenOfPath(path);
  const accountAllowed = account !== null && user !== null && (account === 'password' || user.isServerAdmin);
  // The congresses (create one, or copy an earlier one) are the server administrator's, with or without a congress yet.
  const congressesAllowed = path === CONGRESSES_PATH && user !== null && user.isServerAdmin;
  const signedIn = state.status === 'signed-in';
  const allowed = signedIn && ((screen !== null && canOpen(state.me.roles, screen)) || accountAllowed || congressesAllowed);
  const target = state.status === 'anonymous' && path !== '/signin' ? `/signin?next=${encodeURIComponent(path)}`
    : signedIn && !allowed ? landingPath(state.me.roles) : null;
  useEffect(() => {
    if (target !== null && target !== path) navigate(target, { replace: true });
  }, [target, path, navigate]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') return path === '/signin' ? <SignInPage /> : <Loading />;
  if (state.status === 'must-change') return <ForcedPasswordPage />;
  if (accountAllowed) return <AccountRoute screen={account} />;
  if (congressesAllowed || (state.status === 'no-congress' && state.principal.isServerAdmin)) {
    return <Shell screen="congresses"><CongressesScreen /></Shell>;
  }
  if (state.status === 'no-congress') return <Shell screen="none"><NoCongressPage /></Shell>;
  if (!allowed || screen === null) return <Loading />;
  return screen === 'hall' ? <ScreenFor screen="hall" /> : <Shell screen={screen}><ScreenFor screen={screen} /></Shell>;
};

export const App = ({ client }: { readonly client: ApiClient }) => (
  <ApiProvider client={client}>
    <RouterProvider>
      <SessionProvider>
        <Suspense fallback={<Loading />}>
          <Routes />
        </Suspense>
      </SessionProvider>
    </RouterProvider>
  </ApiProvider>
);
