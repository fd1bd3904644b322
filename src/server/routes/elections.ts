/** Elections: create, read, the maximum surplus (voted), the counting board, further rounds. */
import type { FastifyInstance } from 'fastify';
import { API } from '../../api/contract.ts';
import { canAssignBoard, planNextRound } from '../../elections/index.ts';
import { checkElectionSpec, err, lawfulMaxSurplus, ok, readStoredOutcome, ruleError, surplusApplies } from '../../rules/index.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import {
  boardFacts, candidateFacts, countSettingsOf, electionFacts, electionView, findElection, loadElection, roundCandidates,
} from '../election-data.ts';
import { conflict, fromRefusal, notFound, unprocessable } from '../problems.ts';
import { json, serve } from '../route.ts';
import { readSettings } from '../settings.ts';
import { nowIso, transact } from '../tx.ts';
import { voteView } from '../views.ts';
import { recordVote } from '../votes.ts';

export const electionRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const ev = (congressId: number, id: number) => [{ congressId, kind: 'election' as const, id }];

  serve(app, deps, API.listElections, async (ctx) => {
    const rows = await deps.db.selectFrom('elections').selectAll().where('congress_id', '=', ctx.congress.id).orderBy('id').execute();
    const views = [];
    for (const e of rows) views.push(await electionView(deps.db, e, ctx));
    return ok(json(views));
  });

  serve(app, deps, API.createElection, async (ctx) => {
    const b = ctx.body;
    const settings = readSettings(ctx.congress).count;
    const spec = checkElectionSpec({ kind: b.kind, seats: b.seats, alternateSeats: b.alternateSeats, base: 1, present: 1, candidates: [{ id: 'x', name: 'x' }], settings });
    if (!spec.ok) return err(unprocessable({ ...spec.error, field: `body.${spec.error.field?.replace('election.', '') ?? 'seats'}` }));
    let id = 0;
    return transact(deps, async (trx) => {
      const now = nowIso(deps);
      const e = await trx.insertInto('elections').values({
        congress_id: ctx.congress.id, kind: b.kind, title: b.title, seats: b.seats, alternate_seats: b.alternateSeats, max_surplus: null,
        parent_round_id: null, counting_board_id: null, settings: JSON.stringify(settings), approved_at: null, approval_reference: null, created_at: now,
      }).returningAll().executeTakeFirstOrThrow();
      id = e.id;
      await trx.insertInto('election_rounds').values({
        election_id: e.id, congress_id: ctx.congress.id, number: 1, seats: b.seats, alternate_seats: b.alternateSeats, status: 'draft',
        base: null, present: null, ballots_issued: null, ballots_collected: null, result: null, decision: null, counted_by: null, hand_count: null, updated_at: now,
      }).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'election.create', subject: `election:${e.id}`, payload: { ...b, settings } });
      return ok(json(await electionView(trx, e, ctx), 201));
    }, () => ev(ctx.congress.id, id));
  });

  serve(app, deps, API.getElection, async (ctx) => {
    const e = await loadElection(deps.db, ctx.congress.id, ctx.params.electionId);
    return e.ok ? ok(json(await electionView(deps.db, e.value, ctx))) : e;
  });

  // Everything the list's approval relies on is frozen once a round's list is approved (docs/rules.md §4).
  serve(app, deps, API.updateElection, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await loadElection(trx, ctx.congress.id, ctx.params.electionId);
      if (!l.ok) return l;
      const e = l.value;
      const rounds = await trx.selectFrom('election_rounds').select(['id', 'number', 'status']).where('election_id', '=', e.id).orderBy('number').execute();
      if (rounds.length !== 1 || rounds[0]!.status !== 'draft') {
        return err(conflict(ruleError('election.frozen', 'Danh sách bầu cử đã được thông qua: số lượng và các thiết lập không sửa được nữa.',
          'The election list is approved: the seats and settings can no longer be changed.')));
      }
      const b = ctx.body;
      const seats = b.seats ?? e.seats;
      const alternateSeats = b.alternateSeats ?? e.alternate_seats;
      const settings = { ...countSettingsOf(e), ...(b.settings ?? {}) };
      const spec = checkElectionSpec({ kind: e.kind, seats, alternateSeats, base: 1, present: 1, candidates: [{ id: 'x', name: 'x' }], settings });
      if (!spec.ok) return err(unprocessable({ ...spec.error, field: `body.${spec.error.field?.replace('election.', '') ?? 'seats'}` }));
      await trx.updateTable('elections').set({
        title: b.title ?? e.title, seats, alternate_seats: alternateSeats, settings: JSON.stringify(settings),
      }).where('id', '=', e.id).execute();
      await trx.updateTable('election_rounds').set({ seats, alternate_seats: alternateSeats, updated_at: nowIso(deps) }).where('id', '=', rounds[0]!.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'election.update', subject: `election:${e.id}`,
        payload: { before: { title: e.title, seats: e.seats, alternateSeats: e.alternate_seats, settings: countSettingsOf(e) }, change: { ...b } } });
      return ok(json(await electionView(trx, (await findElection(trx, ctx.congress.id, e.id))!, ctx)));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  serve(app, deps, API.setElectionAgendaItem, async (ctx) =>
    transact(deps, async (trx) => {
      const e = await loadElection(trx, ctx.congress.id, ctx.params.electionId);
      if (!e.ok) return e;
      const itemId = ctx.body.agendaItemId;
      if (itemId !== null) {
        const item = await trx.selectFrom('agenda_items').select('id').where('id', '=', itemId).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
        if (item === undefined) return err(notFound('mục chương trình', 'Agenda item', 'body.agendaItemId'));
      }
      await trx.updateTable('elections').set({ agenda_item_id: itemId }).where('id', '=', e.value.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'election.agenda-item', subject: `election:${e.value.id}`,
        payload: { agendaItemId: itemId, previous: e.value.agenda_item_id } });
      return ok(json(await electionView(trx, (await findElection(trx, ctx.congress.id, e.value.id))!, ctx)));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  serve(app, deps, API.setMaxSurplus, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await loadElection(trx, ctx.congress.id, ctx.params.electionId);
      if (!l.ok) return l;
      const e = l.value;
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

  serve(app, deps, API.setCountingBoard, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await loadElection(trx, ctx.congress.id, ctx.params.electionId);
      if (!l.ok) return l;
      const e = l.value;
      const body = await trx.selectFrom('bodies').select(['id', 'kind']).where('id', '=', ctx.body.bodyId).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      const board = body?.kind === 'counting-board' ? await boardFacts(trx, body.id) : null;
      if (board === null) return err(notFound('Ban Kiểm phiếu', 'Counting board', 'body.bodyId'));
      const rounds = await trx.selectFrom('election_rounds').select(['id', 'status']).where('election_id', '=', e.id).execute();
      const facts = [];
      for (const r of rounds) facts.push({ status: r.status, candidates: (await roundCandidates(trx, r.id)).map(candidateFacts) });
      const can = canAssignBoard(board, facts);
      if (!can.ok) return err(fromRefusal(can.error));
      await trx.updateTable('elections').set({ counting_board_id: board.id }).where('id', '=', e.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'election.counting-board', subject: `election:${e.id}`, payload: { bodyId: board.id } });
      return ok(json({ electionId: e.id, countingBoardId: board.id }));
    }, ev(ctx.congress.id, ctx.params.electionId)));

  serve(app, deps, API.createRound, async (ctx) =>
    transact(deps, async (trx) => {
      const l = await loadElection(trx, ctx.congress.id, ctx.params.electionId);
      if (!l.ok) return l;
      const e = l.value;
      const rows = await trx.selectFrom('election_rounds').selectAll().where('election_id', '=', e.id).orderBy('number').execute();
      const rounds = [];
      for (const r of rows) rounds.push({ number: r.number, status: r.status, result: readStoredOutcome(r.result), candidates: await roundCandidates(trx, r.id) });
      const plan = planNextRound(electionFacts(e), rounds.map((r) => ({ ...r, candidates: r.candidates.map(candidateFacts) })), ctx.body);
      if (!plan.ok) return err(fromRefusal(plan.error));
      const last = rounds[rounds.length - 1]!;
      const carried = new Set(plan.value.map((c) => c.id));
      const carry = last.candidates.filter((c) => carried.has(c.id));
      const now = nowIso(deps);
      const round = await trx.insertInto('election_rounds').values({
        election_id: e.id, congress_id: ctx.congress.id, number: last.number + 1, seats: ctx.body.seats, alternate_seats: ctx.body.alternateSeats,
        status: 'draft', base: null, present: null, ballots_issued: null, ballots_collected: null, result: null, decision: null,
        counted_by: null, hand_count: null, updated_at: now,
      }).returningAll().executeTakeFirstOrThrow();
      for (const [i, c] of carry.entries()) {
        await trx.insertInto('candidates').values({
          round_id: round.id, congress_id: ctx.congress.id, delegate_id: c.delegate_id, full_name: c.full_name, birth_date: c.birth_date,
          source: c.source, position: i + 1, status: 'listed', withdrawal_vote_id: null, poll_agree: c.poll_agree,
        }).execute();
      }
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'round.create', subject: `round:${round.id}`, payload: { ...ctx.body, carried: carry.map((c) => c.id) } });
      return ok(json(await electionView(trx, (await findElection(trx, ctx.congress.id, e.id))!, ctx), 201));
    }, ev(ctx.congress.id, ctx.params.electionId)));
};
