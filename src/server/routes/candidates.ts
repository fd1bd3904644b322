/** A round's list: candidates, withdrawals (decided by a vote), the opinion poll, the surplus. */
import type { FastifyInstance } from 'fastify';
import { API } from '../../api/contract.ts';
import { admitByPoll, canAddDelegate, canAddPerson, canRequestWithdrawal, decideWithdrawal, roundSurplus } from '../../elections/index.ts';
import { err, ok } from '../../rules/index.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { candidateFacts, loadRound, loadRoundFacts, reorderCandidates, roundFacts } from '../election-data.ts';
import { fromRefusal, notFound } from '../problems.ts';
import { json, serve } from '../route.ts';
import { nowIso, transact } from '../tx.ts';
import { candidateView, voteView } from '../views.ts';
import { recordVote } from '../votes.ts';

export const candidateRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const ev = (congressId: number, id: number) => [{ congressId, kind: 'election' as const, id }];

  serve(app, deps, API.addCandidate, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await loadRoundFacts(trx, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const { round, facts } = l.value;
      const b = ctx.body;
      let person: { delegateId: number | null; fullName: string; birthDate: string | null };
      if ('delegateId' in b) {
        const d = await trx.selectFrom('delegates').select(['id', 'full_name', 'birth_date']).where('id', '=', b.delegateId).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
        if (d === undefined) return err(notFound('đại biểu', 'Delegate', 'body.delegateId'));
        const can = canAddDelegate(facts, { id: d.id, name: d.full_name });
        if (!can.ok) return err(fromRefusal(can.error));
        person = { delegateId: d.id, fullName: d.full_name, birthDate: d.birth_date };
      } else {
        const can = canAddPerson(facts);
        if (!can.ok) return err(fromRefusal(can.error));
        person = { delegateId: null, fullName: b.fullName.normalize('NFC'), birthDate: b.birthDate };
      }
      const top = await trx.selectFrom('candidates').select((eb) => eb.fn.max('position').as('p')).where('round_id', '=', round.id).executeTakeFirst();
      const row = await trx.insertInto('candidates').values({
        round_id: round.id, congress_id: ctx.congress.id, delegate_id: person.delegateId, full_name: person.fullName,
        birth_date: person.birthDate, source: b.source, position: (top?.p ?? 0) + 1, status: 'listed', withdrawal_vote_id: null, poll_agree: null,
      }).returningAll().executeTakeFirstOrThrow();
      await reorderCandidates(trx, round.id);
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'candidate.add', subject: `candidate:${row.id}`, payload: { ...person, source: b.source } });
      const fresh = await trx.selectFrom('candidates').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
      return ok(json(candidateView(fresh), 201));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  serve(app, deps, API.requestWithdrawal, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await loadRound(trx, ctx.congress.id, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const c = await trx.selectFrom('candidates').selectAll().where('id', '=', ctx.params.id).where('round_id', '=', l.value.round.id).executeTakeFirst();
      const can = canRequestWithdrawal(l.value.round, c === undefined ? undefined : candidateFacts(c));
      if (!can.ok) return err(fromRefusal(can.error));
      const r = await trx.updateTable('candidates').set({ status: 'withdrawal-requested' })
        .where('id', '=', ctx.params.id).where('status', '=', 'listed').returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'candidate.withdrawal-request', subject: `candidate:${r.id}`, payload: {} });
      return ok(json(candidateView(r)));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  serve(app, deps, API.decideWithdrawal, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await loadRound(trx, ctx.congress.id, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const c = await trx.selectFrom('candidates').selectAll().where('id', '=', ctx.params.id).where('round_id', '=', l.value.round.id).executeTakeFirst();
      if (c === undefined) return err(notFound('người trong danh sách', 'Candidate', 'params.id'));
      const pending = decideWithdrawal(candidateFacts(c), false);
      if (!pending.ok) return err(fromRefusal(pending.error));
      const vote = await recordVote(trx, ctx.congress, ctx, {
        subject: `Cho đồng chí ${c.full_name} rút khỏi danh sách bầu cử`, kind: 'withdrawal', electionId: l.value.election.id, candidateId: c.id, ...ctx.body,
      }, nowIso(deps));
      if (!vote.ok) return vote;
      const decided = decideWithdrawal(candidateFacts(c), vote.value.passed === 1);
      if (!decided.ok) return err(fromRefusal(decided.error));
      const status = decided.value;
      await trx.updateTable('candidates').set({ status, withdrawal_vote_id: vote.value.id }).where('id', '=', c.id).where('status', '=', 'withdrawal-requested').execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: status === 'withdrawn' ? 'candidate.withdrawal-granted' : 'candidate.withdrawal-refused', subject: `candidate:${c.id}`, payload: { vote: vote.value.id } });
      return ok(json({ vote: voteView(vote.value), status }));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  serve(app, deps, API.recordPoll, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await loadRound(trx, ctx.congress.id, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const admission = admitByPoll(await roundFacts(trx, ctx.congress, l.value.election, l.value.round), ctx.body);
      if (!admission.ok) return err(fromRefusal(admission.error));
      const admitted = new Set([...admission.value.admitted, ...admission.value.tied]);
      for (const r of ctx.body.results) {
        await trx.updateTable('candidates').set({ poll_agree: r.agree, status: admitted.has(String(r.candidateId)) ? 'listed' : 'not-admitted' })
          .where('id', '=', r.candidateId).execute();
      }
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'round.poll', subject: `round:${l.value.round.id}`, payload: { ...ctx.body, admission: admission.value } });
      return ok(json({ present: ctx.body.present, ...admission.value }));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  serve(app, deps, API.surplus, async (ctx) => {
    const l = await loadRound(deps.db, ctx.congress.id, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    return ok(json(roundSurplus(await roundFacts(deps.db, ctx.congress, l.value.election, l.value.round))));
  });
};
