/**
 * Every route goes through here: look up its permission (a route missing from the table cannot start), find
 * who is calling, load the congress of `:code`, check the role, parse params, query and body with zod, run the
 * handler, and answer its Result: a value as JSON, a problem as `{ error: … }` with its status.
 */
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CongressCode } from '../api/common.ts';
import type { Result } from '../rules/index.ts';
import type { Congress } from '../store/schema.ts';
import { resolvePrincipal, rolesIn, SESSION_COOKIE, type Principal } from './auth/principal.ts';
import type { ServerDeps } from './deps.ts';
import { allows, isRouteKey, PERMISSIONS, type AccessRole } from './permissions.ts';
import { badRequest, errorBody, forbidden, notFound, unauthenticated, type Problem } from './problems.ts';
import { parseWith } from './validation.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Output =
  | { readonly kind: 'json'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'file'; readonly data: Buffer | Uint8Array; readonly contentType: string; readonly fileName: string; readonly inline?: boolean };

export const json = (body: unknown, status = 200): Output => ({ kind: 'json', status, body });

export interface Caller {
  readonly principal: Principal | null;
  readonly roles: readonly AccessRole[];
  /** "user:12", "delegate:40", "anonymous" — the actor of audit entries. */
  readonly actor: string;
  /** The caller's first role in the congress, for the audit log. */
  readonly role: string | null;
}

export interface Ctx<P, Q, B> extends Caller {
  readonly req: FastifyRequest;
  readonly reply: FastifyReply;
  readonly deps: ServerDeps;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
}
export interface CongressCtx<P, Q, B> extends Ctx<P, Q, B> {
  readonly congress: Congress;
}

type Schema = z.ZodType;
type Inferred<S> = S extends z.ZodType ? z.infer<S> : undefined;

interface Spec<PS, QS, BS> {
  readonly method: Method;
  readonly url: string;
  readonly params?: PS;
  readonly query?: QS;
  readonly body?: BS;
  /** Raise the body limit for this route (bytes). */
  readonly bodyLimit?: number;
}

export const sendProblem = (reply: FastifyReply, p: Problem): FastifyReply =>
  reply.code(p.status).type('application/json; charset=utf-8').send(errorBody(p));

const sendOutput = (reply: FastifyReply, out: Output): FastifyReply => {
  if (out.kind === 'json') return reply.code(out.status).send(out.body);
  const disposition = out.inline === true ? 'inline' : 'attachment';
  const ascii = out.fileName.normalize('NFD').replace(/[^\x20-\x7e]/gu, '').replace(/["\\]/gu, '') || 'file';
  return reply.code(200).type(out.contentType)
    .header('content-disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(out.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(out.data));
};

const actorOf = (p: Principal | null): string =>
  p === null ? 'anonymous' : p.kind === 'user' ? `user:${p.userId}` : `delegate:${p.delegateId}`;

/** Authenticates and authorises a request for a route key; the congress is loaded when the URL has `:code`. */
export const authorize = async (
  deps: ServerDeps, req: FastifyRequest, key: string,
): Promise<Result<Caller & { readonly congress: Congress | null }, Problem>> => {
  if (!isRouteKey(key)) return { ok: false, error: forbidden() };
  const access = PERMISSIONS[key];
  const token = req.cookies[SESSION_COOKIE];
  const principal = await resolvePrincipal(deps.db, token, deps.now().toISOString());
  const params = (req.params ?? {}) as Record<string, string | undefined>;
  let congress: Congress | null = null;
  if (params['code'] !== undefined) {
    if (access !== 'public' && principal === null) return { ok: false, error: unauthenticated() };
    const code = CongressCode.safeParse(params['code']);
    congress = code.success
      ? (await deps.db.selectFrom('congresses').selectAll().where('code', '=', code.data).executeTakeFirst()) ?? null
      : null;
    if (congress === null) return { ok: false, error: notFound('đại hội', 'Congress', 'code') };
  }
  let roles: AccessRole[] = [];
  if (principal !== null && congress !== null) {
    const r = await rolesIn(deps.db, principal, congress.id);
    const electionId = Number(params['electionId']);
    roles = r.roles.filter((role) => role !== 'counting-board' || !Number.isInteger(electionId) || r.countingElections.includes(electionId));
  }
  const caller = { principal, roles, actor: actorOf(principal), role: roles[0] ?? (principal?.kind === 'user' && principal.isServerAdmin ? 'server-admin' : null), congress };
  if (access === 'public') return { ok: true, value: caller };
  if (principal === null) return { ok: false, error: unauthenticated() };
  if (access === 'signed-in') return { ok: true, value: caller };
  if (access === 'server-admin') {
    return principal.kind === 'user' && principal.isServerAdmin ? { ok: true, value: caller } : { ok: false, error: forbidden() };
  }
  return allows(access, roles) ? { ok: true, value: caller } : { ok: false, error: forbidden() };
};

const parseParts = <PS extends Schema | undefined, QS extends Schema | undefined, BS extends Schema | undefined>(
  spec: Spec<PS, QS, BS>, req: FastifyRequest,
): Result<{ params: Inferred<PS>; query: Inferred<QS>; body: Inferred<BS> }, Problem> => {
  const part = <S extends Schema | undefined>(schema: S, value: unknown, where: string): Result<Inferred<S>, Problem> => {
    if (schema === undefined) return { ok: true, value: undefined as Inferred<S> };
    const r = parseWith(schema, value ?? (where === 'body' ? undefined : {}), where);
    return r.ok ? { ok: true, value: r.value as Inferred<S> } : { ok: false, error: badRequest(r.error) };
  };
  const params = part(spec.params as PS, req.params, 'params');
  if (!params.ok) return params;
  const query = part(spec.query as QS, req.query, 'query');
  if (!query.ok) return query;
  const body = part(spec.body as BS, req.body, 'body');
  if (!body.ok) return body;
  return { ok: true, value: { params: params.value, query: query.value, body: body.value } };
};

const register = <PS extends Schema | undefined, QS extends Schema | undefined, BS extends Schema | undefined>(
  app: FastifyInstance, deps: ServerDeps, spec: Spec<PS, QS, BS>,
  run: (ctx: CongressCtx<Inferred<PS>, Inferred<QS>, Inferred<BS>> | Ctx<Inferred<PS>, Inferred<QS>, Inferred<BS>>, congress: Congress | null) => Promise<Result<Output, Problem>>,
): void => {
  const key = `${spec.method} ${spec.url}`;
  if (!isRouteKey(key)) throw new Error(`Route ${key} is missing from src/server/permissions.ts`);
  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit === undefined ? {} : { bodyLimit: spec.bodyLimit }),
    handler: async (req, reply) => {
      const auth = await authorize(deps, req, key);
      if (!auth.ok) return sendProblem(reply, auth.error);
      const parts = parseParts(spec, req);
      if (!parts.ok) return sendProblem(reply, parts.error);
      const { congress, ...caller } = auth.value;
      const ctx = { ...caller, req, reply, deps, ...parts.value, congress };
      const out = await run(ctx as CongressCtx<Inferred<PS>, Inferred<QS>, Inferred<BS>>, congress);
      if (!out.ok) return sendProblem(reply, out.error);
      return sendOutput(reply, out.value);
    },
  });
};

/** A route outside any congress. */
export const route = <PS extends Schema | undefined = undefined, QS extends Schema | undefined = undefined, BS extends Schema | undefined = undefined>(
  app: FastifyInstance, deps: ServerDeps, spec: Spec<PS, QS, BS>,
  handler: (ctx: Ctx<Inferred<PS>, Inferred<QS>, Inferred<BS>>) => Promise<Result<Output, Problem>>,
): void => register(app, deps, spec, (ctx) => handler(ctx));

/** A route of one congress (`/api/congresses/:code/…`): the handler gets the congress. */
export const congressRoute = <PS extends Schema | undefined = undefined, QS extends Schema | undefined = undefined, BS extends Schema | undefined = undefined>(
  app: FastifyInstance, deps: ServerDeps, spec: Spec<PS, QS, BS>,
  handler: (ctx: CongressCtx<Inferred<PS>, Inferred<QS>, Inferred<BS>>) => Promise<Result<Output, Problem>>,
): void => {
  if (!spec.url.startsWith('/api/congresses/:code')) throw new Error(`${spec.url} is not a congress route`);
  register(app, deps, spec, (ctx, congress) => handler({ ...ctx, congress: congress! }));
};
