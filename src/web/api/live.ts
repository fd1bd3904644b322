/**
 * Live updates from the server's WebSocket, per congress. The connection comes back by itself when the server
 * restarts: reconnect with exponential backoff (0.5 s doubling to 15 s, with jitter), and on every (re)connect
 * the caller resyncs over HTTP, so nothing missed while disconnected stays missing.
 */
import { LiveMessage, type LiveKind } from '../../api/index.ts';

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
  `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/congresses/${encodeURIComponent(congress)}/live`;

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
