/**
 * The steps of a round's life through the API: the transitions the presidium takes (approve the list by a vote,
 * open voting, start counting, publish, record the higher committee's approval), the ballots issued and
 * collected, and the board's hand count. Each step asks src/elections, then stores and audits.
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../api/contract.ts';
import {
  canApproveList, canApproveResult, canOpenVotingOn, canHandCount, canOpenVoting, canPublish, canRecordBallots, canStartCounting, onList,
  type Refusal, type RoundFacts,
} from '../../elections/index.ts';
import { countFromTotals, err, ok, type Result } from '../../rules/index.ts';
import type { TransitionBody } from '../../api/elections.ts';
import { handCountToJson } from '../../store/hand-count-json.ts';
import { loadBaseSnapshot } from '../attendance.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { agendaFacts, countSettingsOf, electionView, findElection, loadRound, loadRoundFacts, roundFacts } from '../election-data.ts';
import { fromRefusal, unprocessable } from '../problems.ts';
import { json, serve } from '../route.ts';
import { writeRoundStatus } from '../round-store.ts';
import { nowIso, transact } from '../tx.ts';
import { voteView } from '../views.ts';
import { recordVote } from '../votes.ts';

/** Whether a transition may be taken now, by the rules of src/elections. */
const allowed = (facts: RoundFacts, to: TransitionBody['to']): Result<true, Refusal> => {
  switch (to) {
    case 'list-approved': return canApproveList(facts);
    case 'voting': return canOpenVoting(facts);
    case 'counting': return canStartCounting(facts);
    case 'published': return canPublish(facts);
    case 'approved': return canApproveResult(facts);
  }
};

export const roundStepRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const ev = (congressId: number, id: number, result = false) =>
    [{ congressId, kind: 'election' as const, id }, ...(result ? [{ congressId, kind: 'result' as const, id }] : [])];

  serve(app, deps, API.transition, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await loadRound(trx, ctx.congress.id, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const { election, round } = l.value;
      const b = ctx.body;
      const can = allowed(await roundFacts(trx, ctx.congress, election, round), b.to);
      if (!can.ok) return err(fromRefusal(can.error));
      // Voting opens under the election's own agenda item, or with the chair's reason (recorded with the round).
      const place = b.to === 'voting' ? canOpenVotingOn(await agendaFacts(trx, ctx.congress, election), b.override) : null;
      if (place !== null && !place.ok) return err(fromRefusal(place.error));
      const now = nowIso(deps);
      const viewOf = async () => (await electionView(trx, (await findElection(trx, ctx.congress.id, election.id))!, ctx)).rounds.find((r) => r.id === round.id)!;
      let vote = null;
      if (b.to === 'list-approved') {
        const v = await recordVote(trx, ctx.congress, ctx, { subject: `Thông qua danh sách bầu cử — ${election.title} (vòng ${round.number})`, kind: 'election-list',
          electionId: election.id, agree: b.agree, disagree: b.disagree, other: b.other }, now);
        if (!v.ok) return v;
        vote = voteView(v.value);
        if (v.value.passed === 0) return ok(json({ round: await viewOf(), vote }));
      }
      // N_base and those present are fixed when voting opens (docs/rules.md §1).
      const set = b.to === 'voting' && place?.ok === true
        ? { ...(await loadBaseSnapshot(trx, ctx.congress)), agenda_item_id: place.value.agendaItemId, open_override: place.value.override }
        : {};
      const moved = await writeRoundStatus(trx, ctx, ctx.congress.id, round, b.to, set, now);
      if (!moved.ok) return moved;
      if (place?.ok === true && place.value.override !== null) {
        await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'round.voting-override', subject: `round:${round.id}`,
          payload: { reason: place.value.override, agendaItemId: place.value.agendaItemId, electionItemId: election.agenda_item_id } });
      }
      if (b.to === 'approved') {
        await trx.updateTable('elections').set({ approved_at: now, approval_reference: b.reference }).where('id', '=', election.id).execute();
      }
      return ok(json({ round: await viewOf(), vote }));
    }, ev(ctx.congress.id, ctx.params.electionId, ctx.body.to === 'published')));

  serve(app, deps, API.setBallots, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await loadRound(trx, ctx.congress.id, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const { round } = l.value;
      const { issued, collected } = ctx.body;
      const can = canRecordBallots(await roundFacts(trx, ctx.congress, l.value.election, round), issued, collected);
      if (!can.ok) return err(fromRefusal(can.error));
      await trx.updateTable('election_rounds').set({ ballots_issued: issued, ballots_collected: collected, updated_at: nowIso(deps) }).where('id', '=', round.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'round.ballots', subject: `round:${round.id}`, payload: { issued, collected } });
      return ok(json({ issued, collected }));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  serve(app, deps, API.handCount, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await loadRoundFacts(trx, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const { election, round, facts } = l.value;
      const b = ctx.body;
      const inBatches = (await trx.selectFrom('counting_batches').select('id').where('round_id', '=', round.id).limit(1).executeTakeFirst()) !== undefined;
      const can = canHandCount(facts, inBatches, b.collected, b.signedBy);
      if (!can.ok) return err(fromRefusal(can.error));
      const listed = onList(facts.candidates);
      const outcome = countFromTotals({
        kind: election.kind, seats: round.seats, alternateSeats: round.alternate_seats, base: round.base ?? 0, present: round.present ?? undefined,
        candidates: listed.map((c) => ({ id: String(c.id), name: c.name })), settings: countSettingsOf(election),
      }, {
        total: b.collected, invalidByReason: b.invalidByReason, votes: new Map(b.votes.map((v) => [v.candidateId, v.votes])),
        ...(b.blank === undefined ? {} : { blank: b.blank }), ...(b.unrecognized === undefined ? {} : { unrecognized: b.unrecognized }),
      });
      if (!outcome.ok) return err(unprocessable(outcome.error));
      const now = nowIso(deps);
      const moved = await writeRoundStatus(trx, ctx, ctx.congress.id, round, 'counted',
        { result: JSON.stringify(outcome.value), counted_by: 'hand', hand_count: handCountToJson({ signedBy: b.signedBy, enteredBy: ctx.actor, at: now }) }, now);
      if (!moved.ok) return moved;
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'round.hand-count', subject: `round:${round.id}`,
        payload: { ...b, outcome: outcome.value.type } });
      return ok(json(outcome.value));
    }, ev(ctx.congress.id, ctx.params.electionId)));
};
