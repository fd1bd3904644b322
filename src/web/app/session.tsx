/** Who is signed in. Loaded once from the server's cookie session; the sign-in page sets it. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/client.ts';
import type { Me, Principal } from '../api/types.ts';
import { useApi } from './api-context.tsx';
import { meOf } from './me.ts';

type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'anonymous'; readonly problem: 'no-congress' | null }
  | { readonly status: 'signed-in'; readonly me: Me }
  /** A server administrator with no congress to work at yet: the congresses screen (create the first one). */
  | { readonly status: 'no-congress'; readonly principal: Extract<Principal, { kind: 'user' }> };

interface SessionValue {
  readonly state: SessionState;
  /** After a successful sign-in; answers false when the user has no congress to work at. */
  readonly adopt: (principal: Principal) => Promise<boolean>;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

const wantedCongress = (): string | null => new URLSearchParams(window.location.search).get('congress');

const resolve = async (api: ApiClient, principal: Principal): Promise<Me | null> => {
  const direct = meOf(principal, wantedCongress(), null);
  if (direct !== null || principal.kind !== 'user' || !principal.isServerAdmin) return direct;
  const list = await api.listCongresses();
  return meOf(principal, wantedCongress(), list.ok ? list.value[0]?.code ?? null : null);
};

export const SessionProvider = ({ children }: { readonly children: ReactNode }) => {
  const api = useApi();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const adopt = useCallback(async (principal: Principal) => {
    const me = await resolve(api, principal);
    if (me === null && principal.kind === 'user' && principal.isServerAdmin) {
      setState({ status: 'no-congress', principal });
      return true;
    }
    setState(me === null ? { status: 'anonymous', problem: 'no-congress' } : { status: 'signed-in', me });
    return me !== null;
  }, [api]);
  useEffect(() => {
    let live = true;
    void api.me().then(async (r) => {
      if (!live) return;
      if (r.ok) await adopt(r.value);
      else setState({ status: 'anonymous', problem: null });
    });
    return () => {
      live = false;
    };
  }, [api, adopt]);
  const signOut = useCallback(async () => {
    await api.signOut();
    setState({ status: 'anonymous', problem: null });
  }, [api]);
  const value = useMemo(() => ({ state, adopt, signOut }), [state, adopt, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): SessionValue => {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
};

/** The signed-in user; only for screens rendered behind the sign-in guard. */
export const useMe = (): Me => {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe while not signed in');
  return state.me;
};
