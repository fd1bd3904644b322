/**
 * An endpoint of the HTTP API as data: method, path, the schemas of its params, query, body and answer, and who
 * may call it. The server registers a route per entry of the table (src/api/contract.ts) and authorises it from
 * `access`; the web client is derived from the same entries; the route × role test iterates them.
 *
 *   export const getElection = endpoint({
 *     method: 'GET', path: '/api/congresses/:code/elections/:electionId',
 *     params: ElectionParams, response: ElectionView, access: EVERYONE,
 *   });
 */
import { z } from 'zod';
import type { Access } from './access.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The body is a multipart/form-data upload (files, read as a stream after authorisation). */
export const MULTIPART = { kind: 'multipart' } as const;
/** The answer is a file (PDF, Word, Excel, PNG, text): a link in the web app, not a parsed reply. */
export const FILE = { kind: 'file' } as const;
/** The route is a WebSocket (the live channel). */
export const SOCKET = { kind: 'socket' } as const;

export type BodySpec = z.ZodType | typeof MULTIPART;
export type ResponseSpec = z.ZodType | typeof FILE | typeof SOCKET;

/** JSON bodies are small: a few hundred kilobytes unless an endpoint needs more (and says so). */
export const JSON_BODY_LIMIT = 256 * 1024;

export interface Endpoint {
  readonly method: Method;
  readonly path: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: BodySpec;
  readonly response: ResponseSpec;
  readonly access: Access;
  /** Bytes a JSON body may have (default JSON_BODY_LIMIT); for multipart the upload's own limits apply. */
  readonly bodyLimit?: number;
  /** One line for the reader of the table. */
  readonly summary?: string;
}

/** The zod schema of a body or response spec; undefined for a multipart body, a file or a socket. */
export const schemaOf = (spec: BodySpec | ResponseSpec | undefined): z.ZodType | undefined =>
  spec !== undefined && 'safeParse' in spec ? spec : undefined;

/** Checks an endpoint's shape and keeps its literal types (the path, the schemas) for the server and the client. */
export const endpoint = <const E extends Endpoint>(e: E): E => e;

type Schema<T> = T extends z.ZodType ? T : never;

/** What the server's handler receives, and what the client sends (after the params' and query's coercion). */
export type ParamsOf<E extends Endpoint> = E['params'] extends z.ZodType ? z.output<Schema<E['params']>> : Record<string, never>;
export type QueryOf<E extends Endpoint> = E['query'] extends z.ZodType ? z.output<Schema<E['query']>> : Record<string, never>;
export type BodyOf<E extends Endpoint> = E['body'] extends z.ZodType ? z.output<Schema<E['body']>> : undefined;
/** The body a client sends: before defaults are applied. */
export type BodyInputOf<E extends Endpoint> = E['body'] extends z.ZodType ? z.input<Schema<E['body']>> : undefined;
/** The parsed answer of a JSON endpoint. */
export type ResponseOf<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<Schema<E['response']>> : never;
/** A value that may be read-only all the way down (what the rules core returns fits where its schema is expected). */
export type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[]
  : T extends readonly (infer U)[] ? readonly DeepReadonly<U>[]
    : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
/** What a handler may answer with: the response's input shape (the server does not fill defaults), read-only or not. */
export type ReplyBodyOf<E extends Endpoint> = E['response'] extends z.ZodType ? DeepReadonly<z.input<Schema<E['response']>>> : never;

/** Whether an endpoint lives under a congress (`/api/congresses/:code/…`): its handler gets the congress. */
export type IsCongressPath<P extends string> = P extends `/api/congresses/:code${string}` ? true : false;
export const isCongressPath = (path: string): boolean => path.startsWith('/api/congresses/:code');

/** The names of a path's parameters, in order: "/a/:code/b/:id" → ["code", "id"]. */
export const pathParams = (path: string): string[] => [...path.matchAll(/:([A-Za-z]+)/gu)].map((m) => m[1]!);

type Scalar = string | number | boolean | null | undefined | readonly (string | number)[];

/** The concrete URL of an endpoint: path parameters filled in (encoded), the query appended. */
export const urlOf = (e: Pick<Endpoint, 'path'>, params: object = {}, query: object = {}): string => {
  const p = params as Readonly<Record<string, Scalar>>;
  const path = e.path.replace(/:([A-Za-z]+)/gu, (_, name: string) => {
    const v = p[name];
    if (v === undefined || v === null) throw new Error(`${e.path}: missing path parameter ${name}`);
    return encodeURIComponent(String(v));
  });
  const parts = Object.entries(query as Readonly<Record<string, Scalar>>).flatMap(([k, v]) => {
    if (v === undefined || v === null) return [];
    const text = Array.isArray(v) ? v.join(',') : String(v);
    return text === '' ? [] : [`${encodeURIComponent(k)}=${encodeURIComponent(text)}`];
  });
  return parts.length === 0 ? path : `${path}?${parts.join('&')}`;
};

/** The key of an endpoint as the routers know it: "GET /api/congresses/:code". */
export const routeKey = (e: Pick<Endpoint, 'method' | 'path'>): string => `${e.method} ${e.path}`;
