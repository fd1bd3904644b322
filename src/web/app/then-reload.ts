import type { ApiResult } from '../api/client.ts';

/**
 * Waits for a change sent to the server, reloads what it may have changed (accepted or not: the screen then shows
 * the server's state), and answers the change's result for the form that sent it.
 */
export const thenReload = async <T,>(change: Promise<ApiResult<T>>, reload: () => void): Promise<ApiResult<T>> => {
  const r = await change;
  reload();
  return r;
};
