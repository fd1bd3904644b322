/** Sessions, agenda items, the current item, check-in to the congress (one open per delegate and session) and attendance. */
import type { Selectable } from 'kysely';
import { API } from '../../api/contract.ts';
import type { AgendaItemsTable } from '../../store/schema.ts';
import type { FastifyInstance } from 'fastify';
import { formatTime } from '../../locale/vi.ts';
import { err, ok, ruleError } from '../../rules/index.ts';
import { planAgendaOrder } from '../agenda-order.ts';
import { loadAttendance } from '../attendance.ts';
import { admissionOf } from './attendance.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { conflict, notFound, unprocessable } from '../problems.ts';
import { json, serve } from '../route.ts';
import { nowIso, transact } from '../tx.ts';

type AgendaRow = Selectable<AgendaItemsTable>;
const itemView = (i: AgendaRow) => ({ id: i.id, sessionId: i.session_id, position: i.position, title: i.title, kind: i.kind, status: i.status });
/** The live kind every agenda view listens to for a refetch (the current item itself is unchanged). */
const agendaEvents = (c: { readonly id: number; readonly current_agenda_item_id: number | null }) =>
  [{ congressId: c.id, kind: 'current-item' as const, id: c.current_agenda_item_id }];

export const sessionRoutes = (app: FastifyInstance, deps: ServerDeps): void => {

  serve(app, deps, API.listSessions, async (ctx) => {
    const sessions = await deps.db.selectFrom('congress_sessions').selectAll().where('congress_id', '=', ctx.congress.id).orderBy('position').execute();
    const items = await deps.db.selectFrom('agenda_items').selectAll().where('congress_id', '=', ctx.congress.id).orderBy('position').execute();
    return ok(json(sessions.map((s) => ({
      id: s.id, kind: s.kind, title: s.title, position: s.position, startsAt: s.starts_at, freshCheckin: s.fresh_checkin === 1,
      items: items.filter((i) => i.session_id === s.id).map((i) => ({ id: i.id, sessionId: i.session_id, position: i.position, title: i.title, kind: i.kind, status: i.status })),
    }))));
  });

  serve(app, deps, API.createSession, async (ctx) =>
    transact(deps, async (trx) => {
      const last = await trx.selectFrom('congress_sessions').select((eb) => eb.fn.max('position').as('p')).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      const row = await trx.insertInto('congress_sessions').values({
        congress_id: ctx.congress.id, kind: ctx.body.kind, title: ctx.body.title, position: (last?.p ?? 0) + 1, starts_at: ctx.body.startsAt,
        fresh_checkin: ctx.body.freshCheckin ? 1 : 0,
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'session.create', subject: `session:${row.id}`, payload: { ...ctx.body } });
      return ok(json({ id: row.id, kind: row.kind, title: row.title, position: row.position, startsAt: row.starts_at, items: [], freshCheckin: row.fresh_checkin === 1 }, 201));
    }));

  serve(app, deps, API.updateSession, async (ctx) =>
    transact(deps, async (trx) => {
      const before = await trx.selectFrom('congress_sessions').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (before === undefined) return err(notFound('phiên họp', 'Session', 'params.id'));
      const b = ctx.body;
      const row = await trx.updateTable('congress_sessions').set({
        ...(b.kind === undefined ? {} : { kind: b.kind }),
        ...(b.title === undefined ? {} : { title: b.title }),
        ...(b.startsAt === undefined ? {} : { starts_at: b.startsAt }),
      }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'session.update', subject: `session:${row.id}`,
        payload: { before: { kind: before.kind, title: before.title, startsAt: before.starts_at }, change: { ...b } } });
      const items = await trx.selectFrom('agenda_items').selectAll().where('session_id', '=', row.id).orderBy('position').execute();
      return ok(json({ id: row.id, kind: row.kind, title: row.title, position: row.position, startsAt: row.starts_at, items: items.map(itemView), freshCheckin: row.fresh_checkin === 1 }));
    }, agendaEvents(ctx.congress)));

  serve(app, deps, API.deleteSession, async (ctx) =>
    transact(deps, async (trx) => {
      const s = await trx.selectFrom('congress_sessions').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (s === undefined) return err(notFound('phiên họp', 'Session', 'params.id'));
      const item = await trx.selectFrom('agenda_items').select('id').where('session_id', '=', s.id).executeTakeFirst();
      const checkin = await trx.selectFrom('checkins').select('id').where('session_id', '=', s.id).executeTakeFirst();
      if (item !== undefined || checkin !== undefined) {
        return err(conflict(ruleError('session.not-empty', 'Chỉ xóa được phiên họp chưa có mục chương trình và chưa có ai điểm danh.',
          'Only a session with no agenda item and no check-in can be deleted.', 'params.id')));
      }
      await trx.deleteFrom('congress_sessions').where('id', '=', s.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'session.delete', subject: `session:${s.id}`,
        payload: { kind: s.kind, title: s.title, startsAt: s.starts_at } });
      return ok(json({ ok: true as const }));
    }, agendaEvents(ctx.congress)));

  serve(app, deps, API.updateAgendaItem, async (ctx) =>
    transact(deps, async (trx) => {
      const before = await trx.selectFrom('agenda_items').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (before === undefined) return err(notFound('mục chương trình', 'Agenda item', 'params.id'));
      const b = ctx.body;
      const row = await trx.updateTable('agenda_items').set({
        ...(b.title === undefined ? {} : { title: b.title }),
        ...(b.kind === undefined ? {} : { kind: b.kind }),
      }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'agenda.update', subject: `agenda:${row.id}`,
        payload: { before: { title: before.title, kind: before.kind }, change: { ...b } } });
      return ok(json(itemView(row)));
    }, agendaEvents(ctx.congress)));

  serve(app, deps, API.deleteAgendaItem, async (ctx) =>
    transact(deps, async (trx) => {
      const item = await trx.selectFrom('agenda_items').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (item === undefined) return err(notFound('mục chương trình', 'Agenda item', 'params.id'));
      const vote = await trx.selectFrom('votes').select('id').where('agenda_item_id', '=', item.id).executeTakeFirst();
      const current = await trx.selectFrom('congresses').select('id').where('current_agenda_item_id', '=', item.id).executeTakeFirst();
      if (item.status !== 'pending' || vote !== undefined || current !== undefined) {
        return err(conflict(ruleError('agenda.not-empty', 'Chỉ xóa được mục chương trình chưa diễn ra và chưa có biểu quyết nào.',
          'Only an agenda item not yet taken up and with no vote can be deleted.', 'params.id')));
      }
      await trx.deleteFrom('agenda_items').where('id', '=', item.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'agenda.delete', subject: `agenda:${item.id}`,
        payload: { session: item.session_id, title: item.title, kind: item.kind, position: item.position } });
      return ok(json({ ok: true as const }));
    }, agendaEvents(ctx.congress)));

  serve(app, deps, API.createAgendaItem, async (ctx) =>
    transact(deps, async (trx) => {
      const s = await trx.selectFrom('congress_sessions').select('id').where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (s === undefined) return err(notFound('phiên họp', 'Session', 'params.id'));
      const last = await trx.selectFrom('agenda_items').select((eb) => eb.fn.max('position').as('p')).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      const row = await trx.insertInto('agenda_items').values({
        congress_id: ctx.congress.id, session_id: s.id, position: (last?.p ?? 0) + 1, title: ctx.body.title, kind: ctx.body.kind, status: 'pending',
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'agenda.create', subject: `agenda:${row.id}`, payload: { ...ctx.body } });
      return ok(json({ id: row.id, sessionId: row.session_id, position: row.position, title: row.title, kind: row.kind, status: row.status }, 201));
    }));

  // A new order of the session's items: exactly its items, each once (else 422 and nothing changes). On PostgreSQL
  // the session row is locked first, so two reorders of one session run one after the other.
  serve(app, deps, API.reorderAgenda, async (ctx) =>
    transact(deps, async (trx) => {
      const s = await trx.selectFrom('congress_sessions').select('id').where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id)
        .$if(deps.dialect === 'postgres', (q) => q.forUpdate()).executeTakeFirst();
      if (s === undefined) return err(notFound('phiên họp', 'Session', 'params.id'));
      const items = await trx.selectFrom('agenda_items').select(['id', 'title', 'position']).where('session_id', '=', s.id)
        .where('congress_id', '=', ctx.congress.id).orderBy('position').orderBy('id').execute();
      const plan = planAgendaOrder(items, ctx.body.items);
      if (!plan.ok) return err(unprocessable(plan.error));
      for (const c of plan.value) await trx.updateTable('agenda_items').set({ position: c.to }).where('id', '=', c.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'agenda.reorder', subject: `session:${s.id}`,
        payload: { previous: items.map((i) => i.id), items: ctx.body.items, moved: plan.value.map((c) => ({ id: c.id, from: c.from, to: c.to })) } });
      const rows = await trx.selectFrom('agenda_items').selectAll().where('session_id', '=', s.id).orderBy('position').orderBy('id').execute();
      return ok(json(rows.map((i) => ({ id: i.id, sessionId: i.session_id, position: i.position, title: i.title, kind: i.kind, status: i.status }))));
    // The live kind every agenda view listens to for a refetch (the current item itself is unchanged).
    }, [{ congressId: ctx.congress.id, kind: 'current-item', id: ctx.congress.current_agenda_item_id }]));

  serve(app, deps, API.setCurrentItem, async (ctx) =>
    transact(deps, async (trx) => {
      const id = ctx.body.agendaItemId;
      if (id !== null) {
        const item = await trx.selectFrom('agenda_items').select('id').where('id', '=', id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
        if (item === undefined) return err(notFound('mục chương trình', 'Agenda item', 'body.agendaItemId'));
      }
      const previous = ctx.congress.current_agenda_item_id;
      if (previous !== null && previous !== id) await trx.updateTable('agenda_items').set({ status: 'done' }).where('id', '=', previous).execute();
      if (id !== null) await trx.updateTable('agenda_items').set({ status: 'current' }).where('id', '=', id).execute();
      await trx.updateTable('congresses').set({ current_agenda_item_id: id }).where('id', '=', ctx.congress.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'agenda.current', subject: id === null ? null : `agenda:${id}`, payload: { previous } });
      return ok(json({ currentAgendaItemId: id }));
    }, [{ congressId: ctx.congress.id, kind: 'current-item', id: ctx.body.agendaItemId }]));

  serve(app, deps, API.checkIn, async (ctx) => {
    const b = ctx.body;
    const session = await deps.db.selectFrom('congress_sessions').select('id').where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
    if (session === undefined) return err(notFound('phiên họp', 'Session', 'params.id'));
    let q = deps.db.selectFrom('delegates').select(['id', 'full_name', 'standing', 'status', 'status_reason', 'replaced_by_id', 'card_revoked_at', 'code'])
      .where('congress_id', '=', ctx.congress.id);
    q = 'cardToken' in b ? q.where('card_token', '=', b.cardToken) : q.where('id', '=', b.delegateId);
    const d = await q.executeTakeFirst();
    if (d === undefined) return err(notFound('đại biểu (thẻ không đúng)', 'Delegate (unknown card)', 'cardToken' in b ? 'body.cardToken' : 'body.delegateId'));
    if ('cardToken' in b && d.card_revoked_at !== null) {
      return err(unprocessable(ruleError('checkin.card-revoked', `Thẻ của đại biểu ${d.full_name} đã bị thu hồi.`, `The card of ${d.full_name} was revoked.`, 'body.cardToken')));
    }
    // The same admission as the desk's (not summoned, replaced, absent for the whole congress…: refused with the reason).
    const attended = await deps.db.selectFrom('checkins').select('id').where('delegate_id', '=', d.id).where('voided_at', 'is', null).executeTakeFirst();
    const { admission } = await admissionOf(deps.db, ctx.congress.id, d, attended !== undefined);
    if (admission.kind === 'refuse') return err(unprocessable(ruleError(admission.code, admission.message_vi, admission.message_en)));
    const already = (c: { at: string; desk: string | null }) => {
      const at = formatTime(new Date(c.at));
      const desk = c.desk === null ? '' : ` tại ${c.desk}`;
      const deskEn = c.desk === null ? '' : ` at ${c.desk}`;
      return err(conflict(ruleError('checkin.already', `Đại biểu ${d.full_name} đã điểm danh lúc ${at}${desk}.`,
        `${d.full_name} already checked in at ${at}${deskEn}.`)));
    };
    return transact(deps, async (trx) => {
      // On PostgreSQL the delegate's row is locked: two desks checking the same person in record one check-in.
      await trx.selectFrom('delegates').select('id').where('id', '=', d.id).$if(deps.dialect === 'postgres', (x) => x.forUpdate()).execute();
      const open = await trx.selectFrom('checkins').select(['at', 'desk']).where('session_id', '=', session.id).where('delegate_id', '=', d.id)
        .where('voided_at', 'is', null).where('left_at', 'is', null).executeTakeFirst();
      if (open !== undefined) return already(open);
      const row = await trx.insertInto('checkins').values({
        congress_id: ctx.congress.id, session_id: session.id, delegate_id: d.id, at: nowIso(deps), method: 'cardToken' in b ? 'qr' : 'search',
        desk: b.desk, user_id: ctx.principal?.kind === 'user' ? ctx.principal.userId : null,
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'checkin', subject: `delegate:${d.id}`, payload: { session: session.id, method: row.method, desk: row.desk } });
      return ok(json({ id: row.id, sessionId: row.session_id, delegateId: d.id, fullName: d.full_name, at: row.at, method: row.method, desk: row.desk }, 201));
    }, [{ congressId: ctx.congress.id, kind: 'attendance', id: session.id }]);
  });

  serve(app, deps, API.listCheckins, async (ctx) => {
    const rows = await deps.db.selectFrom('checkins').innerJoin('delegates', 'delegates.id', 'checkins.delegate_id')
      .select(['checkins.id', 'checkins.session_id', 'checkins.delegate_id', 'delegates.full_name', 'checkins.at', 'checkins.method', 'checkins.desk'])
      .where('checkins.session_id', '=', ctx.params.id).where('checkins.congress_id', '=', ctx.congress.id)
      .where('checkins.voided_at', 'is', null).orderBy('checkins.at').execute();
    return ok(json(rows.map((r) => ({ id: r.id, sessionId: r.session_id, delegateId: r.delegate_id, fullName: r.full_name, at: r.at, method: r.method, desk: r.desk }))));
  });

  serve(app, deps, API.attendance, async (ctx) =>
    ok(json(await loadAttendance(deps.db, ctx.congress, ctx.query.sessionId))));
};
