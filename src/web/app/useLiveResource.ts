/**
 * Data that follows the congress live: fetched over HTTP, fetched again on each relevant live event and on
 * each (re)connection of the WebSocket, so a screen survives the server restarting without a reload.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveKind } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import { liveUrl, subscribeLive, type LiveStatus } from '../api/live.ts';
import type { ApiError } from '../api/types.ts';

export interface LiveResource<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly connection: LiveStatus;
  readonly reload: () => void;
}

export const useLiveResource = <T>(
  congress: string,
  load: () => Promise<ApiResult<T>>,
  /** The kinds of change that concern this data; every kind when omitted. */
  kinds?: readonly LiveKind[],
  /** Data the page already holds (embedded by the server): shown at once, not asked for again until the channel opens. */
  initial: T | null = null,
): LiveResource<T> => {
  const [data, setData] = useState<T | null>(initial);
  const given = useRef(initial !== null);
  const [error, setError] = useState<ApiError | null>(null);
  const [connection, setConnection] = useState<LiveStatus>('connecting');
  const loadRef = useRef(load);
  loadRef.current = load;
  const kindsRef = useRef(kinds);
  kindsRef.current = kinds;
  // One load at a time: changes that arrive while it runs (a storm of comments, say) make one more load after it,
  // not one each — the last load always starts after the last change.
  const running = useRef(false);
  const again = useRef(false);

  const reload = useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    void loadRef.current().then((r) => {
      running.current = false;
      if (again.current) {
        again.current = false;
        reload();
        return; // a newer load is on its way
      }
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(r.error);
    });
  }, []);

  useEffect(() => {
    if (given.current) given.current = false;
    else reload();
    return subscribeLive(liveUrl(congress, window.location), {
      onOpen: reload,
      onChange: (kind) => {
        const wanted = kindsRef.current;
        // The snapshot sent on connect adds nothing to the reload that onOpen already does.
        if (kind !== 'snapshot' && (wanted === undefined || wanted.includes(kind))) reload();
      },
      onStatus: setConnection,
    });
  }, [congress, reload]);

  return { data, error, connection, reload };
};
