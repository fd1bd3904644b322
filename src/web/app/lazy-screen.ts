/**
 * React.lazy for a screen whose module may be loaded before React first renders it (`preload`): once loaded, the
 * screen renders at once instead of suspending for a turn and showing its fallback. The reading page needs it: the
 * server's first screen (src/server/read-first-screen.ts) must go straight to the live page, never to "loading".
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface LazyScreen<T extends ComponentType> {
  readonly Screen: LazyExoticComponent<T>;
  readonly preload: () => Promise<unknown>;
}

export const lazyScreen = <T extends ComponentType>(load: () => Promise<{ default: T }>): LazyScreen<T> => {
  let loaded: { default: T } | null = null;
  const preload = (): Promise<{ default: T }> => load().then((m) => { loaded = m; return m; });
  // React.lazy reads a thenable's result synchronously when its `then` calls back at once (a Promise never does).
  const now = (m: { default: T }): Promise<{ default: T }> => ({ then: (ok: (v: { default: T }) => void) => ok(m) }) as unknown as Promise<{ default: T }>;
  return { Screen: lazy(() => (loaded === null ? preload() : now(loaded))), preload };
};
