/** Test helpers: i18next in Vietnamese, a rendered tree, and a cleanup after each test. */
import { cleanup, configure, render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { afterEach, vi } from 'vitest';
import type { ApiClient } from '../api/client.ts';
import { ApiProvider } from '../app/api-context.tsx';
import { SessionProvider, useSession } from '../app/session.tsx';
import { initI18n } from '../i18n/index.ts';

initI18n('vi');
// The default second is short when the test files run side by side on a busy machine (findBy… waits up to this): a
// file's first screen, rendered while its modules are still being compiled, took over 5 s at load 8–11 (GroupRecorder).
// Only a failing wait lasts this long; a screen that appears ends the wait at once.
configure({ asyncUtilTimeout: 15_000 });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

export const renderVi = (ui: ReactElement): RenderResult => render(ui);

/** A live channel that never connects: the screens load over HTTP (the fake) and wait for changes that never come. */
class SilentSocket {
  onopen: (() => void) | null = null;
  onmessage: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  close(): void {}
}

const WhenSignedIn = ({ children }: { readonly children: ReactNode }) => {
  const { state } = useSession();
  return state.status === 'signed-in' ? children : null;
};

/**
 * A screen as the app renders it: with `api` as the client and the person `api.me()` answers signed in. Fake
 * `me` (and `listCongresses` for a server administrator without a role) along with what the screen loads.
 */
export const renderScreen = (ui: ReactElement, api: ApiClient): RenderResult => {
  vi.stubGlobal('WebSocket', SilentSocket);
  return render(
    <ApiProvider client={api}>
      <SessionProvider>
        <WhenSignedIn>{ui}</WhenSignedIn>
      </SessionProvider>
    </ApiProvider>,
  );
};
