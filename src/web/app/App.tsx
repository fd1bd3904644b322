import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/client.ts';
import { ApiProvider } from './api-context.tsx';
import { RouterProvider, useRouter } from './router.tsx';
import { canOpen, CONGRESSES_PATH, isServerAdmin, landingPath, screenOfPath, type Screen } from './screens.ts';
import { SessionProvider, useSession } from './session.tsx';
import { Shell } from './Shell.tsx';

// One chunk per screen: a delegate's phone never downloads the console.
const SignInPage = lazy(() => import('../signin/SignInPage.tsx'));
const HallScreen = lazy(() => import('../hall/HallScreen.tsx'));
const CheckinDesk = lazy(() => import('../checkin/CheckinDesk.tsx'));
const CountingConsole = lazy(() => import('../counting/CountingConsole.tsx'));
const ConsoleScreen = lazy(() => import('../console/ConsoleScreen.tsx'));
const DelegatePage = lazy(() => import('../delegate/DelegatePage.tsx'));
const CongressesScreen = lazy(() => import('../congresses/CongressesScreen.tsx').then((m) => ({ default: m.CongressesScreen })));
const FirstCongressPage = lazy(() => import('../congresses/CongressesScreen.tsx').then((m) => ({ default: m.FirstCongressPage })));

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
  }
};

const Routes = () => {
  const { path, navigate } = useRouter();
  const { state } = useSession();
  const screen = screenOfPath(path);
  const signedIn = state.status === 'signed-in';
  const allowed = signedIn && ((screen !== null && canOpen(state.me.roles, screen)) || (path === CONGRESSES_PATH && isServerAdmin(state.me)));
  const target = state.status === 'anonymous' && path !== '/signin' ? `/signin?next=${encodeURIComponent(path)}`
    : signedIn && !allowed ? landingPath(state.me.roles) : null;
  useEffect(() => {
    if (target !== null && target !== path) navigate(target, { replace: true });
  }, [target, path, navigate]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'no-congress') return <FirstCongressPage />;
  if (signedIn && path === CONGRESSES_PATH && isServerAdmin(state.me)) return <Shell screen="congresses"><CongressesScreen /></Shell>;
  if (state.status === 'anonymous') return path === '/signin' ? <SignInPage /> : <Loading />;
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
