/**
 * A round of an election: candidates, withdrawals, the opinion poll, the surplus check, the state machine's
 * transitions (one effect under concurrency), ballots issued, and the count of a pile of ballots.
 */
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { CongressCode, Id } from '../../api/common.ts';
import { BallotsIssuedBody, CandidateBody, CountBody, PollBody, TransitionBody, WithdrawalDecisionBody } from '../../api/elections.ts';
import { checkTransition, listEditable, lostRace, type RoundState } from '../../elections/state-machine.ts';
import {
  admitNominees, countBallots, err, isAdmittedByPoll, lawfulMaxSurplus, ok, ruleError, surplusApplies, type Ballot, type Result,
} from '../../rules/index.ts';
import type { Congress, Database, Election, ElectionRound } from '../../store/schema.ts';
import { loadBaseSnapshot } from '../attendance.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { countSettingsOf, electionView, findElection, findRound, listed, reorderCandidates, roundCandidates, surplusOf } from '../election-data.ts';
import { conflict, notFound, unprocessable, type Problem } from '../problems.ts';
import { canApproveList, canOpenVoting, canStartCounting } from '../round-guard.ts';
import { congressRoute, json, type Caller } from '../route.ts';
import { readSettings } from '../settings.ts';
import { nowIso, transact } from '../tx.ts';
import { candidateView, voteView } from '../views.ts';
import { recordVote } from '../votes.ts';

const RoundParams = z.object({ code: CongressCode, electionId: Id, round: z.coerce.number().int().min(1).max(1000) });
const CandidateParams = RoundParams.extend({ id: Id });

type Loaded = { readonly election: Election; readonly round: ElectionRound };

const load = async (trx: Transaction<Database>, congress: Congress, electionId: number, number: number): Promise<Result<Loaded, Problem>> => {
  const election = await findElection(trx, congress.id, electionId);
  if (election === undefined) return err(notFound('cuộc bầu cử', 'Election', 'params.electionId'));
  const round = await findRound(trx, election.id, number);
  if (round === undefined) return err(notFound(`vòng bầu ${number}`, `Round ${number}`, 'params.round'));
  return ok({ election, round });
};

/** Moves a round one step: legal by the state machine, and applied only if nobody moved it meanwhile. */
export const moveRound = async (
  trx: Transaction<Database>, caller: Caller, congressId: number, round: ElectionRound, to: RoundState,
  set: Partial<Pick<ElectionRound, 'base' | 'present' | 'base_exclusions' | 'result'>>, now: string,
): Promise<Result<ElectionRound, Problem>> => {
  const legal = checkTransition(round.status, to);
  if (!legal.ok) return err(conflict(legal.error));
  const updated = await trx.updateTable('election_rounds').set({ ...set, status: to, updated_at: now })
    .where('id', '=', round.id).where('status', '=', round.status).returningAll().executeTakeFirst();
  if (updated === undefined) {
    const actual = await trx.selectFrom('election_rounds').select('status').where('id', '=', round.id).executeTakeFirstOrThrow();
    return err(conflict(lostRace(round.status, actual.status)));
  }
  await audit(trx, { congressId, actor: caller.actor, role: caller.role, action: 'round.transition', subject: `round:${round.id}`, payload: { from: round.status, to } });
  return ok(updated);
};

export const roundRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const R = '/api/congresses/:code/elections/:electionId/rounds/:round';
  const ev = (congressId: number, id: number, result = false) =>
    [{ congressId, kind: 'election' as const, id }, ...(result ? [{ congressId, kind: 'result' as const, id }] : [])];

  congressRoute(app, deps, { method: 'POST', url: `${R}/candidates`, params: RoundParams, body: CandidateBody }, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await load(trx, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const editable = listEditable(l.value.round.status);
      if (!editable.ok) return err(conflict(editable.error));
      const b = ctx.body;
      let person = { delegateId: null as number | null, fullName: '', birthDate: null as string | null };
      if ('delegateId' in b) {
        const d = await trx.selectFrom('delegates').select(['id', 'full_name', 'birth_date']).where('id', '=', b.delegateId).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
        if (d === undefined) return err(notFound('đại biểu', 'Delegate', 'body.delegateId'));
        const cs = await roundCandidates(trx, l.value.round.id);
        if (cs.some((c) => c.delegate_id === d.id)) {
          return err(conflict(ruleError('candidate.duplicate', `${d.full_name} đã có trong danh sách.`, `${d.full_name} is already on the list.`, 'body.delegateId')));
        }
        if (l.value.election.counting_board_id !== null) {
          const onBoard = await trx.selectFrom('body_members').select('id').where('body_id', '=', l.value.election.counting_board_id).where('delegate_id', '=', d.id).executeTakeFirst();
          if (onBoard !== undefined) {
            return err(unprocessable(ruleError('candidate.on-counting-board', `${d.full_name} là thành viên Ban Kiểm phiếu của cuộc bầu cử này.`,
              `${d.full_name} is on the counting board of this election.`, 'body.delegateId')));
          }
        }
        person = { delegateId: d.id, fullName: d.full_name, birthDate: d.birth_date };
      } else {
        person = { delegateId: null, fullName: b.fullName.normalize('NFC'), birthDate: b.birthDate };
      }
      const top = await trx.selectFrom('candidates').select((eb) => eb.fn.max('position').as('p')).where('round_id', '=', l.value.round.id).executeTakeFirst();
      const row = await trx.insertInto('candidates').values({
        round_id: l.value.round.id, congress_id: ctx.congress.id, delegate_id: person.delegateId, full_name: person.fullName,
        birth_date: person.birthDate, source: b.source, position: Number(top?.p ?? 0) + 1, status: 'listed', withdrawal_vote_id: null, poll_agree: null,
      }).returningAll().executeTakeFirstOrThrow();
      await reorderCandidates(trx, l.value.round.id);
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'candidate.add', subject: `candidate:${row.id}`, payload: { ...person, source: b.source } });
      const fresh = await trx.selectFrom('candidates').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
      return ok(json(candidateView(fresh), 201));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  congressRoute(app, deps, { method: 'POST', url: `${R}/candidates/:id/withdrawal`, params: CandidateParams }, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await load(trx, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const editable = listEditable(l.value.round.status);
      if (!editable.ok) return err(conflict(editable.error));
      const r = await trx.updateTable('candidates').set({ status: 'withdrawal-requested' })
        .where('id', '=', ctx.params.id).where('round_id', '=', l.value.round.id).where('status', '=', 'listed').returningAll().executeTakeFirst();
      if (r === undefined) return err(conflict(ruleError('withdrawal.state', 'Người này không còn trong danh sách hoặc đã xin rút.', 'This candidate is not listed or already asked to withdraw.', 'params.id')));
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'candidate.withdrawal-request', subject: `candidate:${r.id}`, payload: {} });
      return ok(json(candidateView(r)));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  congressRoute(app, deps, { method: 'POST', url: `${R}/candidates/:id/withdrawal-decision`, params: CandidateParams, body: WithdrawalDecisionBody }, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await load(trx, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const c = await trx.selectFrom('candidates').selectAll().where('id', '=', ctx.params.id).where('round_id', '=', l.value.round.id).executeTakeFirst();
      if (c === undefined) return err(notFound('người trong danh sách', 'Candidate', 'params.id'));
      if (c.status !== 'withdrawal-requested') return err(conflict(ruleError('withdrawal.none', `${c.full_name} không có đơn xin rút đang chờ.`, `${c.full_name} has no pending withdrawal request.`, 'params.id')));
      const vote = await recordVote(trx, ctx.congress, ctx, { subject: `Cho đồng chí ${c.full_name} rút khỏi danh sách bầu cử`, kind: 'withdrawal', electionId: l.value.election.id, candidateId: c.id, ...ctx.body }, nowIso(deps));
      if (!vote.ok) return vote;
      const status = vote.value.passed === 1 ? 'withdrawn' : 'listed';
      const r = await trx.updateTable('candidates').set({ status, withdrawal_vote_id: vote.value.id })
        .where('id', '=', c.id).where('status', '=', 'withdrawal-requested').executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return err(conflict(ruleError('withdrawal.concurrent', 'Đơn xin rút vừa được người khác ghi quyết định.', 'The request was just decided by someone else.')));
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: vote.value.passed === 1 ? 'candidate.withdrawal-granted' : 'candidate.withdrawal-refused', subject: `candidate:${c.id}`, payload: { vote: vote.value.id } });
      return ok(json({ vote: voteView(vote.value), status }));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  congressRoute(app, deps, { method: 'POST', url: `${R}/poll`, params: RoundParams, body: PollBody }, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await load(trx, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const { election, round } = l.value;
      const editable = listEditable(round.status);
      if (!editable.ok) return err(conflict(editable.error));
      const cs = await roundCandidates(trx, round.id);
      const byId = new Map(cs.map((c) => [c.id, c]));
      for (const [i, r] of ctx.body.results.entries()) {
        const c = byId.get(r.candidateId);
        if (c === undefined || c.source === 'committee-list' || c.status !== 'listed') {
          return err(unprocessable(ruleError('poll.not-nominee', 'Chỉ lấy ý kiến về người được đề cử hoặc tự ứng cử đang có trong danh sách.',
            'The poll is only on listed nominees and self-nominees.', `body.results[${i}].candidateId`)));
        }
        if (r.agree > ctx.body.present) {
          return err(unprocessable(ruleError('poll.over-present', 'Số phiếu đồng ý vượt số đại biểu có mặt.', 'Agree votes exceed the delegates present.', `body.results[${i}].agree`)));
        }
      }
      const passed = ctx.body.results.filter((r) => isAdmittedByPoll(r.agree, ctx.body.present)).map((r) => ({ id: String(r.candidateId), agree: r.agree }));
      const committee = listed(cs).filter((c) => c.source === 'committee-list').length;
      const max = surplusApplies(election.kind)
        ? Math.min(election.max_surplus ?? lawfulMaxSurplus(round.seats), lawfulMaxSurplus(round.seats))
        : election.kind === 'delegates' ? readSettings(ctx.congress).delegationMaxSurplus : null;
      const room = max === null ? passed.length : Math.max(0, round.seats + max - committee);
      const admission = admitNominees(passed, room);
      const admitted = new Set([...admission.admitted, ...admission.tied]);
      for (const r of ctx.body.results) {
        await trx.updateTable('candidates').set({ poll_agree: r.agree, status: admitted.has(String(r.candidateId)) ? 'listed' : 'not-admitted' })
          .where('id', '=', r.candidateId).execute();
      }
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'round.poll', subject: `round:${round.id}`, payload: { ...ctx.body, admission } });
      return ok(json({ present: ctx.body.present, ...admission, room }));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  congressRoute(app, deps, { method: 'GET', url: `${R}/surplus`, params: RoundParams }, async (ctx) => {
    const e = await findElection(deps.db, ctx.congress.id, ctx.params.electionId);
    if (e === undefined) return err(notFound('cuộc bầu cử', 'Election', 'params.electionId'));
    const round = await findRound(deps.db, e.id, ctx.params.round);
    if (round === undefined) return err(notFound('vòng bầu', 'Round', 'params.round'));
    return ok(json(surplusOf(ctx.congress, e, round, await roundCandidates(deps.db, round.id))));
  });

  congressRoute(app, deps, { method: 'POST', url: `${R}/transition`, params: RoundParams, body: TransitionBody }, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await load(trx, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const { election, round } = l.value;
      const b = ctx.body;
      const legal = checkTransition(round.status, b.to);
      if (!legal.ok) return err(conflict(legal.error));
      const now = nowIso(deps);
      let vote = null;
      let set: Partial<Pick<ElectionRound, 'base' | 'present' | 'base_exclusions'>> = {};
      if (b.to === 'list-approved') {
        const cs = await roundCandidates(trx, round.id);
        const can = canApproveList(ctx.congress, election, round, cs);
        if (!can.ok) return can;
        const v = await recordVote(trx, ctx.congress, ctx, { subject: `Thông qua danh sách bầu cử — ${election.title} (vòng ${round.number})`, kind: 'election-list',
          electionId: election.id, agree: b.agree, disagree: b.disagree, other: b.other }, now);
        if (!v.ok) return v;
        vote = voteView(v.value);
        if (v.value.passed === 0) return ok(json({ round: (await electionView(trx, election, ctx.roles)).rounds.find((r) => r.id === round.id), vote }));
      } else if (b.to === 'voting') {
        const can = await canOpenVoting(trx, election);
        if (!can.ok) return can;
        set = await loadBaseSnapshot(trx, ctx.congress);
      } else if (b.to === 'counting') {
        const can = canStartCounting(round);
        if (!can.ok) return can;
      }
      const moved = await moveRound(trx, ctx, ctx.congress.id, round, b.to, set, now);
      if (!moved.ok) return moved;
      if (b.to === 'approved') {
        await trx.updateTable('elections').set({ approved_at: now, approval_reference: b.reference }).where('id', '=', election.id).execute();
      }
      const view = await electionView(trx, (await findElection(trx, ctx.congress.id, election.id))!, ctx.roles);
      return ok(json({ round: view.rounds.find((r) => r.id === round.id), vote }));
    }, ev(ctx.congress.id, ctx.params.electionId, ctx.body.to === 'published')));

  congressRoute(app, deps, { method: 'PUT', url: `${R}/ballots`, params: RoundParams, body: BallotsIssuedBody }, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await load(trx, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const { round } = l.value;
      if (round.status !== 'voting' && round.status !== 'counting') {
        return err(conflict(ruleError('ballots.state', 'Chỉ ghi số phiếu phát ra, thu về khi đang bỏ phiếu hoặc kiểm phiếu.', 'Ballots are recorded only while voting or counting.')));
      }
      const { issued, collected } = ctx.body;
      if (round.present !== null && issued > round.present) {
        return err(unprocessable(ruleError('ballots.over-present', `Số phiếu phát ra (${issued}) vượt số đại biểu có mặt (${round.present}).`, `Ballots issued (${issued}) exceed those present (${round.present}).`, 'body.issued')));
      }
      if (collected !== null && collected > issued) {
        return err(unprocessable(ruleError('ballots.over-issued', `Số phiếu thu về (${collected}) vượt số phiếu phát ra (${issued}).`, `Ballots collected (${collected}) exceed those issued (${issued}).`, 'body.collected')));
      }
      await trx.updateTable('election_rounds').set({ ballots_issued: issued, ballots_collected: collected, updated_at: nowIso(deps) }).where('id', '=', round.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'round.ballots', subject: `round:${round.id}`, payload: { issued, collected } });
      return ok(json({ issued, collected }));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  congressRoute(app, deps, { method: 'POST', url: `${R}/count`, params: RoundParams, body: CountBody, bodyLimit: 16 * 1024 * 1024 }, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await load(trx, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const { election, round } = l.value;
      if (round.status !== 'counting') {
        const legal = checkTransition(round.status, 'counted');
        return err(conflict(legal.ok ? ruleError('count.state', 'Vòng bầu chưa ở bước kiểm phiếu.', 'The round is not being counted.') : legal.error));
      }
      // A round counted in batches (routes/counting.ts) is finished from its reconciled batches, never from a pile.
      if ((await trx.selectFrom('counting_batches').select('id').where('round_id', '=', round.id).limit(1).executeTakeFirst()) !== undefined) {
        return err(conflict(ruleError('count.in-batches', 'Vòng bầu này đang kiểm phiếu theo tập: kết thúc bằng "Kết thúc kiểm phiếu" từ các tập đã đối chiếu.',
          'This round is counted in batches: finish it from its reconciled batches (POST …/counting/finish).')));
      }
      const ballots = ctx.body.ballots as readonly Ballot[];
      if (round.ballots_collected !== null && ballots.length !== round.ballots_collected) {
        return err(unprocessable(ruleError('count.collected-mismatch', `Số phiếu kiểm (${ballots.length}) khác số phiếu thu về (${round.ballots_collected}).`,
          `Ballots counted (${ballots.length}) differ from ballots collected (${round.ballots_collected}).`, 'body.ballots')));
      }
      const cs = listed(await roundCandidates(trx, round.id));
      const spec = {
        kind: election.kind, seats: round.seats, alternateSeats: round.alternate_seats, base: round.base ?? 0, present: round.present ?? undefined,
        candidates: cs.map((c) => ({ id: String(c.id), name: c.full_name })), settings: countSettingsOf(election),
      };
      const outcome = countBallots(spec, ballots);
      if (!outcome.ok) return err(unprocessable({ ...outcome.error, ...(outcome.error.field === undefined ? {} : { field: `body.${outcome.error.field}` }) }));
      const moved = await moveRound(trx, ctx, ctx.congress.id, round, 'counted', { result: JSON.stringify(outcome.value) }, nowIso(deps));
      if (!moved.ok) return moved;
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'round.count', subject: `round:${round.id}`,
        payload: { ballots: ballots.length, outcome: outcome.value.type, valid: outcome.value.count.ballots.valid } });
      return ok(json(outcome.value));
    }, ev(ctx.congress.id, ctx.params.electionId)));
};
