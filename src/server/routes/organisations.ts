import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { err, ok } from '../../rules/index.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { notFound } from '../problems.ts';
import { json, serve } from '../route.ts';
import { transact } from '../tx.ts';
import { organisationView } from '../views.ts';

export const organisationRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.listOrganisations, async (ctx) => {
    const rows = await deps.db.selectFrom('organisations').selectAll().where('congress_id', '=', ctx.congress.id)
      .orderBy('position').orderBy('id').execute();
    return ok(json(rows.map(organisationView)));
  });

  serve(app, deps, API.createOrganisation, async (ctx) =>
    transact(deps, async (trx) => {
      const last = await trx.selectFrom('organisations').select((eb) => eb.fn.max('position').as('p')).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      const row = await trx.insertInto('organisations').values({
        congress_id: ctx.congress.id, name: ctx.body.name, role: ctx.body.role, party_members: ctx.body.partyMembers,
        position: ctx.body.position ?? (last?.p ?? 0) + 1,
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'organisation.create', subject: `organisation:${row.id}`, payload: { name: row.name } });
      return ok(json(organisationView(row), 201));
    }));

  serve(app, deps, API.updateOrganisation, async (ctx) =>
    transact(deps, async (trx) => {
      const b = ctx.body;
      const set = {
        ...(b.name === undefined ? {} : { name: b.name }),
        ...(b.partyMembers === undefined ? {} : { party_members: b.partyMembers }),
        ...(b.position === undefined ? {} : { position: b.position }),
      };
      const q = trx.updateTable('organisations').where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id);
      const row = Object.keys(set).length === 0
        ? await trx.selectFrom('organisations').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst()
        : await q.set(set).returningAll().executeTakeFirst();
      if (row === undefined) return err(notFound('đơn vị', 'Organisation', 'params.id'));
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'organisation.update', subject: `organisation:${row.id}`, payload: { ...b } });
      return ok(json(organisationView(row)));
    }));
};
