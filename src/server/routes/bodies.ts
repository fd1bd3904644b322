/** Bodies of the congress (presidium, secretariat, credentials committee, counting board) and show-of-hands votes. */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import type { BodyBody } from '../../api/bodies.ts';
import type { Transaction } from 'kysely';
import { err, ok, ruleError, type Result } from '../../rules/index.ts';
import type { BodyKind, Database } from '../../store/schema.ts';
import type { Problem } from '../problems.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { conflict, fromRefusal, notFound, unprocessable } from '../problems.ts';
import { canVoid } from '../../elections/index.ts';
import { json, serve } from '../route.ts';
import { nowIso, transact } from '../tx.ts';
import { voteView } from '../views.ts';
import { recordVote } from '../votes.ts';

const BODY_NAMES = {
  presidium: 'Đoàn Chủ tịch', secretariat: 'Đoàn Thư ký', credentials: 'Ban Thẩm tra tư cách đại biểu', 'counting-board': 'Ban Kiểm phiếu',
} as const;

/** The members of a body are delegates of the congress, each once, with one head (exactly one on a counting board). */
const checkMembers = async (
  trx: Transaction<Database>, congressId: number, kind: BodyKind, members: BodyBody['members'],
): Promise<Result<Array<{ id: number; full_name: string }>, Problem>> => {
  const ids = members.map((m) => m.delegateId);
  if (new Set(ids).size !== ids.length) {
    return err(unprocessable(ruleError('body.duplicate-member', 'Một đại biểu được ghi hai lần.', 'A delegate is listed twice.', 'body.members')));
  }
  const heads = members.filter((m) => m.role === 'head').length;
  if (heads > 1 || (kind === 'counting-board' && heads !== 1)) {
    return err(unprocessable(ruleError('body.head', `${BODY_NAMES[kind]} cần đúng một Trưởng ban.`, 'The body needs exactly one head.', 'body.members')));
  }
  const found = await trx.selectFrom('delegates').select(['id', 'full_name', 'standing', 'status']).where('congress_id', '=', congressId).where('id', 'in', ids).execute();
  if (found.length !== ids.length) return err(notFound('đại biểu trong danh sách thành viên', 'A member delegate', 'body.members'));
  if (kind === 'counting-board' && found.some((d) => d.standing !== 'official')) {
    return err(unprocessable(ruleError('body.counting-official', 'Thành viên Ban Kiểm phiếu phải là đại biểu chính thức.',
      'Counting board members must be official delegates.', 'body.members')));
  }
  return ok(found);
};

export const bodyRoutes = (app: FastifyInstance, deps: ServerDeps): void => {

  serve(app, deps, API.listBodies, async (ctx) => {
    const bodies = await deps.db.selectFrom('bodies').selectAll().where('congress_id', '=', ctx.congress.id).orderBy('id').execute();
    const members = await deps.db.selectFrom('body_members').innerJoin('bodies', 'bodies.id', 'body_members.body_id')
      .innerJoin('delegates', 'delegates.id', 'body_members.delegate_id')
      .select(['body_members.body_id', 'body_members.delegate_id', 'delegates.full_name', 'body_members.role', 'body_members.position'])
      .where('bodies.congress_id', '=', ctx.congress.id).orderBy('body_members.position').execute();
    return ok(json(bodies.map((b) => ({
      id: b.id, kind: b.kind, title: b.title, approvedVoteId: b.approved_vote_id,
      members: members.filter((m) => m.body_id === b.id).map((m) => ({ delegateId: m.delegate_id, fullName: m.full_name, role: m.role })),
    }))));
  });

  serve(app, deps, API.createBody, async (ctx) => {
    const b = ctx.body;
    return transact(deps, async (trx) => {
      const found = await checkMembers(trx, ctx.congress.id, b.kind, b.members);
      if (!found.ok) return found;
      const body = await trx.insertInto('bodies').values({ congress_id: ctx.congress.id, kind: b.kind, title: b.title, approved_vote_id: null })
        .returningAll().executeTakeFirstOrThrow();
      await trx.insertInto('body_members').values(b.members.map((m, i) => ({ body_id: body.id, delegate_id: m.delegateId, role: m.role, position: i + 1 }))).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'body.create', subject: `body:${body.id}`, payload: { ...b } });
      const names = new Map(found.value.map((d) => [d.id, d.full_name]));
      const members = b.members.map((m) => ({ ...m, fullName: names.get(m.delegateId) ?? '' }));
      return ok(json({ id: body.id, kind: body.kind, title: body.title, approvedVoteId: null, members }, 201));
    }, [{ congressId: ctx.congress.id, kind: 'bodies', id: null }]);
  });

  // A body copied from an earlier congress comes without members; any body is corrected until it is approved.
  serve(app, deps, API.updateBody, async (ctx) =>
    transact(deps, async (trx) => {
      const body = await trx.selectFrom('bodies').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (body === undefined) return err(notFound('ban', 'Body', 'params.id'));
      if (body.approved_vote_id !== null) {
        return err(conflict(ruleError('body.approved-frozen', `${body.title} đã được đại hội biểu quyết thông qua; không sửa được nữa.`,
          `${body.title} is approved by the congress; it can no longer be changed.`)));
      }
      const b = ctx.body;
      const before = await trx.selectFrom('body_members').select(['delegate_id', 'role']).where('body_id', '=', body.id).orderBy('position').execute();
      if (b.members !== undefined) {
        const found = await checkMembers(trx, ctx.congress.id, body.kind, b.members);
        if (!found.ok) return found;
        await trx.deleteFrom('body_members').where('body_id', '=', body.id).execute();
        await trx.insertInto('body_members').values(b.members.map((m, i) => ({ body_id: body.id, delegate_id: m.delegateId, role: m.role, position: i + 1 }))).execute();
      }
      if (b.title !== undefined) await trx.updateTable('bodies').set({ title: b.title }).where('id', '=', body.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'body.update', subject: `body:${body.id}`,
        payload: { before: { title: body.title, members: before.map((m) => ({ delegateId: m.delegate_id, role: m.role })) }, change: { ...b } } });
      const members = await trx.selectFrom('body_members').innerJoin('delegates', 'delegates.id', 'body_members.delegate_id')
        .select(['body_members.delegate_id', 'delegates.full_name', 'body_members.role']).where('body_members.body_id', '=', body.id).orderBy('body_members.position').execute();
      return ok(json({ id: body.id, kind: body.kind, title: b.title ?? body.title, approvedVoteId: null,
        members: members.map((m) => ({ delegateId: m.delegate_id, fullName: m.full_name, role: m.role })) }));
    }, [{ congressId: ctx.congress.id, kind: 'bodies', id: ctx.params.id }]));

  serve(app, deps, API.approveBody, async (ctx) =>
    transact(deps, async (trx) => {
      const body = await trx.selectFrom('bodies').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (body === undefined) return err(notFound('ban', 'Body', 'params.id'));
      if (body.approved_vote_id !== null) {
        return err(conflict(ruleError('body.already-approved', `${body.title} đã được đại hội biểu quyết thông qua.`, `${body.title} is already approved.`)));
      }
      const vote = await recordVote(trx, ctx.congress, ctx, { subject: `Thông qua ${body.title}`, kind: 'body', ...ctx.body }, nowIso(deps));
      if (!vote.ok) return vote;
      if (vote.value.passed === 1) {
        const r = await trx.updateTable('bodies').set({ approved_vote_id: vote.value.id }).where('id', '=', body.id).where('approved_vote_id', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) {
          return err(conflict(ruleError('body.already-approved', `${body.title} vừa được người khác ghi nhận thông qua.`, `${body.title} was just approved by someone else.`)));
        }
      }
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: vote.value.passed === 1 ? 'body.approve' : 'body.reject', subject: `body:${body.id}`, payload: { vote: vote.value.id } });
      return ok(json(voteView(vote.value)));
    }, [{ congressId: ctx.congress.id, kind: 'bodies', id: ctx.params.id }, { congressId: ctx.congress.id, kind: 'votes', id: null }]));

  serve(app, deps, API.listVotes, async (ctx) => {
    const rows = await deps.db.selectFrom('votes').selectAll().where('congress_id', '=', ctx.congress.id).orderBy('id').execute();
    return ok(json(rows.map(voteView)));
  });

  serve(app, deps, API.voidVote, async (ctx) =>
    transact(deps, async (trx) => {
      const vote = await trx.selectFrom('votes').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (vote === undefined) return err(notFound('biểu quyết', 'Vote', 'params.id'));
      const can = canVoid({ what_vi: `Biểu quyết «${vote.subject}»`, what_en: `The vote "${vote.subject}"`, voidedAt: vote.voided_at }, ctx.body.reason);
      if (!can.ok) return err(fromRefusal(can.error));
      // A vote that is a step of an election (its list, surplus, number, a withdrawal) is part of that election's record.
      if (vote.election_id !== null || vote.candidate_id !== null) {
        return err(conflict(ruleError('void.election-step', `Biểu quyết «${vote.subject}» là một bước của cuộc bầu cử: không hủy riêng được; nếu có sai sót, ghi rõ trong biên bản của cuộc bầu cử.`,
          `The vote "${vote.subject}" is a step of an election: it cannot be voided on its own; record any error in that election's minutes.`)));
      }
      const by = ctx.principal?.kind === 'user' ? ctx.principal.username : ctx.actor;
      const voided = await trx.updateTable('votes').set({ voided_at: nowIso(deps), void_reason: can.value, voided_by: by })
        .where('id', '=', vote.id).where('voided_at', 'is', null).returningAll().executeTakeFirstOrThrow();
      // A body approved by the voided vote is no longer approved: the congress votes on it again.
      const unapproved = await trx.updateTable('bodies').set({ approved_vote_id: null }).where('approved_vote_id', '=', vote.id).returning('id').execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'vote.void', subject: `vote:${vote.id}`,
        payload: { reason: can.value, bodies: unapproved.map((b) => b.id) } });
      return ok(json(voteView(voided)));
    }, [{ congressId: ctx.congress.id, kind: 'votes', id: null }, { congressId: ctx.congress.id, kind: 'bodies', id: null }]));

  serve(app, deps, API.recordVote, async (ctx) =>
    transact(deps, async (trx) => {
      const { agendaItemId } = ctx.body;
      if (agendaItemId !== null) {
        const item = await trx.selectFrom('agenda_items').select('id').where('id', '=', agendaItemId).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
        if (item === undefined) return err(notFound('mục chương trình', 'Agenda item', 'body.agendaItemId'));
      }
      const vote = await recordVote(trx, ctx.congress, ctx, ctx.body, nowIso(deps));
      return vote.ok ? ok(json(voteView(vote.value), 201)) : vote;
    }, [{ congressId: ctx.congress.id, kind: 'votes', id: null }]));
};
