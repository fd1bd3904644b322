/**
 * The one door from the web app to the server, derived from the contract (src/api/contract.ts): one method per
 * JSON endpoint, named as in the table, typed by the endpoint's schemas end to end —
 *
 *   const r = await api.getElection({ params: { code, electionId } });   // ApiResult<ElectionView>
 *
 * Every answer is parsed with the endpoint's response schema; error bodies become `{ ok: false, error }`.
 * Files (printouts, exports, crops) are links: `hrefOf(API.printMinutes, params, query)`. Screens depend on the
 * `ApiClient` type; component tests pass a fake (src/web/test-support/fake-api.ts).
 */
import type { z } from 'zod';
import {
  API, ApiErrorBody, MULTIPART, schemaOf, TERMINAL_HEADER, urlOf, type Api, type BodyInputOf, type Endpoint, type EndpointName,
  type ParamsOf, type QueryOf, type ResponseOf,
} from '../../api/index.ts';
import type { Result } from '../../rules/index.ts';
import type { ApiError } from './types.ts';

export type ApiResult<T> = Result<T, ApiError>;

/** What a call sends: the path's params, the query, and the JSON body or the multipart form. */
export type CallInput<E extends Endpoint> =
  & (E['params'] extends z.ZodType ? { readonly params: ParamsOf<E> } : unknown)
  & (E['query'] extends z.ZodType ? { readonly query?: Partial<QueryOf<E>> } : unknown)
  & (E['body'] extends z.ZodType ? { readonly body: BodyInputOf<E> } : unknown)
  & (E['body'] extends typeof MULTIPART ? { readonly form: FormData; readonly onProgress?: (sent: number, total: number) => void } : unknown);

type NeedsInput<E extends Endpoint> = E['params'] extends z.ZodType ? true : E['body'] extends z.ZodType | typeof MULTIPART ? true : false;

export type Call<E extends Endpoint> = NeedsInput<E> extends true
  ? (input: CallInput<E>) => Promise<ApiResult<ResponseOf<E>>>
  : (input?: CallInput<E>) => Promise<ApiResult<ResponseOf<E>>>;

/** The endpoints that answer JSON (files are links, the live channel a socket). */
export type JsonEndpointName = { [K in EndpointName]: Api[K]['response'] extends z.ZodType ? K : never }[EndpointName];

export type ApiClient = { readonly [K in JsonEndpointName]: Call<Api[K]> };

/** The URL of a file endpoint, for a link (`<a href download>`): typed by the endpoint's params and query. */
export const hrefOf = <E extends Endpoint>(e: E, params: ParamsOf<E> & object, query?: Partial<QueryOf<E>> & object): string => urlOf(e, params, query);

/**
 * This browser's terminal name for the input log ("web-" and a random suffix), kept across reloads so an
 * operator's entry stays theirs at this terminal. Sent with every request.
 */
export const terminal = (): string => {
  const key = 'daihoi.terminal';
  try {
    const known = localStorage.getItem(key);
    if (known !== null && /^web-[a-z0-9]{6,}$/u.test(known)) return known;
    const made = `web-${Math.random().toString(36).slice(2, 10)}`;
    localStorage.setItem(key, made);
    return made;
  } catch {
    return 'web-unknown';
  }
};

const networkError: ApiError = { code: 'network', message_vi: 'Không kết nối được máy chủ.', message_en: 'Cannot reach the server.' };
const schemaError = (path: string): ApiError => ({
  code: 'schema',
  message_vi: `Máy chủ trả dữ liệu không đúng mẫu (${path}).`,
  message_en: `The server answered in an unexpected shape (${path}).`,
});

interface Answer {
  readonly status: number;
  readonly json: unknown;
}

const parseText = (text: string): unknown => {
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return null;
  }
};

const send = async (method: string, path: string, body: { json: unknown } | { form: FormData } | null): Promise<Answer | null> => {
  try {
    const headers: Record<string, string> = { accept: 'application/json', [TERMINAL_HEADER]: terminal() };
    const init: RequestInit = { method, credentials: 'same-origin', headers };
    if (body !== null && 'json' in body) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body.json);
    } else if (body !== null) init.body = body.form;
    const response = await fetch(path, init);
    return { status: response.status, json: parseText(await response.text()) };
  } catch {
    return null;
  }
};

/**
 * A multipart upload through XMLHttpRequest, for its upload progress events (fetch has none). Same origin and
 * the same headers as `send`: the browser adds Origin, which the server's CSRF guard checks.
 */
const sendWithProgress = (method: string, path: string, form: FormData, onProgress: (sent: number, total: number) => void): Promise<Answer | null> =>
  new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader(TERMINAL_HEADER, terminal());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, json: parseText(xhr.responseText) });
    xhr.onerror = () => resolve(null);
    xhr.onabort = () => resolve(null);
    xhr.send(form);
  });

const answerOf = <S extends z.ZodType>(answer: Answer | null, path: string, schema: S): ApiResult<z.infer<S>> => {
  if (answer === null) return { ok: false, error: networkError };
  if (answer.status >= 400) {
    const e = ApiErrorBody.safeParse(answer.json);
    return {
      ok: false,
      error: e.success ? { ...e.data.error, ...(e.data.issues === undefined ? {} : { issues: e.data.issues }) }
        : { code: `http.${answer.status}`, message_vi: `Máy chủ trả lỗi ${answer.status}.`, message_en: `Server error ${answer.status}.` },
    };
  }
  const parsed = schema.safeParse(answer.json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: schemaError(path) };
};

interface AnyInput {
  readonly params?: object;
  readonly query?: object;
  readonly body?: unknown;
  readonly form?: FormData;
  readonly onProgress?: (sent: number, total: number) => void;
}

const call = async (e: Endpoint, response: z.ZodType, input: AnyInput): Promise<ApiResult<unknown>> => {
  const path = urlOf(e, input.params ?? {}, input.query ?? {});
  if (e.body === MULTIPART) {
    const form = input.form ?? new FormData();
    const answer = input.onProgress === undefined ? await send(e.method, path, { form }) : await sendWithProgress(e.method, path, form, input.onProgress);
    return answerOf(answer, path, response);
  }
  return answerOf(await send(e.method, path, input.body === undefined ? null : { json: input.body }), path, response);
};

/** The client of the browser: one method per JSON endpoint of the contract. */
export const httpClient = (): ApiClient => {
  const methods: Record<string, (input?: AnyInput) => Promise<ApiResult<unknown>>> = {};
  for (const [name, e] of Object.entries(API) as [string, Endpoint][]) {
    const response = schemaOf(e.response);
    if (response !== undefined) methods[name] = (input) => call(e, response, input ?? {});
  }
  // Each method was built from its own endpoint's schemas: the table's types describe exactly these functions.
  return methods as unknown as ApiClient;
};
