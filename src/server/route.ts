/**
 * Serving the endpoints of src/api/contract.ts. Before a byte of the body is read: the content type is checked
 * against the endpoint's body (JSON, multipart or none), the size against its limit, the caller is resolved, the
 * congress of `:code` loaded and the caller's roles checked against the endpoint's access. Then params, query and
 * body are parsed with the endpoint's schemas, the handler runs, and its Result is answered: a value as JSON (in
 * tests checked against the endpoint's response schema), a file, or a problem as `{ error: … }` with its status.
 */
import { Readable } from 'node:stream';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { closeIfLargeUnread, dropUnreadRest } from './unread-body.ts';
import type { z } from 'zod';
import { allows, type AccessRole } from '../api/access.ts';
import { CongressCode } from '../api/common.ts';
import { API } from '../api/contract.ts';
import {
  isCongressPath, JSON_BODY_LIMIT, MULTIPART, routeKey, schemaOf, type BodyOf, type Endpoint, type IsCongressPath, type ParamsOf,
  type QueryOf, type ReplyBodyOf,
} from '../api/endpoint.ts';
import { err, ok, ruleError, type Result } from '../rules/index.ts';
import type { Congress } from '../store/schema.ts';
import { resolvePrincipal, rolesIn, SESSION_COOKIE, type Principal } from './auth/principal.ts';
import type { ServerDeps } from './deps.ts';
import { badRequest, errorBody, forbidden, notFound, problem, unauthenticated, type Problem } from './problems.ts';
import { parseWith } from './validation.ts';

export interface Caller {
  readonly principal: Principal | null;
  readonly roles: readonly AccessRole[];
  /** Elections the caller counts as a counting-board member (empty: none). */
  readonly countingElections: readonly number[];
  /** "user:12", "delegate:40", "anonymous" — the actor of audit entries. */
  readonly actor: string;
  /** The caller's first role in the congress, for the audit log. */
  readonly role: string | null;
}

export type JsonOut<T> = { readonly kind: 'json'; readonly status: number; readonly body: T };
export type FileOut = {
  readonly kind: 'file'; readonly data: Buffer | Uint8Array; readonly contentType: string; readonly fileName: string; readonly inline?: boolean;
};
/**
 * A large JSON reply already serialised in pieces (UTF-8), so the whole value never exists as objects, a string and
 * a buffer at once. Its text must be the endpoint's response body: in tests (checkReplies) it is parsed and checked
 * against the response schema like any JSON reply.
 */
export type JsonPiecesOut = { readonly kind: 'json-pieces'; readonly status: number; readonly pieces: readonly Buffer[] };
/** What a handler of endpoint E answers with: its response body as JSON, or a file. */
export type Output<E extends Endpoint> = JsonOut<ReplyBodyOf<E>> | JsonPiecesOut | FileOut;

export const json = <T>(body: T, status = 200): JsonOut<T> => ({ kind: 'json', status, body });
export const jsonPieces = (pieces: readonly Buffer[], status = 200): JsonPiecesOut => ({ kind: 'json-pieces', status, pieces });
export const file = (data: Buffer | Uint8Array, contentType: string, fileName: string, inline = false): FileOut =>
  ({ kind: 'file', data, contentType, fileName, inline });

interface BaseCtx<E extends Endpoint> extends Caller {
  readonly req: FastifyRequest;
  readonly reply: FastifyReply;
  readonly deps: ServerDeps;
  readonly params: ParamsOf<E>;
  readonly query: QueryOf<E>;
  readonly body: BodyOf<E>;
}
/** A handler's context: the caller, the parsed request and, under `/api/congresses/:code`, the congress. */
export type Ctx<E extends Endpoint> = IsCongressPath<E['path']> extends true ? BaseCtx<E> & { readonly congress: Congress } : BaseCtx<E>;

export type Handler<E extends Endpoint> = (ctx: Ctx<E>) => Promise<Result<Output<E>, Problem>> | Result<Output<E>, Problem>;

export const sendProblem = (reply: FastifyReply, p: Problem): FastifyReply =>
  reply.code(p.status).type('application/json; charset=utf-8').send(errorBody(p));

const sendFile = (reply: FastifyReply, out: FileOut): FastifyReply => {
  const disposition = out.inline === true ? 'inline' : 'attachment';
  const ascii = out.fileName.normalize('NFD').replace(/[^\x20-\x7e]/gu, '').replace(/["\\]/gu, '') || 'file';
  return reply.code(200).type(out.contentType)
    .header('content-disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(out.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(out.data));
};

const actorOf = (p: Principal | null): string =>
  p === null ? 'anonymous' : p.kind === 'user' ? `user:${p.userId}` : `delegate:${p.delegateId}`;

type Authorized = Caller & { readonly congress: Congress | null };

/** What a user who must change their password may still call (besides the public endpoints: sign-out, sign-in). */
const WHILE_PASSWORD_MUST_CHANGE: ReadonlySet<string> = new Set([routeKey(API.me), routeKey(API.changePassword)]);

const mustChangePassword = (): Problem => problem(403, ruleError('auth.must-change-password',
  'Bạn phải đổi mật khẩu trước khi làm việc khác (mật khẩu hiện tại là mật khẩu được cấp).',
  'You must change your password before anything else (the current one was given to you).'));

/** Authenticates and authorises a request for an endpoint; the congress is loaded when the path has `:code`. */
export const authorize = async (deps: ServerDeps, req: FastifyRequest, e: Endpoint): Promise<Result<Authorized, Problem>> => {
  const principal = await resolvePrincipal(deps.db, req.cookies[SESSION_COOKIE], deps.now().toISOString());
  const params = (req.params ?? {}) as Record<string, string | undefined>;
  let congress: Congress | null = null;
  if (isCongressPath(e.path)) {
    const code = CongressCode.safeParse(params['code']);
    congress = code.success
      ? (await deps.db.selectFrom('congresses').selectAll().where('code', '=', code.data).executeTakeFirst()) ?? null
      : null;
  }
  return authorizeIn(deps, principal, e, congress, Number(params['electionId']));
};

/**
 * Whether `principal` may call endpoint `e` in `congress` (null: the path has no `:code`, or it names no congress),
 * and as whom: the access rule of every route, also used where the server embeds an endpoint's answer in a page.
 */
export const authorizeIn = async (
  deps: ServerDeps, principal: Principal | null, e: Endpoint, congress: Congress | null, electionId = Number.NaN,
): Promise<Result<Authorized, Problem>> => {
  const access = e.access;
  if (access !== 'public' && principal === null) return err(unauthenticated());
  if (access !== 'public' && principal?.kind === 'user' && principal.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(routeKey(e))) {
    return err(mustChangePassword());
  }
  if (isCongressPath(e.path) && congress === null) return err(notFound('đại hội', 'Congress', 'code'));
  let roles: AccessRole[] = [];
  let countingElections: readonly number[] = [];
  if (principal !== null && congress !== null) {
    const r = await rolesIn(deps.db, principal, congress.id);
    // A counting-board member is one only for the elections they count.
    roles = r.roles.filter((role) => role !== 'counting-board' || !Number.isInteger(electionId) || r.countingElections.includes(electionId));
    countingElections = r.countingElections;
  }
  const isServerAdmin = principal?.kind === 'user' && principal.isServerAdmin;
  const caller: Authorized = {
    principal, roles, countingElections, actor: actorOf(principal), role: roles[0] ?? (isServerAdmin ? 'server-admin' : null), congress,
  };
  if (access === 'public' || access === 'signed-in') return ok(caller);
  if (access === 'server-admin') return isServerAdmin ? ok(caller) : err(forbidden());
  return allows(access, roles) ? ok(caller) : err(forbidden());
};

const hasBody = (req: FastifyRequest): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? '0') > 0;

/** The body's type must be the endpoint's, before anything is read. */
const checkContentType = (e: Endpoint, req: FastifyRequest): Problem | null => {
  if (!hasBody(req)) return null;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (e.body === MULTIPART) {
    return type === 'multipart/form-data' ? null : problem(415, ruleError('upload.multipart', 'Cần gửi tệp dạng multipart/form-data.',
      'A multipart/form-data upload is expected.', 'body'));
  }
  return type === 'application/json' ? null : problem(415, ruleError('body.content-type', 'Kiểu nội dung không được hỗ trợ (cần application/json).',
    'Unsupported content type (application/json expected).', 'body'));
};

/** A refusal before the body is read (unread-body.ts). */
const refuseUnread = (req: FastifyRequest, reply: FastifyReply, p: Problem): FastifyReply => sendProblem(closeIfLargeUnread(req, reply), p);

/** Bytes of a body without a schema: an empty JSON object at most. */
const NO_BODY_LIMIT = 64;

const bodyLimitOf = (e: Endpoint): number | undefined =>
  e.body === MULTIPART ? undefined : e.body === undefined ? NO_BODY_LIMIT : e.bodyLimit ?? JSON_BODY_LIMIT;

const parseParts = <E extends Endpoint>(e: E, req: FastifyRequest): Result<{ params: ParamsOf<E>; query: QueryOf<E>; body: BodyOf<E> }, Problem> => {
  const part = <T>(schema: z.ZodType | undefined, value: unknown, where: string): Result<T, Problem> => {
    if (schema === undefined) return ok((where === 'body' ? undefined : {}) as T);
    const r = parseWith(schema, value ?? (where === 'body' ? undefined : {}), where);
    return r.ok ? ok(r.value as T) : err(badRequest(r.error));
  };
  const params = part<ParamsOf<E>>(e.params, req.params, 'params');
  if (!params.ok) return params;
  const query = part<QueryOf<E>>(e.query, req.query, 'query');
  if (!query.ok) return query;
  const body = part<BodyOf<E>>(schemaOf(e.body), req.body, 'body');
  if (!body.ok) return body;
  return ok({ params: params.value, query: query.value, body: body.value });
};

const callers = new WeakMap<FastifyRequest, Authorized>();
const served = new WeakMap<FastifyInstance, Set<string>>();

/** The route keys an app serves through `serve` (build.ts checks them against the contract). */
export const servedKeys = (app: FastifyInstance): ReadonlySet<string> => served.get(app) ?? new Set();

/** Notes that an app serves an endpoint (`serve` does; the live channel registers its WebSocket itself). */
export const markServed = (app: FastifyInstance, e: Endpoint): void => {
  const key = routeKey(e);
  const keys = served.get(app) ?? new Set<string>();
  if (keys.has(key)) throw new Error(`${key} is served twice`);
  keys.add(key);
  served.set(app, keys);
};

/** Registers the handler of one endpoint of the contract. */
export const serve = <E extends Endpoint>(app: FastifyInstance, deps: ServerDeps, e: E, handler: Handler<E>): void => {
  markServed(app, e);
  const key = routeKey(e);
  const limit = bodyLimitOf(e);
  app.route({
    method: e.method,
    url: e.path,
    ...(limit === undefined ? {} : { bodyLimit: limit }),
    onRequest: async (req, reply) => {
      const auth = await authorize(deps, req, e);
      if (!auth.ok) return refuseUnread(req, reply, auth.error);
      const wrongType = checkContentType(e, req);
      if (wrongType !== null) return refuseUnread(req, reply, wrongType);
      callers.set(req, auth.value);
    },
    handler: async (req, reply) => {
      const caller = callers.get(req);
      if (caller === undefined) return sendProblem(reply, forbidden());
      const parts = parseParts(e, req);
      if (!parts.ok) return sendProblem(reply, parts.error);
      const ctx = { ...caller, req, reply, deps, ...parts.value } as unknown as Ctx<E>;
      const out = await handler(ctx);
      if (!out.ok) return sendProblem(dropUnreadRest(req, reply), out.error);
      if (out.value.kind === 'file') return sendFile(reply, out.value);
      const schema = schemaOf(e.response);
      if (deps.checkReplies && schema !== undefined) {
        const body: unknown = out.value.kind === 'json' ? out.value.body : JSON.parse(Buffer.concat(out.value.pieces).toString('utf8'));
        const checked = schema.safeParse(body);
        if (!checked.success) {
          req.log.error({ issues: checked.error.issues.slice(0, 3), key }, 'reply does not match the contract');
          return reply.code(500).send(errorBody(ruleError('reply.schema', `Câu trả lời của ${key} không đúng mẫu.`,
            `The reply of ${key} does not match the contract: ${JSON.stringify(checked.error.issues.slice(0, 2))}`)));
        }
      }
      if (out.value.kind === 'json-pieces') {
        const length = out.value.pieces.reduce((n, p) => n + p.length, 0);
        return reply.code(out.value.status).type('application/json; charset=utf-8').header('content-length', length).send(Readable.from(out.value.pieces));
      }
      return reply.code(out.value.status).send(out.value.body);
    },
  });
};
