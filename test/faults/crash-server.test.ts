/**
 * Crash: the HTTP server is killed with SIGKILL while four operators type ballots through the counting
 * API and four desks check delegates in; a new server on the same database then has every acknowledged write,
 * nothing doubled, an intact audit chain; each client retries its one unanswered request with the same request
 * id / card and gets exactly one effect (201 if it had not been written, "duplicate" / "already checked in" if it
 * had); the batches are then finished and reconcile. On SQLite (WAL, synchronous FULL) and PostgreSQL.
 *
 * (test/store/crash.test.ts kills a bare check-in writer; this kills the real server process.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MyBatchView, ReconciliationView } from '../../src/api/counting.ts';
import { verifyAuditChain } from '../../src/store/audit.ts';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { insertFaultCongress, send, typed, type FaultCongress, type Staff } from './support.ts';

const PER_BATCH = 24;
const KILL_AFTER = { ballots: 16, checkins: 12 };
const DELEGATES = 48;

describeEachDatabase('faults: SIGKILL of the server in the middle of ballot entry and check-ins', (db) => {
  let server: RunningServer | null = null;
  let k: FaultCongress;
  beforeAll(async () => {
    k = await insertFaultCongress(db.db, 'sap-may', DELEGATES);
    server = await startServer(db.database.env);
  });
  afterAll(async () => { await server?.stop(); });

  it('keeps every acknowledged ballot and check-in, doubles nothing, and resumes to a reconciled count', async () => {
    const s1 = server!;
    const { R, C, staff } = k;
    expect((await send(s1.url, 'POST', `${R}/counting`, staff.head, { issued: 200, collected: 200 })).status).toBe(200);
    for (const b of [1, 2]) expect((await send(s1.url, 'POST', `${R}/batches`, staff.head, { label: `Hòm ${b}`, physicalCount: PER_BATCH })).status).toBe(201);
    // Two operators per batch (double entry), each at their own terminal.
    const operators: Array<{ who: Staff; batch: number; terminal: string }> = [
      { who: staff.op1, batch: 1, terminal: 'may-1' }, { who: staff.op2, batch: 1, terminal: 'may-2' },
      { who: staff.op3, batch: 2, terminal: 'may-3' }, { who: staff.op4, batch: 2, terminal: 'may-4' },
    ];
    for (const o of operators) expect((await send(s1.url, 'POST', `${R}/batches/${o.batch}/entries`, o.who, {}, o.terminal)).status).toBe(201);

    // Acknowledged writes, and the one request per client that was in flight when the server died.
    const ackedBallots = new Map<string, string>(); // "operator#position" → text
    const ackedCheckins = new Map<number, number>(); // delegate index → checkin id
    const pendingBallot = new Map<number, number>(); // operator index → position in flight
    const pendingCheckin = new Map<number, number>(); // desk → delegate index in flight
    let killed = false;
    const kill = (): void => {
      if (killed || ackedBallots.size < KILL_AFTER.ballots || ackedCheckins.size < KILL_AFTER.checkins) return;
      killed = true;
      process.kill(s1.pid, 'SIGKILL');
    };
    const typing = operators.map(async (o, i) => {
      for (let p = 1; p <= PER_BATCH && !killed; p++) {
        pendingBallot.set(i, p);
        const text = typed(o.batch * 1000 + p);
        const r = await send(s1.url, 'POST', `${R}/batches/${o.batch}/ballots`, o.who, { position: p, text, requestId: `${o.who.name}-p${p}` }, o.terminal)
          .catch(() => null);
        if (r === null) return;
        expect(r.status).toBe(201);
        pendingBallot.delete(i);
        ackedBallots.set(`${o.who.name}#${p}`, text);
        kill();
      }
    });
    let nextDelegate = 0;
    const desks = [0, 1, 2, 3].map(async (desk) => {
      while (!killed && nextDelegate < DELEGATES) {
        const d = nextDelegate++;
        pendingCheckin.set(desk, d);
        const r = await send<{ id: number }>(s1.url, 'POST', `${C}/sessions/${k.sessionId}/checkins`, staff.secretariat, { cardToken: k.cardTokens[d], desk: `Bàn ${desk + 1}` })
          .catch(() => null);
        if (r === null) return;
        expect(r.status).toBe(201);
        pendingCheckin.delete(desk);
        ackedCheckins.set(d, r.body.id);
        kill();
      }
    });
    await Promise.all([...typing, ...desks]);
    expect(killed).toBe(true);
    // The kill came while the other clients were waiting for answers: there is something to retry.
    expect(pendingBallot.size + pendingCheckin.size).toBeGreaterThan(0);
    await s1.stop();

    // What the database holds after the crash, before any new request.
    const events = await db.db.selectFrom('counting_events').select(['batch_id', 'seq', 'type', 'event', 'request_id'])
      .where('round_id', '=', k.roundId).orderBy('batch_id').orderBy('seq').execute();
    const entered = events.filter((e) => e.type === 'ballot-entered').map((e) => JSON.parse(e.event) as { operator: string; position: number; text?: string });
    const keys = entered.map((e) => `${e.operator}#${e.position}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [key, text] of ackedBallots) expect(entered.find((e) => `${e.operator}#${e.position}` === key)?.text, key).toBe(text);
    expect(entered.length - ackedBallots.size).toBeLessThanOrEqual(pendingBallot.size);
    for (const batchId of new Set(events.map((e) => e.batch_id))) {
      const seqs = events.filter((e) => e.batch_id === batchId).map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    const rows = await db.db.selectFrom('checkins').select(['id', 'delegate_id']).where('session_id', '=', k.sessionId).execute();
    expect(new Set(rows.map((r) => r.delegate_id)).size).toBe(rows.length);
    for (const [d, id] of ackedCheckins) expect(rows.find((r) => r.delegate_id === k.delegateIds[d])?.id).toBe(id);
    expect(rows.length - ackedCheckins.size).toBeLessThanOrEqual(pendingCheckin.size);
    const chain = await verifyAuditChain(db.db);
    expect(chain.ok, JSON.stringify(chain)).toBe(true);

    // A new server on the same database; every client retries its unanswered request, then carries on.
    const s2 = await startServer(db.database.env);
    server = s2;
    for (const [i, p] of pendingBallot) {
      const o = operators[i]!;
      const r = await send<{ duplicate: boolean }>(s2.url, 'POST', `${R}/batches/${o.batch}/ballots`, o.who,
        { position: p, text: typed(o.batch * 1000 + p), requestId: `${o.who.name}-p${p}` }, o.terminal);
      const wasWritten = entered.some((e) => e.operator === o.who.name && e.position === p);
      expect(r.status, JSON.stringify(r.body)).toBe(wasWritten ? 200 : 201);
      expect(r.body.duplicate).toBe(wasWritten);
      ackedBallots.set(`${o.who.name}#${p}`, typed(o.batch * 1000 + p));
    }
    for (const [, d] of pendingCheckin) {
      const r = await send<{ error?: { code: string; message_vi: string } }>(s2.url, 'POST', `${C}/sessions/${k.sessionId}/checkins`, staff.secretariat, { cardToken: k.cardTokens[d], desk: 'Bàn 9' });
      const wasWritten = rows.some((x) => x.delegate_id === k.delegateIds[d]);
      expect(r.status).toBe(wasWritten ? 409 : 201);
      if (wasWritten) expect(r.body.error?.message_vi).toMatch(/đã điểm danh lúc/u);
    }
    for (const [i, o] of operators.entries()) {
      const mine = await send<MyBatchView>(s2.url, 'GET', `${R}/batches/${o.batch}`, o.who);
      const have = mine.body.myLines.length;
      expect(mine.body.myLines.map((l) => l.position)).toEqual(Array.from({ length: have }, (_, j) => j + 1));
      for (let p = have + 1; p <= PER_BATCH; p++) {
        const r = await send(s2.url, 'POST', `${R}/batches/${o.batch}/ballots`, o.who, { position: p, text: typed(o.batch * 1000 + p), requestId: `${o.who.name}-p${p}` }, o.terminal);
        expect(r.status, `operator ${i + 1} position ${p}`).toBe(201);
      }
      expect((await send(s2.url, 'POST', `${R}/batches/${o.batch}/close`, o.who, { ballots: PER_BATCH })).status).toBe(200);
    }
    for (const b of [1, 2]) {
      const rec = await send<ReconciliationView>(s2.url, 'GET', `${R}/batches/${b}/reconciliation`, staff.head);
      expect(rec.status).toBe(200);
      // Both operators typed the same pile: after the crash and the retries they still agree on every ballot.
      expect(rec.body.disagreements).toEqual([]);
      expect(rec.body.final).toBe(true);
    }
    const verify = await send<{ ok: boolean }>(s2.url, 'GET', `${R}/input-log/verify`, staff.head);
    expect(verify.body.ok).toBe(true);
    const all = await db.db.selectFrom('checkins').select('delegate_id').where('session_id', '=', k.sessionId).execute();
    expect(new Set(all.map((r) => r.delegate_id)).size).toBe(all.length);
  });
});
