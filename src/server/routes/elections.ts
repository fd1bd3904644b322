/** Elections: create, read, the maximum surplus (voted), the counting board (never a candidate), new rounds. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CongressCode, CongressParams, Id } from '../../api/common.ts';
import { CountingBoardBody, CreateElectionBody, MaxSurplusBody } from '../../api/elections.ts';
import { checkElectionSpec, err, lawfulMaxSurplus, ok, ruleError, seatsToFill, surplusApplies } from '../../rules/index.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { countSettingsOf, electionView, findElection, roundCandidates } from '../election-data.ts';
import { conflict, notFound, unprocessable } from '../problems.ts';
import { congressRoute, json } from '../route.ts';
import { readSettings } from '../settings.ts';
import { nowIso, transact } from '../tx.ts';
import { voteView } from '../views.ts';
import { recordVote } from '../votes.ts';

export const ElectionParams = z.object({ code: CongressCode, electionId: Id });
const NewRoundBody = z.object({
  /** Official seats; 0 only for a delegation round that elects alternates alone (checked by the rules core). */
  seats: z.number().int().min(0).max(2000),
  alternateSeats: z.number().int().min(0).max(2000).default(0),
  /** Whom the new round starts from: the tied of the last round, everyone not elected, or nobody. */
  candidates: z.enum(['tied', 'not-elected', 'none']),
}).strict();

/** The officials and alternates a stored round result elected (nothing for a poll or an unreadable result). */
const StoredElected = z.object({ count: z.object({ elected: z.array(z.string()), alternates: z.array(z.string()).optional() }) });
const electedIn = (stored: string | null): { elected: string[]; alternates?: string[] } => {
  if (stored === null) return { elected: [] };
  try {
    const parsed = StoredElected.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data.count : { elected: [] };
  } catch {
    return { elected: [] };
  }
};

export const electionRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const C = '/api/congresses/:code';
  const E = `${C}/elections/:electionId`;
  const ev = (congressId: number, id: number) => [{ congressId, kind: 'election' as const, id }];

  congressRoute(app, deps, { method: 'GET', url: `${C}/elections`, params: CongressParams }, async (ctx) => {
    const rows = await deps.db.selectFrom('elections').selectAll().where('congress_id', '=', ctx.congress.id).orderBy('id').execute();
    const views = [];
    for (const e of rows) views.push(await electionView(deps.db, e, ctx.roles));
    return ok(json(views));
  });

  congressRoute(app, deps, { method: 'POST', url: `${C}/elections`, params: CongressParams, body: CreateElectionBody }, async (ctx) => {
    const b = ctx.body;
    const settings = readSettings(ctx.congress).count;
    const spec = checkElectionSpec({ kind: b.kind, seats: b.seats, alternateSeats: b.alternateSeats, base: 1, present: 1, candidates: [{ id: 'x', name: 'x' }], settings });
    if (!spec.ok) return err(unprocessable({ ...spec.error, field: `body.${spec.error.field?.replace('election.', '') ?? 'seats'}` }));
    return transact(deps, async (trx) => {
      const now = nowIso(deps);
      const e = await trx.insertInto('elections').values({
        congress_id: ctx.congress.id, kind: b.kind, title: b.title, seats: b.seats, alternate_seats: b.alternateSeats, max_surplus: null,
        parent_round_id: null, counting_board_id: null, settings: JSON.stringify(settings), approved_at: null, approval_reference: null, created_at: now,
      }).returningAll().executeTakeFirstOrThrow();
      await trx.insertInto('election_rounds').values({
        election_id: e.id, congress_id: ctx.congress.id, number: 1, seats: b.seats, alternate_seats: b.alternateSeats, status: 'draft',
        base: null, present: null, ballots_issued: null, ballots_collected: null, result: null, decision: null, updated_at: now,
      }).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'election.create', subject: `election:${e.id}`, payload: { ...b, settings } });
      return ok(json(await electionView(trx, e, ctx.roles), 201));
    }, (out) => ev(ctx.congress.id, out.kind === 'json' ? (out.body as { id: number }).id : 0));
  });

  congressRoute(app, deps, { method: 'GET', url: E, params: ElectionParams }, async (ctx) => {
    const e = await findElection(deps.db, ctx.congress.id, ctx.params.electionId);
    return e === undefined ? err(notFound('cuộc bầu cử', 'Election', 'params.electionId')) : ok(json(await electionView(deps.db, e, ctx.roles)));
  });

  congressRoute(app, deps, { method: 'PUT', url: `${E}/max-surplus`, params: ElectionParams, body: MaxSurplusBody }, async (ctx) =>
    transact(deps, async (trx) => {
      const e = await findElection(trx, ctx.congress.id, ctx.params.electionId);
      if (e === undefined) return err(notFound('cuộc bầu cử', 'Election', 'params.electionId'));
      const { maxSurplus, ...counts } = ctx.body;
      if (surplusApplies(e.kind) && maxSurplus > lawfulMaxSurplus(e.seats)) {
        return err(unprocessable(ruleError('surplus.over-lawful', `Số dư tối đa ${maxSurplus} vượt mức quy chế cho phép (${lawfulMaxSurplus(e.seats)} với ${e.seats} người được bầu).`,
          `A maximum surplus of ${maxSurplus} exceeds the lawful ${lawfulMaxSurplus(e.seats)} for ${e.seats} seats.`, 'body.maxSurplus')));
      }
      const vote = await recordVote(trx, ctx.congress, ctx, { subject: `Thông qua số dư tối đa ${maxSurplus} người — ${e.title}`, kind: 'max-surplus', electionId: e.id, ...counts }, nowIso(deps));
      if (!vote.ok) return vote;
      if (vote.value.passed === 1) {
        await trx.updateTable('elections').set({ max_surplus: maxSurplus }).where('id', '=', e.id).execute();
        await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'election.max-surplus', subject: `election:${e.id}`, payload: { maxSurplus, vote: vote.value.id } });
      }
      return ok(json(voteView(vote.value)));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  congressRoute(app, deps, { method: 'PUT', url: `${E}/counting-board`, params: ElectionParams, body: CountingBoardBody }, async (ctx) =>
    transact(deps, async (trx) => {
      const e = await findElection(trx, ctx.congress.id, ctx.params.electionId);
      if (e === undefined) return err(notFound('cuộc bầu cử', 'Election', 'params.electionId'));
      const body = await trx.selectFrom('bodies').selectAll().where('id', '=', ctx.body.bodyId).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (body === undefined || body.kind !== 'counting-board') return err(notFound('Ban Kiểm phiếu', 'Counting board', 'body.bodyId'));
      if (body.approved_vote_id === null) {
        return err(unprocessable(ruleError('counting-board.not-approved', 'Ban Kiểm phiếu chưa được đại hội biểu quyết thông qua.', 'The counting board is not approved by the congress yet.', 'body.bodyId')));
      }
      const rounds = await trx.selectFrom('election_rounds').select(['id', 'status']).where('election_id', '=', e.id).execute();
      if (rounds.some((r) => r.status !== 'draft' && r.status !== 'list-approved')) {
        return err(conflict(ruleError('counting-board.locked', 'Đã bắt đầu bỏ phiếu: không đổi Ban Kiểm phiếu được nữa.', 'Voting has begun: the counting board cannot change.')));
      }
      const members = await trx.selectFrom('body_members').innerJoin('delegates', 'delegates.id', 'body_members.delegate_id')
        .select(['delegates.id', 'delegates.full_name']).where('body_id', '=', body.id).execute();
      const candidates = new Set<number>();
      for (const r of rounds) for (const c of await roundCandidates(trx, r.id)) if (c.delegate_id !== null && c.status !== 'withdrawn' && c.status !== 'not-admitted') candidates.add(c.delegate_id);
      const clash = members.filter((m) => candidates.has(m.id));
      if (clash.length > 0) {
        const names = clash.map((m) => m.full_name).join(', ');
        return err(unprocessable(ruleError('counting-board.candidate', `Thành viên Ban Kiểm phiếu không được có tên trong danh sách bầu cử: ${names}.`,
          `A counting board member may not be a candidate of the election: ${names}.`, 'body.bodyId')));
      }
      await trx.updateTable('elections').set({ counting_board_id: body.id }).where('id', '=', e.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'election.counting-board', subject: `election:${e.id}`, payload: { bodyId: body.id } });
      return ok(json({ electionId: e.id, countingBoardId: body.id }));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  congressRoute(app, deps, { method: 'POST', url: `${E}/rounds`, params: ElectionParams, body: NewRoundBody }, async (ctx) =>
    transact(deps, async (trx) => {
      const e = await findElection(trx, ctx.congress.id, ctx.params.electionId);
      if (e === undefined) return err(notFound('cuộc bầu cử', 'Election', 'params.electionId'));
      // The seats of the new round: lawful for the kind (alternates only for a delegation, officials 0 only when
      // alternates are elected).
      const settings = countSettingsOf(e);
      const wanted = { kind: e.kind, seats: ctx.body.seats, alternateSeats: ctx.body.alternateSeats, settings };
      const lawful = checkElectionSpec({ ...wanted, base: 1, present: 1, candidates: [{ id: 'x', name: 'x' }] });
      if (!lawful.ok) return err(unprocessable({ ...lawful.error, field: `body.${lawful.error.field?.replace('election.', '') ?? 'seats'}` }));
      const last = await trx.selectFrom('election_rounds').selectAll().where('election_id', '=', e.id).orderBy('number', 'desc').limit(1).executeTakeFirstOrThrow();
      if (last.status !== 'published' && last.status !== 'approved') {
        return err(conflict(ruleError('round.previous-open', `Vòng ${last.number} chưa công bố kết quả: chưa mở vòng mới được.`, `Round ${last.number} is not published yet: no new round.`)));
      }
      // After the previous round: never more seats than the election still has to fill after all its rounds.
      const rounds = await trx.selectFrom('election_rounds').select('result').where('election_id', '=', e.id).execute();
      const left = seatsToFill({ kind: e.kind, seats: e.seats, alternateSeats: e.alternate_seats, settings }, rounds.map((r) => electedIn(r.result)));
      if (ctx.body.seats > left.official) {
        return err(unprocessable(ruleError('round.seats-over-remaining',
          `Số đại biểu chính thức cần bầu (${ctx.body.seats}) vượt số còn phải bầu (${left.official}).`,
          `Official seats (${ctx.body.seats}) exceed those still to fill (${left.official}).`, 'body.seats')));
      }
      if (ctx.body.alternateSeats > left.alternate) {
        return err(unprocessable(ruleError('round.alternate-seats-over-remaining',
          `Số đại biểu dự khuyết cần bầu (${ctx.body.alternateSeats}) vượt số còn phải bầu (${left.alternate}).`,
          `Alternate seats (${ctx.body.alternateSeats}) exceed those still to fill (${left.alternate}).`, 'body.alternateSeats')));
      }
      const result = JSON.parse(last.result ?? '{}') as { count?: { elected?: string[]; alternates?: string[]; tie?: { candidates: string[] } | null } };
      const elected = new Set([...(result.count?.elected ?? []), ...(result.count?.alternates ?? [])]);
      const previous = await roundCandidates(trx, last.id);
      const carry = ctx.body.candidates === 'none' ? []
        : ctx.body.candidates === 'tied' ? previous.filter((c) => (result.count?.tie?.candidates ?? []).includes(String(c.id)))
          : previous.filter((c) => c.status === 'listed' && !elected.has(String(c.id)));
      const now = nowIso(deps);
      const round = await trx.insertInto('election_rounds').values({
        election_id: e.id, congress_id: ctx.congress.id, number: last.number + 1, seats: ctx.body.seats, alternate_seats: ctx.body.alternateSeats,
        status: 'draft', base: null, present: null, ballots_issued: null, ballots_collected: null, result: null, decision: null, updated_at: now,
      }).returningAll().executeTakeFirstOrThrow();
      for (const [i, c] of carry.entries()) {
        await trx.insertInto('candidates').values({
          round_id: round.id, congress_id: ctx.congress.id, delegate_id: c.delegate_id, full_name: c.full_name, birth_date: c.birth_date,
          source: c.source, position: i + 1, status: 'listed', withdrawal_vote_id: null, poll_agree: c.poll_agree,
        }).execute();
      }
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'round.create', subject: `round:${round.id}`, payload: { ...ctx.body, carried: carry.map((c) => c.id) } });
      return ok(json(await electionView(trx, e, ctx.roles), 201));
    }, ev(ctx.congress.id, ctx.params.electionId)));
};
