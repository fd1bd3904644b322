/** Sign-in by password or by the delegate card, sign-out, and who am I. Failed sign-ins are slowed. */
import { API } from '../../api/contract.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { err, ok, ruleError } from '../../rules/index.ts';
import { cardSignsIn } from '../../rules/presence.ts';
import { audit } from '../audit.ts';
import { dummyHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { SESSION_COOKIE } from '../auth/principal.ts';
import { principalView } from '../auth/principal-view.ts';
import { attemptSucceeded, cardAttemptSucceeded, forgetStale, reserveAttempt, reserveCardAttempt, THROTTLE } from '../auth/throttle.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { ServerDeps } from '../deps.ts';
import { forbidden, problem, type Problem } from '../problems.ts';
import { json, serve } from '../route.ts';
import { nowIso, transact } from '../tx.ts';

/** A sign-in refused while its key is held, saying how long to wait (and, for cards, what else to do). */
export const tooMany = (until: string, now: Date, hint: { vi: string; en: string } = { vi: '', en: '' }): Problem => {
  const seconds = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
  const wait = seconds < 120 ? { vi: `${seconds} giây`, en: `${seconds} s` } : { vi: `${Math.ceil(seconds / 60)} phút`, en: `${Math.ceil(seconds / 60)} min` };
  return problem(429, ruleError('auth.throttled', `Đăng nhập sai nhiều lần từ máy này. Hãy thử lại sau ${wait.vi}${hint.vi}.`,
    `Too many failed sign-ins from this machine. Try again in ${wait.en}${hint.en}.`));
};
const invalid = () => problem(401, ruleError('auth.invalid', 'Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.'));

/** A failed attempt that held the account at this address: audited once, when the hold begins. */
const auditHold = async (deps: ServerDeps, username: string, userId: number | null, address: string, failures: number): Promise<void> => {
  if (failures !== THROTTLE.accountFree) return;
  await transact(deps, async (trx) => {
    await audit(trx, { congressId: null, actor: 'anonymous', role: null, action: 'auth.held',
      subject: userId === null ? null : `user:${userId}`, payload: { username, address, failures } });
    return ok(true);
  });
  await forgetStale(deps.db, deps.now());
};

/**
 * Secure whenever the browser will keep it: over HTTPS, and on localhost (a secure context); forced on with
 * DAIHOI_SECURE_COOKIES=1 behind a TLS proxy. A hall LAN over plain HTTP gets a non-Secure cookie (still
 * HTTP-only, SameSite=Strict): serve the hall over HTTPS to have it Secure.
 */
const cookieSecure = (deps: ServerDeps, reply: FastifyReply): boolean => {
  const host = reply.request.hostname.replace(/:\d+$/u, '');
  return deps.secureCookies || reply.request.protocol === 'https' || host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
};

export const startSession = async (
  deps: ServerDeps, reply: FastifyReply, who: { userId: number | null; delegateId: number | null; congressId: number | null },
): Promise<void> => {
  const token = newToken();
  const now = deps.now();
  await deps.db.deleteFrom('auth_sessions').where('expires_at', '<', now.toISOString()).execute();
  const expires = new Date(now.getTime() + deps.sessionHours * 3_600_000);
  await deps.db.insertInto('auth_sessions').values({
    id: hashToken(token), user_id: who.userId, delegate_id: who.delegateId, congress_id: who.congressId,
    created_at: now.toISOString(), expires_at: expires.toISOString(),
  }).execute();
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/', httpOnly: true, sameSite: 'strict', secure: cookieSecure(deps, reply), expires,
  });
};

export const authRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.signIn, async (ctx) => {
    const username = ctx.body.username.toLowerCase();
    const address = ctx.req.ip;
    // Counted before the password is looked at: parallel attempts cannot all reach the check.
    const slot = await reserveAttempt(deps.db, username, address, deps.now());
    if (!slot.ok) return err(tooMany(slot.until, deps.now()));
    const user = await deps.db.selectFrom('users').selectAll().where('username', '=', username)
      .where('disabled_at', 'is', null).executeTakeFirst();
    const good = await verifyPassword(user?.password_hash ?? (await dummyHash()), ctx.body.password);
    if (user === undefined || !good) {
      await auditHold(deps, username, user?.id ?? null, address, slot.failures);
      return err(invalid());
    }
    await attemptSucceeded(deps.db, username, address);
    await startSession(deps, ctx.reply, { userId: user.id, delegateId: null, congressId: null });
    await transact(deps, async (trx) => {
      await trx.updateTable('users').set({ last_sign_in_at: nowIso(deps) }).where('id', '=', user.id).execute();
      await audit(trx, { congressId: null, actor: `user:${user.id}`, role: null, action: 'auth.login', subject: `user:${user.id}`, payload: {} });
      return ok(true);
    });
    return ok(json({
      id: user.id, username: user.username, displayName: user.display_name, isServerAdmin: user.is_server_admin === 1,
      mustChangePassword: user.must_change_password === 1,
    }));
  });

  serve(app, deps, API.signInWithCard, async (ctx) => {
    const slot = await reserveCardAttempt(deps.db, ctx.req.ip, deps.now());
    if (!slot.ok) return err(tooMany(slot.until, deps.now()));
    const row = await deps.db.selectFrom('delegates').innerJoin('congresses', 'congresses.id', 'delegates.congress_id')
      .select(['delegates.id', 'delegates.full_name', 'delegates.card_token', 'delegates.card_revoked_at', 'delegates.congress_id', 'delegates.status'])
      .where('congresses.code', '=', ctx.body.congress).where('delegates.card_token', '=', ctx.body.token).executeTakeFirst();
    if (row === undefined || row.card_revoked_at !== null || !cardSignsIn(row.status)) {
      return err(problem(401, ruleError('auth.card-invalid', 'Thẻ đại biểu không hợp lệ hoặc đã bị thu hồi.', 'The delegate card is not valid or was revoked.')));
    }
    await cardAttemptSucceeded(deps.db, ctx.req.ip);
    await startSession(deps, ctx.reply, { userId: null, delegateId: row.id, congressId: row.congress_id });
    return ok(json({ kind: 'delegate', id: row.id, congress: ctx.body.congress, fullName: row.full_name }));
  });

  serve(app, deps, API.signOut, async (ctx) => {
    const token = ctx.req.cookies[SESSION_COOKIE];
    if (token !== undefined) await deps.db.deleteFrom('auth_sessions').where('id', '=', hashToken(token)).execute();
    ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return ok(json({ ok: true }));
  });

  /**
   * A user changes their own password (a printed or generated one first of all): the current one, counted like a
   * sign-in from this address, and a new one of at least PASSWORD_MIN characters unlike it. Other sessions end.
   */
  serve(app, deps, API.changePassword, async (ctx) => {
    const p = ctx.principal!;
    if (p.kind !== 'user') return err(forbidden());
    const address = ctx.req.ip;
    const slot = await reserveAttempt(deps.db, p.username, address, deps.now());
    if (!slot.ok) return err(tooMany(slot.until, deps.now()));
    const user = await deps.db.selectFrom('users').select('password_hash').where('id', '=', p.userId).executeTakeFirstOrThrow();
    if (!(await verifyPassword(user.password_hash, ctx.body.currentPassword))) {
      await auditHold(deps, p.username, p.userId, address, slot.failures);
      return err(problem(403, ruleError('auth.wrong-password', 'Mật khẩu hiện tại không đúng.', 'The current password is wrong.', 'body.currentPassword')));
    }
    await attemptSucceeded(deps.db, p.username, address);
    const hash = await hashPassword(ctx.body.newPassword);
    return transact(deps, async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash, must_change_password: 0 }).where('id', '=', p.userId).execute();
      await trx.deleteFrom('auth_sessions').where('user_id', '=', p.userId).where('id', '!=', p.sessionId).execute();
      await audit(trx, { congressId: null, actor: ctx.actor, role: null, action: 'auth.password', subject: `user:${p.userId}`,
        payload: { wasRequired: p.mustChangePassword } });
      return ok(json({ ok: true }));
    });
  });

  serve(app, deps, API.me, async (ctx) => ok(json(await principalView(deps.db, ctx.principal!))));
};
