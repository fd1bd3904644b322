/**
 * Attendance of the congress (src/rules/presence.ts): the desk checks a delegate in to the congress — the session in
 * progress is recorded, a delegate present already is told so, nothing is recorded twice; a delegate leaves; the chair
 * or the secretariat voids a check-in with a reason (it stays, struck through); a session may require a fresh
 * check-in; a delegate signs in with the card's token alone or its printed code (failed attempts limited).
 */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import type { DeskCheckinResult, RecordedCheckin } from '../../api/attendance.ts';
import { normalizeCardCode } from '../../api/card-code.ts';
import { err, ok, ruleError } from '../../rules/index.ts';
import { cardSignsIn, checkinDecision, deskAdmission, type DeskAdmission, type DeskDelegate } from '../../rules/presence.ts';
import { currentSessionId } from '../../store/attendance.ts';
import type { CheckinsTable, Congress, Database } from '../../store/schema.ts';
import { audit } from '../audit.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServerDeps } from '../deps.ts';
import { conflict, notFound, problem, unprocessable, type Problem } from '../problems.ts';
import { json, serve } from '../route.ts';
import { nowIso, transact } from '../tx.ts';
import { cardAttemptSucceeded, reserveCardAttempt } from '../auth/throttle.ts';
import { startSession, tooMany } from './auth.ts';

type CheckinRow = Selectable<CheckinsTable>;

const recorded = (r: CheckinRow, fullName: string): RecordedCheckin => ({
  id: r.id, sessionId: r.session_id, delegateId: r.delegate_id, fullName, at: r.at, method: r.method, desk: r.desk,
  leftAt: r.left_at, leftReason: r.left_reason, voidedAt: r.voided_at, voidReason: r.void_reason,
});

/** The session check-ins go to: the one in progress; before anything started, the first of the agenda. */
const checkinSession = async (db: Kysely<Database>, congress: Congress) => {
  const current = await currentSessionId(db, congress.id);
  let q = db.selectFrom('congress_sessions').select(['id', 'title', 'position', 'fresh_checkin']).where('congress_id', '=', congress.id);
  q = current === null ? q.orderBy('position').limit(1) : q.where('id', '=', current);
  const s = await q.executeTakeFirst();
  return s === undefined ? null : { id: s.id, title: s.title, position: s.position, freshCheckin: s.fresh_checkin === 1 };
};

/** Whether the desk admits the delegate (src/rules/presence.ts deskAdmission), with the names of whom they replace or who replaces them. */
export const admissionOf = async (
  db: Kysely<Database>, congressId: number,
  d: { readonly id: number; readonly full_name: string; readonly standing: DeskDelegate['standing']; readonly status: DeskDelegate['status'];
    readonly status_reason: string | null; readonly replaced_by_id: number | null },
  attended: boolean,
): Promise<{ readonly admission: DeskAdmission; readonly replaces: string | null }> => {
  const [replacedBy, replaces] = await Promise.all([
    d.replaced_by_id === null ? Promise.resolve(undefined) : db.selectFrom('delegates').select('full_name').where('id', '=', d.replaced_by_id).executeTakeFirst(),
    db.selectFrom('delegates').select('full_name').where('replaced_by_id', '=', d.id).where('status', '=', 'replaced')
      .where('congress_id', '=', congressId).executeTakeFirst(),
  ]);
  const admission = deskAdmission({
    fullName: d.full_name, standing: d.standing, status: d.status, statusReason: d.status_reason,
    replaces: replaces?.full_name ?? null, replacedBy: replacedBy?.full_name ?? null, attended,
  });
  return { admission, replaces: replaces?.full_name ?? null };
};

const noSession = (): Problem => conflict(ruleError('checkin.no-session', 'Đại hội chưa có phiên họp nào để điểm danh.', 'The congress has no session to check in to.'));

export const attendanceRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.deskCheckIn, async (ctx) => {
    const b = ctx.body;
    const session = await checkinSession(deps.db, ctx.congress);
    if (session === null) return err(noSession());
    return transact(deps, async (trx) => {
      let q = trx.selectFrom('delegates').leftJoin('organisations', 'organisations.id', 'delegates.organisation_id')
        .select(['delegates.id', 'delegates.code', 'delegates.full_name', 'delegates.seat', 'delegates.standing', 'delegates.status', 'delegates.status_reason',
          'delegates.replaced_by_id', 'delegates.card_revoked_at', 'organisations.name as organisation'])
        .where('delegates.congress_id', '=', ctx.congress.id);
      q = 'cardToken' in b ? q.where('delegates.card_token', '=', b.cardToken) : q.where('delegates.id', '=', b.delegateId);
      // On PostgreSQL the delegate's row is locked: two desks checking the same person in record one check-in.
      const d = await q.$if(deps.dialect === 'postgres', (x) => x.forUpdate('delegates')).executeTakeFirst();
      if (d === undefined) return err(notFound('đại biểu (thẻ không đúng)', 'Delegate (unknown card)', 'cardToken' in b ? 'body.cardToken' : 'body.delegateId'));
      if ('cardToken' in b && d.card_revoked_at !== null) {
        return err(unprocessable(ruleError('checkin.card-revoked', `Thẻ của đại biểu ${d.full_name} đã bị thu hồi.`, `The card of ${d.full_name} was revoked.`, 'body.cardToken')));
      }
      const mine = await trx.selectFrom('checkins').selectAll().where('delegate_id', '=', d.id).where('congress_id', '=', ctx.congress.id)
        .orderBy('at').orderBy('id').execute();
      const checkins = mine.map((c) => ({ row: c, delegateId: c.delegate_id, sessionId: c.session_id, left: c.left_at !== null, voided: c.voided_at !== null }));
      const { admission, replaces } = await admissionOf(trx, ctx.congress.id, d, checkins.some((c) => !c.voided));
      if (admission.kind === 'refuse') return err(unprocessable(ruleError(admission.code, admission.message_vi, admission.message_en)));
      const delegate = {
        id: d.id, code: d.code, fullName: d.full_name, seat: d.seat, organisationName: d.organisation, standing: d.standing,
        votes: admission.votes, replaces,
      };
      const decision = checkinDecision(d.id, checkins, session);
      if (decision.kind === 'already') {
        const already: DeskCheckinResult = { outcome: 'already', checkin: recorded(decision.existing.row, d.full_name), session, delegate };
        return ok(json(already));
      }
      const row = await trx.insertInto('checkins').values({
        congress_id: ctx.congress.id, session_id: session.id, delegate_id: d.id, at: nowIso(deps), method: 'cardToken' in b ? 'qr' : 'search',
        desk: b.desk, user_id: ctx.principal?.kind === 'user' ? ctx.principal.userId : null,
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'checkin', subject: `delegate:${d.id}`,
        payload: { session: session.id, method: row.method, desk: row.desk, votes: admission.votes } });
      const done: DeskCheckinResult = { outcome: 'checked-in', checkin: recorded(row, d.full_name), session, delegate };
      return ok(json(done, 201));
    }, [{ congressId: ctx.congress.id, kind: 'attendance', id: session.id }]);
  });

  serve(app, deps, API.congressCheckins, async (ctx) => {
    const rows = await deps.db.selectFrom('checkins').innerJoin('delegates', 'delegates.id', 'checkins.delegate_id')
      .selectAll('checkins').select('delegates.full_name')
      .where('checkins.congress_id', '=', ctx.congress.id).orderBy('checkins.at').orderBy('checkins.id').execute();
    return ok(json(rows.map((r) => recorded(r, r.full_name))));
  });

  const closeCheckin = (kind: 'leave' | 'void') => async (ctx: {
    readonly congress: Congress; readonly params: { readonly id: number }; readonly reason: string | null;
    readonly actor: string; readonly role: string | null; readonly principal: Principal | null;
  }) => transact(deps, async (trx) => {
    const c = await trx.selectFrom('checkins').innerJoin('delegates', 'delegates.id', 'checkins.delegate_id').selectAll('checkins').select('delegates.full_name')
      .where('checkins.id', '=', ctx.params.id).where('checkins.congress_id', '=', ctx.congress.id)
      .$if(deps.dialect === 'postgres', (x) => x.forUpdate('checkins')).executeTakeFirst();
    if (c === undefined) return err(notFound('lượt điểm danh', 'Check-in', 'params.id'));
    if (c.voided_at !== null) {
      return err(conflict(ruleError('checkin.voided', `Lượt điểm danh này của ${c.full_name} đã bị huỷ (lý do: ${c.void_reason ?? ''}).`,
        `This check-in of ${c.full_name} was voided (reason: ${c.void_reason ?? ''}).`)));
    }
    if (kind === 'leave' && c.left_at !== null) {
      return err(conflict(ruleError('checkin.left', `${c.full_name} đã được ghi rời đại hội.`, `${c.full_name} was already recorded as leaving.`)));
    }
    const by = ctx.principal?.kind === 'user' ? ctx.principal.userId : null;
    const now = nowIso(deps);
    const row = await trx.updateTable('checkins')
      .set(kind === 'void' ? { voided_at: now, void_reason: ctx.reason, voided_by: by } : { left_at: now, left_reason: ctx.reason, left_by: by })
      .where('id', '=', c.id).returningAll().executeTakeFirstOrThrow();
    await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: kind === 'void' ? 'checkin.void' : 'checkin.leave',
      subject: `checkin:${c.id}`, payload: { delegate: c.delegate_id, session: c.session_id, reason: ctx.reason } });
    return ok(json(recorded(row, c.full_name)));
  }, [{ congressId: ctx.congress.id, kind: 'attendance', id: null }]);

  serve(app, deps, API.leaveCheckin, async (ctx) => closeCheckin('leave')({ ...ctx, reason: ctx.body.reason }));
  serve(app, deps, API.voidCheckin, async (ctx) => closeCheckin('void')({ ...ctx, reason: ctx.body.reason }));

  serve(app, deps, API.setCheckinPolicy, async (ctx) =>
    transact(deps, async (trx) => {
      const s = await trx.selectFrom('congress_sessions').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (s === undefined) return err(notFound('phiên họp', 'Session', 'params.id'));
      await trx.updateTable('congress_sessions').set({ fresh_checkin: ctx.body.freshCheckin ? 1 : 0 }).where('id', '=', s.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'session.checkin-policy', subject: `session:${s.id}`,
        payload: { freshCheckin: ctx.body.freshCheckin, previous: s.fresh_checkin === 1 } });
      const items = await trx.selectFrom('agenda_items').selectAll().where('session_id', '=', s.id).orderBy('position').execute();
      return ok(json({
        id: s.id, kind: s.kind, title: s.title, position: s.position, startsAt: s.starts_at, freshCheckin: ctx.body.freshCheckin,
        items: items.map((i) => ({ id: i.id, sessionId: i.session_id, position: i.position, title: i.title, kind: i.kind, status: i.status })),
      }));
    }, [{ congressId: ctx.congress.id, kind: 'attendance', id: ctx.params.id }, { congressId: ctx.congress.id, kind: 'current-item', id: ctx.congress.current_agenda_item_id }]));

  serve(app, deps, API.signInAnywhere, async (ctx) => {
    const slot = await reserveCardAttempt(deps.db, ctx.req.ip, deps.now());
    if (!slot.ok) return err(tooMany(slot.until, deps.now(), { vi: ', hoặc quét mã QR trên thẻ', en: ', or scan the QR code on the card' }));
    const code = 'code' in ctx.body ? normalizeCardCode(ctx.body.code) : null;
    const row = 'code' in ctx.body && code === null ? undefined
      : await deps.db.selectFrom('delegates').innerJoin('congresses', 'congresses.id', 'delegates.congress_id')
        .select(['delegates.id', 'delegates.full_name', 'delegates.card_revoked_at', 'delegates.congress_id', 'delegates.status', 'congresses.code'])
        .$if('token' in ctx.body, (q) => q.where('delegates.card_token', '=', 'token' in ctx.body ? ctx.body.token : ''))
        .$if(code !== null, (q) => q.where('delegates.card_code', '=', code ?? ''))
        .executeTakeFirst();
    if (row === undefined || row.card_revoked_at !== null || !cardSignsIn(row.status)) {
      return err(problem(401, ruleError('auth.card-invalid', 'Mã thẻ không đúng, hoặc thẻ đã bị thu hồi. Hãy xem lại mã in trên thẻ (10 ký tự, không có chữ O, I, L và số 0, 1).',
        'The card code is wrong, or the card was revoked. Check the code printed on the card (10 characters, no O, I, L, 0 or 1).', 'code' in ctx.body ? 'body.code' : 'body.token')));
    }
    await cardAttemptSucceeded(deps.db, ctx.req.ip);
    await startSession(deps, ctx.reply, { userId: null, delegateId: row.id, congressId: row.congress_id });
    await transact(deps, async (trx) => {
      await audit(trx, { congressId: row.congress_id, actor: `delegate:${row.id}`, role: 'delegate', action: 'auth.card',
        subject: `delegate:${row.id}`, payload: { by: 'code' in ctx.body ? 'code' : 'token' } });
      return ok(true);
    });
    return ok(json({ kind: 'delegate' as const, id: row.id, congress: row.code, fullName: row.full_name }));
  });
};
