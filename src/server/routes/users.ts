/** Server users (server administrators only) and their roles per congress (the congress's administrators). */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { err, ok, ruleError } from '../../rules/index.ts';
import { audit } from '../audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { ServerDeps } from '../deps.ts';
import { conflict, notFound, unprocessable } from '../problems.ts';
import { json, serve } from '../route.ts';
import { isUniqueViolation, nowIso, transact } from '../tx.ts';

export const userRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.listUsers, async () => {
    const users = await deps.db.selectFrom('users').select(['id', 'username', 'display_name', 'is_server_admin']).orderBy('id').execute();
    return ok(json(users.map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, isServerAdmin: u.is_server_admin === 1 }))));
  });

  serve(app, deps, API.createUser, async (ctx) => {
    const passwordHash = await hashPassword(ctx.body.password);
    try {
      return await transact(deps, async (trx) => {
        const user = await trx.insertInto('users').values({
          username: ctx.body.username, display_name: ctx.body.displayName, password_hash: passwordHash,
          is_server_admin: ctx.body.isServerAdmin ? 1 : 0, disabled_at: null, created_at: nowIso(deps),
        }).returning('id').executeTakeFirstOrThrow();
        await audit(trx, { congressId: null, actor: ctx.actor, role: ctx.role, action: 'user.create', subject: `user:${user.id}`,
          payload: { username: ctx.body.username, isServerAdmin: ctx.body.isServerAdmin } });
        return ok(json({ id: user.id, username: ctx.body.username, displayName: ctx.body.displayName, isServerAdmin: ctx.body.isServerAdmin }, 201));
      });
    } catch (e) {
      if (isUniqueViolation(e)) {
        return err(conflict(ruleError('user.exists', `Tên đăng nhập "${ctx.body.username}" đã có.`, `The username "${ctx.body.username}" exists.`, 'body.username')));
      }
      throw e;
    }
  });

  serve(app, deps, API.listRoles, async (ctx) => {
    const rows = await deps.db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
      .select(['user_roles.id', 'user_roles.user_id', 'users.username', 'user_roles.role', 'user_roles.election_id'])
      .where('congress_id', '=', ctx.congress.id).orderBy('user_roles.id').execute();
    return ok(json(rows.map((r) => ({ id: r.id, userId: r.user_id, username: r.username, role: r.role, electionId: r.election_id }))));
  });

  serve(app, deps, API.grantRole, async (ctx) => {
    const { userId, role, electionId } = ctx.body;
    const user = await deps.db.selectFrom('users').select(['id', 'username']).where('id', '=', userId).executeTakeFirst();
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
        return ok(json({ id: row.id, userId, username: user.username, role, electionId }, 201));
      });
    } catch (e) {
      if (isUniqueViolation(e)) return err(conflict(ruleError('role.exists', 'Người dùng đã có vai trò này.', 'The user already has this role.', 'body.role')));
      throw e;
    }
  });

  serve(app, deps, API.revokeRole, async (ctx) =>
    transact(deps, async (trx) => {
      const r = await trx.deleteFrom('user_roles').where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) return err(notFound('vai trò', 'Role', 'params.id'));
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'role.revoke', subject: `role:${ctx.params.id}`, payload: {} });
      return ok(json({ ok: true }));
    }));
};

