/**
 * Live updates from the server's WebSocket, per congress. The connection comes back by itself when the server
 * restarts: reconnect with exponential backoff (0.5 s doubling to 15 s, with jitter), and on every (re)connect
 * the caller resyncs over HTTP, so nothing missed while disconnected stays missing.
 */
import { API, LiveMessage, urlOf, type LiveKind } from '../../api/index.ts';

export type LiveStatus = 'connecting' | 'open' | 'closed';

export interface LiveHandlers {
  /** A change of this kind happened: refetch what shows it. */
  readonly onChange: (kind: LiveKind | 'snapshot') => void;
  /** Every successful (re)connection: refetch everything shown. */
  readonly onOpen: () => void;
  readonly onStatus?: (status: LiveStatus) => void;
}

export const backoffDelay = (attempt: number, random: () => number = Math.random): number => {
  const base = Math.min(15_000, 500 * 2 ** attempt);
  return Math.round(base * (0.75 + 0.5 * random()));
};

export const liveUrl = (congress: string, location: Pick<Location, 'protocol' | 'host'>): string =>
  `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${urlOf(API.live, { code: congress })}`;

const parseMessage = (data: unknown): LiveKind | 'snapshot' | null => {
  if (typeof data !== 'string') return null;
  try {
    const m = LiveMessage.safeParse(JSON.parse(data));
    if (!m.success) return null;
    return m.data.type === 'event' ? m.data.kind : 'snapshot';
  } catch {
    return null;
  }
};

/** Opens the live connection; the returned function closes it for good. */
export const connectLive = (url: string, handlers: LiveHandlers): (() => void) => {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const open = (): void => {
    if (stopped) return;
    handlers.onStatus?.('connecting');
    socket = new WebSocket(url);
    socket.onopen = () => {
      attempt = 0;
      handlers.onStatus?.('open');
      handlers.onOpen();
    };
    socket.onmessage = (m: MessageEvent) => {
      const kind = parseMessage(m.data);
      if (kind !== null) handlers.onChange(kind);
    };
    socket.onclose = () => {
      socket = null;
      if (stopped) return;
      handlers.onStatus?.('closed');
      timer = setTimeout(open, backoffDelay(attempt++));
    };
    socket.onerror = () => socket?.close();
  };
  open();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    socket?.close();
  };
};

interface Shared {
  readonly listeners: Set<LiveHandlers>;
  status: LiveStatus;
  close: () => void;
}

const shared = new Map<string, Shared>();

/**
 * One WebSocket per congress for the whole page, however many screens and panels listen: each listener gets
 * every change, the current status at once, and a resync on every (re)connection. The connection closes when
 * the last listener leaves.
 */
export const subscribeLive = (url: string, handlers: LiveHandlers): (() => void) => {
  let entry = shared.get(url);
  if (entry === undefined) {
    const created: Shared = { listeners: new Set(), status: 'connecting', close: () => undefined };
    created.close = connectLive(url, {
      onOpen: () => created.listeners.forEach((l) => l.onOpen()),
      onChange: (kind) => created.listeners.forEach((l) => l.onChange(kind)),
      onStatus: (status) => {
        created.status = status;
        created.listeners.forEach((l) => l.onStatus?.(status));
      },
    });
    shared.set(url, created);
    entry = created;
  }
  const current = entry;
  current.listeners.add(handlers);
  handlers.onStatus?.(current.status);
  return () => {
    current.listeners.delete(handlers);
    if (current.listeners.size === 0) {
      current.close();
      shared.delete(url);
    }
  };
};
