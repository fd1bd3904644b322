/**
 * Concurrency: the same action sent twice at the same moment has exactly one effect, and the loser is
 * told why in Vietnamese. On PostgreSQL the two requests go to two server instances on one database (as behind a
 * load balancer), so the guarantee rests on the database, not on one process's memory; on SQLite (one instance by
 * design) both go to the one server. Each race is run several times, so a lucky ordering cannot pass it.
 *
 * Single races inside one instance are also in test/api (congress-items: one card at two desks; flow: one
 * transition; counting-refusals: one ballot position, in-process).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countBallots, defaultCountSettings } from '../../src/rules/index.ts';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { insertFaultCongress, send, typed, type Answer, type FaultCongress } from './support.ts';

type Refusal = { error: { code: string; message_vi: string; message_en: string } };
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

/** The one winner and the one loser of a pair; the loser's refusal must be clear (code, Vietnamese first, English). */
const oneEach = <T>(pair: readonly [Answer<T>, Answer<T>], won: number, lost: number): { winner: Answer<T>; loser: Refusal } => {
  expect(pair.map((r) => r.status).sort(), JSON.stringify(pair.map((r) => r.body))).toEqual([won, lost].sort());
  const loser = pair.find((r) => r.status === lost)!.body as unknown as Refusal;
  expect(loser.error.message_vi).toMatch(VIETNAMESE);
  expect(loser.error.message_en.length).toBeGreaterThan(0);
  return { winner: pair.find((r) => r.status === won)!, loser };
};

describeEachDatabase('faults: the same action twice at once', (db) => {
  let a: RunningServer;
  let b: RunningServer;
  let k: FaultCongress;
  beforeAll(async () => {
    k = await insertFaultCongress(db.db, 'dong-thoi', 12);
    a = await startServer(db.database.env);
    b = db.dialect === 'postgres' ? await startServer(db.database.env) : a;
  });
  afterAll(async () => {
    await a?.stop();
    if (b !== a) await b?.stop();
  });

  it('the same card at two desks: one check-in, the other told when and where (8 cards)', async () => {
    const { C, staff } = k;
    for (let d = 0; d < 8; d++) {
      const pair = await Promise.all([
        send(a.url, 'POST', `${C}/sessions/${k.sessionId}/checkins`, staff.secretariat, { cardToken: k.cardTokens[d], desk: 'Bàn A' }),
        send(b.url, 'POST', `${C}/sessions/${k.sessionId}/checkins`, staff.admin, { cardToken: k.cardTokens[d], desk: 'Bàn B' }),
      ] as const);
      const { loser } = oneEach(pair, 201, 409);
      expect(loser.error.code).toBe('checkin.already');
      expect(loser.error.message_vi).toMatch(/^Đại biểu .+ đã điểm danh lúc \d\d:\d\d tại Bàn [AB]\.$/u);
    }
    const rows = await db.db.selectFrom('checkins').select('delegate_id').where('session_id', '=', k.sessionId).execute();
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.delegate_id)).size).toBe(8);
    const audited = await db.db.selectFrom('audit_log').select('id').where('action', '=', 'checkin').where('congress_id', '=', k.congressId).execute();
    expect(audited).toHaveLength(8);
  });

  it('two terminals sending the same ballot: one entered, the other refused or told it is a duplicate', async () => {
    const { R, staff } = k;
    expect((await send(a.url, 'POST', `${R}/counting`, staff.head, { issued: 100, collected: 100 })).status).toBe(200);
    expect((await send(a.url, 'POST', `${R}/batches`, staff.head, { label: 'Hòm 1', physicalCount: 20 })).status).toBe(201);
    const B = `${R}/batches/1`;
    // The same operator opening the entry from two terminals at once: one entry.
    const open = await Promise.all([send(a.url, 'POST', `${B}/entries`, staff.op1, {}, 'may-1'), send(b.url, 'POST', `${B}/entries`, staff.op1, {}, 'may-2')] as const);
    const opened = oneEach(open, 201, 409);
    expect(['entry.same-operator', 'entry.other-terminal']).toContain(opened.loser.error.code);
    const terminal = (opened.winner.body as { terminal: string }).terminal;
    expect(['may-1', 'may-2']).toContain(terminal);
    for (let p = 1; p <= 6; p++) {
      // A retry racing its original (same request id): one ballot; the other answer says "duplicate".
      const same = await Promise.all([a, b].map((s) => send<{ duplicate?: boolean }>(s.url, 'POST', `${B}/ballots`, staff.op1,
        { position: p, text: typed(p), requestId: `dong-thoi-p${p}-x` }, terminal)));
      expect(same.map((r) => r.status).sort()).toEqual([200, 201]);
      expect(same.map((r) => r.body.duplicate).sort()).toEqual([false, true]);
    }
    for (let p = 7; p <= 12; p++) {
      // Two different ballots for the same place in the stack: one entered, the other refused with the reason.
      const pair = await Promise.all([a, b].map((s, i) => send(s.url, 'POST', `${B}/ballots`, staff.op1,
        { position: p, text: typed(p * 10 + i), requestId: `dong-thoi-p${p}-${i}x` }, terminal)));
      const { loser } = oneEach(pair as [Answer, Answer], 201, 409);
      expect(loser.error.code).toBe('entry.position-taken');
      expect(loser.error.message_vi).toContain(`Phiếu thứ ${p} của tập "Hòm 1" đã được ghi`);
    }
    const events = await db.db.selectFrom('counting_events').select(['seq', 'type', 'event']).where('round_id', '=', k.roundId).orderBy('seq').execute();
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const positions = events.filter((e) => e.type === 'ballot-entered').map((e) => (JSON.parse(e.event) as { position: number }).position);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(events.filter((e) => e.type === 'entry-opened')).toHaveLength(1);
  });

  it('two staff making the same round transition at once: one move, one audit entry, the other told why', async () => {
    const { staff } = k;
    // A second election of the same congress, at `voting`, counted from a pile (no batches).
    const election = await db.db.insertInto('elections').values({
      congress_id: k.congressId, kind: 'inspection-committee', title: 'Bầu Ủy ban Kiểm tra', seats: 1, alternate_seats: 0, max_surplus: 1,
      parent_round_id: null, counting_board_id: null, settings: '{}', approved_at: null, approval_reference: null, created_at: new Date().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    const round = await db.db.insertInto('election_rounds').values({
      election_id: election.id, congress_id: k.congressId, number: 1, seats: 1, alternate_seats: 0, status: 'voting', base: 10, present: 10,
      ballots_issued: null, ballots_collected: null, result: null, decision: null, counted_by: null, hand_count: null, updated_at: new Date().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    const cands: number[] = [];
    for (const [i, name] of ['Lê Văn Bình', 'Trần Thị Cúc'].entries()) {
      cands.push((await db.db.insertInto('candidates').values({ round_id: round.id, congress_id: k.congressId, delegate_id: null, full_name: name,
        birth_date: null, source: 'committee-list', position: i + 1, status: 'listed', withdrawal_vote_id: null, poll_agree: null }).returning('id').executeTakeFirstOrThrow()).id);
    }
    const R2 = `${k.C}/elections/${election.id}/rounds/1`;
    expect((await send(a.url, 'PUT', `${R2}/ballots`, staff.admin, { issued: 10, collected: 10 })).status).toBe(200);
    const race = async (body: Record<string, unknown>): Promise<Refusal> => {
      const pair = await Promise.all([send(a.url, 'POST', `${R2}/transition`, staff.admin, body), send(b.url, 'POST', `${R2}/transition`, staff.secretariat, body)] as const);
      const { loser } = oneEach(pair, 200, 409);
      expect(['round.already', 'round.concurrent', 'round.illegal-transition']).toContain(loser.error.code);
      return loser;
    };
    await race({ to: 'counting' });
    // The count itself is the board's (tested in the counting suites): here the round is stored as counted.
    const ballots = Array.from({ length: 10 }, (_, i) => ({ struck: i < 3 ? [String(cands[0])] : [] }));
    const outcome = countBallots({ kind: 'inspection-committee', seats: 1, alternateSeats: 0, base: 10, settings: defaultCountSettings,
      candidates: cands.map((id, i) => ({ id: String(id), name: `Người ${i + 1}` })) }, ballots);
    if (!outcome.ok) throw new Error(outcome.error.message_en);
    await db.db.updateTable('election_rounds').set({ status: 'counted', result: JSON.stringify(outcome.value), counted_by: 'batches' }).where('id', '=', round.id).execute();
    await race({ to: 'published' });
    await race({ to: 'approved', reference: 'Quyết định số 45-QĐ/TU' });
    const moves = await db.db.selectFrom('audit_log').select('payload').where('action', '=', 'round.transition').where('subject', '=', `round:${round.id}`)
      .orderBy('id').execute();
    expect(moves.map((m) => (JSON.parse(m.payload) as { to: string }).to)).toEqual(['counting', 'published', 'approved']);
    const final = await db.db.selectFrom('election_rounds').select('status').where('id', '=', round.id).executeTakeFirstOrThrow();
    expect(final.status).toBe('approved');
  });
});
