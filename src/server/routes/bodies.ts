/** Bodies of the congress (presidium, secretariat, credentials committee, counting board) and show-of-hands votes. */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { err, ok, ruleError } from '../../rules/index.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { conflict, notFound, unprocessable } from '../problems.ts';
import { json, serve } from '../route.ts';
import { nowIso, transact } from '../tx.ts';
import { voteView } from '../views.ts';
import { recordVote } from '../votes.ts';

const BODY_NAMES = {
  presidium: 'Đoàn Chủ tịch', secretariat: 'Đoàn Thư ký', credentials: 'Ban Thẩm tra tư cách đại biểu', 'counting-board': 'Ban Kiểm phiếu',
} as const;

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
    const ids = b.members.map((m) => m.delegateId);
    if (new Set(ids).size !== ids.length) {
      return err(unprocessable(ruleError('body.duplicate-member', 'Một đại biểu được ghi hai lần.', 'A delegate is listed twice.', 'body.members')));
    }
    const heads = b.members.filter((m) => m.role === 'head').length;
    if (heads > 1 || (b.kind === 'counting-board' && heads !== 1)) {
      return err(unprocessable(ruleError('body.head', `${BODY_NAMES[b.kind]} cần đúng một Trưởng ban.`, 'The body needs exactly one head.', 'body.members')));
    }
    return transact(deps, async (trx) => {
      const found = await trx.selectFrom('delegates').select(['id', 'full_name', 'standing', 'status']).where('congress_id', '=', ctx.congress.id).where('id', 'in', ids).execute();
      if (found.length !== ids.length) {
        return err(notFound('đại biểu trong danh sách thành viên', 'A member delegate', 'body.members'));
      }
      if (b.kind === 'counting-board' && found.some((d) => d.standing !== 'official')) {
        return err(unprocessable(ruleError('body.counting-official', 'Thành viên Ban Kiểm phiếu phải là đại biểu chính thức.',
          'Counting board members must be official delegates.', 'body.members')));
      }
      const body = await trx.insertInto('bodies').values({ congress_id: ctx.congress.id, kind: b.kind, title: b.title, approved_vote_id: null })
        .returningAll().executeTakeFirstOrThrow();
      await trx.insertInto('body_members').values(b.members.map((m, i) => ({ body_id: body.id, delegate_id: m.delegateId, role: m.role, position: i + 1 }))).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'body.create', subject: `body:${body.id}`, payload: { ...b } });
      const names = new Map(found.map((d) => [d.id, d.full_name]));
      const members = b.members.map((m) => ({ ...m, fullName: names.get(m.delegateId) ?? '' }));
      return ok(json({ id: body.id, kind: body.kind, title: body.title, approvedVoteId: null, members }, 201));
    }, [{ congressId: ctx.congress.id, kind: 'bodies', id: null }]);
  });

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
