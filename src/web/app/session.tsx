/**
 * Who is signed in. Loaded once from the server's cookie session (or taken from the page, where the server embedded
 * it: preload.ts); the sign-in page sets it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/client.ts';
import type { Me, Principal } from '../api/types.ts';
import { useApi } from './api-context.tsx';
import { meOf } from './me.ts';
import { preloadedPrincipal } from './preload.ts';

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'anonymous'; readonly problem: 'no-congress' | null }
  /** Signed in with a password given to them: nothing but choosing their own until they do. */
  | { readonly status: 'must-change'; readonly principal: UserPrincipal }
  /** Signed in, with no congress to work at: only their own account (and the accounts, for a server administrator). */
  | { readonly status: 'no-congress'; readonly principal: UserPrincipal }
  | { readonly status: 'signed-in'; readonly me: Me };

interface SessionValue {
  readonly state: SessionState;
  /** After a successful sign-in; answers whether the user is now signed in. */
  readonly adopt: (principal: Principal) => Promise<boolean>;
  /** Asks the server again who is signed in (after a password change). */
  readonly refresh: () => Promise<void>;
  readonly signOut: () => Promise<void>;
}

/** The signed-in user's principal, whatever the state (null for a delegate or nobody). */
export const userOf = (state: SessionState): UserPrincipal | null =>
  state.status === 'must-change' || state.status === 'no-congress' ? state.principal
    : state.status === 'signed-in' && state.me.principal.kind === 'user' ? state.me.principal : null;

const SessionContext = createContext<SessionValue | null>(null);

const wantedCongress = (): string | null => new URLSearchParams(window.location.search).get('congress');

const resolve = async (api: ApiClient, principal: Principal): Promise<Me | null> => {
  const direct = meOf(principal, wantedCongress(), null);
  if (direct !== null || principal.kind !== 'user' || !principal.isServerAdmin) return direct;
  const list = await api.listCongresses();
  return meOf(principal, wantedCongress(), list.ok ? list.value[0]?.code ?? null : null);
};

/** What a principal makes of the session, given their congress (`me`: null when they have none). */
const stateFor = (principal: Principal, me: Me | null): SessionState => {
  if (principal.kind === 'user' && principal.mustChangePassword === true) return { status: 'must-change', principal };
  if (me === null) return principal.kind === 'user' ? { status: 'no-congress', principal } : { status: 'anonymous', problem: 'no-congress' };
  return { status: 'signed-in', me };
};

/**
 * The first state: the principal the server embedded in the page, when it did and nothing more must be asked (a
 * server administrator without a role needs the list of congresses); otherwise loading.
 */
const firstState = (principal: Principal | null): SessionState => {
  if (principal === null) return { status: 'loading' };
  const direct = meOf(principal, wantedCongress(), null);
  const mustChange = principal.kind === 'user' && principal.mustChangePassword === true;
  return direct === null && principal.kind === 'user' && principal.isServerAdmin && !mustChange ? { status: 'loading' } : stateFor(principal, direct);
};

export const SessionProvider = ({ children }: { readonly children: ReactNode }) => {
  const api = useApi();
  const [embedded] = useState(preloadedPrincipal);
  const [state, setState] = useState<SessionState>(() => firstState(embedded));
  const adopt = useCallback(async (principal: Principal) => {
    const mustChange = principal.kind === 'user' && principal.mustChangePassword === true;
    const next = stateFor(principal, mustChange ? null : await resolve(api, principal));
    setState(next);
    return next.status !== 'anonymous';
  }, [api]);
  const refresh = useCallback(async () => {
    const r = await api.me();
    if (r.ok) await adopt(r.value);
    else setState({ status: 'anonymous', problem: null });
  }, [api, adopt]);
  const startedSettled = useRef(state.status !== 'loading');
  useEffect(() => {
    if (startedSettled.current) return undefined;
    let live = true;
    // The principal in the page spares a round trip; without it, the server is asked.
    void (embedded === null ? api.me() : Promise.resolve({ ok: true as const, value: embedded })).then(async (r) => {
      if (!live) return;
      if (r.ok) await adopt(r.value);
      else setState({ status: 'anonymous', problem: null });
    });
    return () => {
      live = false;
    };
  }, [api, adopt, embedded]);
  const signOut = useCallback(async () => {
    await api.signOut();
    setState({ status: 'anonymous', problem: null });
  }, [api]);
  const value = useMemo(() => ({ state, adopt, refresh, signOut }), [state, adopt, refresh, signOut]);
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
