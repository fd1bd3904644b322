/** The organisations of a congress: list, add, edit, deactivate (never deleted: delegates and the record name them). */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { err, ok, ruleError } from '../../rules/index.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { conflict, notFound, unprocessable } from '../problems.ts';
import { json, serve } from '../route.ts';
import { nowIso, transact } from '../tx.ts';
import { organisationView } from '../views.ts';

export const organisationRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const events = (congressId: number) => [{ congressId, kind: 'congress' as const, id: null }];

  serve(app, deps, API.listOrganisations, async (ctx) => {
    const rows = await deps.db.selectFrom('organisations').selectAll().where('congress_id', '=', ctx.congress.id)
      .orderBy('position').orderBy('id').execute();
    return ok(json(rows.map(organisationView)));
  });

  serve(app, deps, API.createOrganisation, async (ctx) =>
    transact(deps, async (trx) => {
      if (ctx.body.role === 'host') {
        const host = await trx.selectFrom('organisations').select('id').where('congress_id', '=', ctx.congress.id).where('role', '=', 'host').executeTakeFirst();
        if (host !== undefined) {
          return err(conflict(ruleError('organisation.host-exists', 'Đại hội đã có tổ chức đảng triệu tập.', 'The congress already has its host organisation.', 'body.role')));
        }
      }
      const last = await trx.selectFrom('organisations').select((eb) => eb.fn.max('position').as('p')).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      const row = await trx.insertInto('organisations').values({
        congress_id: ctx.congress.id, name: ctx.body.name, role: ctx.body.role, party_members: ctx.body.partyMembers,
        position: ctx.body.position ?? (last?.p ?? 0) + 1, deactivated_at: null,
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'organisation.create', subject: `organisation:${row.id}`,
        payload: { name: row.name, role: row.role, partyMembers: row.party_members } });
      return ok(json(organisationView(row), 201));
    }, events(ctx.congress.id)));

  serve(app, deps, API.updateOrganisation, async (ctx) =>
    transact(deps, async (trx) => {
      const b = ctx.body;
      const before = await trx.selectFrom('organisations').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (before === undefined) return err(notFound('đơn vị', 'Organisation', 'params.id'));
      if (b.active === false && before.role === 'host') {
        return err(unprocessable(ruleError('organisation.host-active', 'Không thể ngừng hoạt động tổ chức đảng triệu tập đại hội.',
          'The congress\'s host organisation cannot be deactivated.', 'body.active')));
      }
      const set = {
        ...(b.name === undefined ? {} : { name: b.name }),
        ...(b.partyMembers === undefined ? {} : { party_members: b.partyMembers }),
        ...(b.position === undefined ? {} : { position: b.position }),
        ...(b.active === undefined || b.active === (before.deactivated_at === null) ? {}
          : { deactivated_at: b.active ? null : nowIso(deps) }),
      };
      const row = Object.keys(set).length === 0 ? before
        : await trx.updateTable('organisations').set(set).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
      const action = b.active === false ? 'organisation.deactivate' : b.active === true ? 'organisation.reactivate' : 'organisation.update';
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action, subject: `organisation:${row.id}`,
        payload: { before: organisationView(before), change: { ...b } } });
      return ok(json(organisationView(row)));
    }, events(ctx.congress.id)));
};
