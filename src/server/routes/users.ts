/** Server users (server administrators only) and their roles per congress (the congress's administrators). */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import type { AccountView } from '../../api/auth.ts';
import { err, ok, ruleError } from '../../rules/index.ts';
import type { Database, User } from '../../store/schema.ts';
import type { Kysely } from 'kysely';
import { audit } from '../audit.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { forgetAccount, heldAccounts } from '../auth/throttle.ts';
import type { ServerDeps } from '../deps.ts';
import { conflict, notFound, unprocessable } from '../problems.ts';
import { json, serve } from '../route.ts';
import { isUniqueViolation, nowIso, transact } from '../tx.ts';

const accountOf = (u: User, lockedUntil: string | null): AccountView => ({
  id: u.id, username: u.username, displayName: u.display_name, isServerAdmin: u.is_server_admin === 1, disabledAt: u.disabled_at,
  lockedUntil, lastSignInAt: u.last_sign_in_at, mustChangePassword: u.must_change_password === 1, createdAt: u.created_at,
});

/** One account as listed, read after a change. */
const loadAccount = async (db: Kysely<Database>, id: number, now: Date): Promise<AccountView | null> => {
  const u = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (u === undefined) return null;
  return accountOf(u, (await heldAccounts(db, now)).get(u.username) ?? null);
};

const notYourself = (what_vi: string, what_en: string) => conflict(ruleError('user.self',
  `Không thể ${what_vi} chính tài khoản của mình.`, `You cannot ${what_en} your own account.`, 'params.id'));

export const userRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.listUsers, async () => {
    const users = await deps.db.selectFrom('users').selectAll().orderBy('id').execute();
    const held = await heldAccounts(deps.db, deps.now());
    return ok(json(users.map((u) => accountOf(u, held.get(u.username) ?? null))));
  });

  serve(app, deps, API.createUser, async (ctx) => {
    const made = ctx.body.password === undefined ? generatePassword() : null;
    const passwordHash = await hashPassword(made ?? ctx.body.password!);
    try {
      return await transact(deps, async (trx) => {
        const user = await trx.insertInto('users').values({
          username: ctx.body.username, display_name: ctx.body.displayName, password_hash: passwordHash,
          is_server_admin: ctx.body.isServerAdmin ? 1 : 0, disabled_at: null, created_at: nowIso(deps), must_change_password: made === null ? 0 : 1,
        }).returning('id').executeTakeFirstOrThrow();
        await audit(trx, { congressId: null, actor: ctx.actor, role: ctx.role, action: 'user.create', subject: `user:${user.id}`,
          payload: { username: ctx.body.username, isServerAdmin: ctx.body.isServerAdmin, passwordMade: made !== null } });
        return ok(json({
          id: user.id, username: ctx.body.username, displayName: ctx.body.displayName, isServerAdmin: ctx.body.isServerAdmin,
          mustChangePassword: made !== null, password: made,
        }, 201));
      });
    } catch (e) {
      if (isUniqueViolation(e)) {
        return err(conflict(ruleError('user.exists', `Tên đăng nhập "${ctx.body.username}" đã có.`, `The username "${ctx.body.username}" exists.`, 'body.username')));
      }
      throw e;
    }
  });

  /** Disabling ends the account's sessions in the same transaction: it can do nothing more from that instant. */
  serve(app, deps, API.setUserDisabled, async (ctx) => {
    const id = ctx.params.id;
    const p = ctx.principal!;
    if (p.kind === 'user' && p.userId === id && ctx.body.disabled) return err(notYourself('khoá', 'disable'));
    const r = await transact(deps, async (trx) => {
      const u = await trx.selectFrom('users').select(['id', 'username', 'disabled_at']).where('id', '=', id).executeTakeFirst();
      if (u === undefined) return err(notFound('tài khoản', 'Account', 'params.id'));
      if ((u.disabled_at !== null) === ctx.body.disabled) {
        return err(conflict(ctx.body.disabled
          ? ruleError('user.already-disabled', `Tài khoản "${u.username}" đã bị vô hiệu hoá.`, `The account "${u.username}" is disabled already.`, 'body.disabled')
          : ruleError('user.not-disabled', `Tài khoản "${u.username}" đang hoạt động.`, `The account "${u.username}" is enabled already.`, 'body.disabled')));
      }
      await trx.updateTable('users').set({ disabled_at: ctx.body.disabled ? nowIso(deps) : null }).where('id', '=', id).execute();
      if (ctx.body.disabled) await trx.deleteFrom('auth_sessions').where('user_id', '=', id).execute();
      await audit(trx, { congressId: null, actor: ctx.actor, role: ctx.role, action: ctx.body.disabled ? 'user.disable' : 'user.enable',
        subject: `user:${id}`, payload: { username: u.username } });
      return ok(true);
    });
    if (!r.ok) return r;
    return ok(json((await loadAccount(deps.db, id, deps.now()))!));
  });

  /** A new password made by the server, shown once; the account must change it, its sessions end, its holds are lifted. */
  serve(app, deps, API.resetPassword, async (ctx) => {
    const id = ctx.params.id;
    const p = ctx.principal!;
    if (p.kind === 'user' && p.userId === id) {
      return err(conflict(ruleError('user.self', 'Đổi mật khẩu của chính mình ở mục "Đổi mật khẩu" (cần mật khẩu hiện tại).',
        'Change your own password under "Change password" (with your current one).', 'params.id')));
    }
    const password = generatePassword();
    const hash = await hashPassword(password);
    return transact(deps, async (trx) => {
      const u = await trx.selectFrom('users').select(['id', 'username']).where('id', '=', id).executeTakeFirst();
      if (u === undefined) return err(notFound('tài khoản', 'Account', 'params.id'));
      await trx.updateTable('users').set({ password_hash: hash, must_change_password: 1 }).where('id', '=', id).execute();
      await trx.deleteFrom('auth_sessions').where('user_id', '=', id).execute();
      await forgetAccount(trx, u.username);
      await audit(trx, { congressId: null, actor: ctx.actor, role: ctx.role, action: 'user.password-reset', subject: `user:${id}`,
        payload: { username: u.username } });
      return ok(json({ username: u.username, password }));
    });
  });

  serve(app, deps, API.unlockUser, async (ctx) => {
    const id = ctx.params.id;
    const r = await transact(deps, async (trx) => {
      const u = await trx.selectFrom('users').select(['id', 'username']).where('id', '=', id).executeTakeFirst();
      if (u === undefined) return err(notFound('tài khoản', 'Account', 'params.id'));
      const forgotten = await forgetAccount(trx, u.username);
      if (forgotten === 0) {
        return err(conflict(ruleError('user.not-held', `Tài khoản "${u.username}" không có lần đăng nhập sai nào cần xoá.`,
          `The account "${u.username}" has no failed sign-ins to forget.`, 'params.id')));
      }
      await audit(trx, { congressId: null, actor: ctx.actor, role: ctx.role, action: 'user.unlock', subject: `user:${id}`,
        payload: { username: u.username, addresses: forgotten } });
      return ok(true);
    });
    if (!r.ok) return r;
    return ok(json((await loadAccount(deps.db, id, deps.now()))!));
  });

  serve(app, deps, API.listAssignableUsers, async () => {
    const users = await deps.db.selectFrom('users').select(['id', 'username', 'display_name'])
      .where('disabled_at', 'is', null).orderBy('username').execute();
    return ok(json(users.map((u) => ({ id: u.id, username: u.username, displayName: u.display_name }))));
  });

  serve(app, deps, API.listRoles, async (ctx) => {
    const rows = await deps.db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
      .select(['user_roles.id', 'user_roles.user_id', 'users.username', 'users.display_name', 'user_roles.role', 'user_roles.election_id'])
      .where('congress_id', '=', ctx.congress.id).orderBy('user_roles.id').execute();
    return ok(json(rows.map((r) => ({
      id: r.id, userId: r.user_id, username: r.username, displayName: r.display_name, role: r.role, electionId: r.election_id,
    }))));
  });

  serve(app, deps, API.grantRole, async (ctx) => {
    const { userId, role, electionId } = ctx.body;
    const user = await deps.db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', '=', userId).executeTakeFirst();
    if (user === undefined) return err(notFound('người dùng', 'User', 'body.userId'));
    if ((role === 'counting-board') !== (electionId !== null)) {
      return err(unprocessable(ruleError('role.election-scope',
        'Thành viên Ban Kiểm phiếu phải gắn với một cuộc bầu cử; các vai trò khác thì không.',
        'A counting-board member is scoped to one election; other roles are not.', 'body.electionId')));
    }
    if (electionId !== null) {
      const e = await deps.db.selectFrom('elections').select('id').where('id', '=', electionId).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (e === undefined) return err(notFound('cuộc bầu cử', 'Election', 'body.electionId'));
    }
    try {
      return await transact(deps, async (trx) => {
        const row = await trx.insertInto('user_roles').values({ user_id: userId, congress_id: ctx.congress.id, role, election_id: electionId })
          .returning('id').executeTakeFirstOrThrow();
        await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'role.grant', subject: `user:${userId}`, payload: { role, electionId } });
        return ok(json({ id: row.id, userId, username: user.username, displayName: user.display_name, role, electionId }, 201));
      });
    } catch (e) {
      if (isUniqueViolation(e)) return err(conflict(ruleError('role.exists', 'Người dùng đã có vai trò này.', 'The user already has this role.', 'body.role')));
      throw e;
    }
  });

  serve(app, deps, API.revokeRole, async (ctx) =>
    transact(deps, async (trx) => {
      const grant = await trx.selectFrom('user_roles').select(['user_id', 'role', 'election_id'])
        .where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (grant === undefined) return err(notFound('vai trò', 'Role', 'params.id'));
      await trx.deleteFrom('user_roles').where('id', '=', ctx.params.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'role.revoke', subject: `user:${grant.user_id}`,
        payload: { grant: ctx.params.id, role: grant.role, electionId: grant.election_id } });
      return ok(json({ ok: true }));
    }));
};

