/**
 * A fake of the web client for component tests: give the methods the screen under test calls; every other
 * method answers a refusal naming itself (`test.unfaked`), which the screen shows like any server error.
 *
 *   const api = fakeApi({ listElections: async () => ({ ok: true, value: [election] }) });
 */
import { API, ENDPOINT_NAMES, schemaOf } from '../../api/index.ts';
import type { ApiClient, ApiResult } from '../api/client.ts';

const unfaked = (name: string) => (): Promise<ApiResult<never>> => Promise.resolve({
  ok: false,
  error: { code: 'test.unfaked', message_vi: `Phép gọi ${name} chưa được giả lập.`, message_en: `${name} is not faked in this test.` },
});

/** The names of the client's methods: the endpoints that answer JSON. */
const METHODS = ENDPOINT_NAMES.filter((name) => schemaOf(API[name].response) !== undefined);

export const fakeApi = (given: Partial<ApiClient>): ApiClient => {
  const client: Record<string, unknown> = Object.fromEntries(METHODS.map((name) => [name, unfaked(name)]));
  // Every method of ApiClient is present: the refusal answers any call, `given` replaces those faked.
  return { ...client, ...given } as ApiClient;
};

/** An answer of a faked method. */
export const answer = <T,>(value: T): Promise<ApiResult<T>> => Promise.resolve({ ok: true, value });
