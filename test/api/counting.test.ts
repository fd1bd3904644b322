/**
 * The counting board's evening through the API, on SQLite and PostgreSQL: the seed congress's committee
 * election (27 names, 24 seats, 245 ballots) counted in batches of 50 by two operators per batch with injected
 * slips; the disagreements reach the board's queue, are ruled against the paper, the count is finished from the
 * final batches, equals the rules core's count of the true pile, is published, and the input log verifies.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { InputLogVerification, ReconciliationView, RoundResultView } from '../../src/api/counting.ts';
import type { ElectionView } from '../../src/api/elections.ts';
import { countingContext, formatEntry } from '../../src/counting/index.ts';
import { countBallots, defaultCountSettings, type Ballot, type ElectionSpec } from '../../src/rules/index.ts';
import { seedCongressCountFile, SEED_NAMES, seedId } from '../fixtures/seed-congress.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { call, setupCountingCongress, type CountingCongress } from './counting-support.ts';

const pile = seedCongressCountFile().ballots as readonly Ballot[];
const seedSpec: ElectionSpec = {
  kind: 'committee', seats: 24, alternateSeats: 0, base: 250, settings: defaultCountSettings,
  candidates: SEED_NAMES.map((name, i) => ({ id: seedId(i), name })),
};
const seedCtx = (() => {
  const r = countingContext(seedSpec);
  if (!r.ok) throw new Error(r.error.message_en);
  return r.value;
})();
/** What is on the paper, as typed (the keyboard syntax by row number, the same on the server's list). */
const lines = pile.map((b) => formatEntry(seedCtx, b));

/** The second operator's slips, by pile position: what they type instead of the true line. */
const slips = new Map<number, (line: string) => string>([
  [7, (l) => l.replace(/\d+$/u, (n) => String(Number(n) === 27 ? 1 : Number(n) + 1))],
  [60, (l) => `${l} /k`],
  [130, (l) => l.split(' ').slice(1).join(' ') || '0'],
  [243, () => '0'],
]);

describeEachDatabase('api: counting the seed congress', (db) => {
  let k: CountingCongress;
  beforeAll(async () => { k = await setupCountingCongress(db.db, db.dialect, 'kiem-phieu-seed'); });
  afterAll(async () => { await k.app.close(); });

  it('counts 245 ballots twice in 5 batches, queues every slip, rules, finishes, publishes; the log verifies', async () => {
    const { app, R, users } = k;
    const open = await call(app, 'POST', `${R}/counting`, users.head!, { issued: 250, collected: 245 });
    expect(open.status, open.text).toBe(200);
    expect(open.body).toMatchObject({ status: 'counting', form: 'strike-out', entriesRequired: 2, issued: 250, collected: 245 });

    const batchIds: string[] = [];
    for (let start = 0, n = 1; start < pile.length; start += 50, n++) {
      const size = Math.min(50, pile.length - start);
      const told = k.published.length;
      const b = await call<{ id: string; entriesRequired: number }>(app, 'POST', `${R}/batches`, users.head!, { label: `Tập ${n}`, physicalCount: size });
      expect(b.status, b.text).toBe(201);
      // Every console lists the new batch: it is told as a change of the election too.
      expect(k.published.slice(told)).toContainEqual({ congressId: k.congressId, kind: 'election', id: k.electionId });
      expect(b.body.entriesRequired).toBe(2);
      batchIds.push(b.body.id);
      const B = `${R}/batches/${b.body.id}`;
      expect((await call(app, 'POST', `${B}/entries`, users.an!, {}, 'may-1')).status).toBe(201);
      expect((await call(app, 'POST', `${B}/entries`, users.binh!, { terminal: 'may-2' })).status).toBe(201);
      for (let i = start; i < start + size; i++) {
        const position = i - start + 1;
        const a = await call(app, 'POST', `${B}/ballots`, users.an!, { position, text: lines[i] }, 'may-1');
        expect(a.status, a.text).toBe(201);
        const typed = slips.get(i)?.(lines[i]!) ?? lines[i]!;
        const c = await call(app, 'POST', `${B}/ballots`, users.binh!, { position, text: typed, requestId: `binh-${b.body.id}-${position}` }, 'may-2');
        expect(c.status, c.text).toBe(201);
      }
      expect((await call(app, 'POST', `${B}/close`, users.an!, { ballots: size })).status).toBe(200);
      expect((await call(app, 'POST', `${B}/close`, users.binh!, {})).status).toBe(200);
    }

    // Not final yet: finishing is refused and says why.
    const early = await call<{ error: { code: string; message_vi: string } }>(app, 'POST', `${R}/counting/finish`, users.head!);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('counting.incomplete');

    // The queue holds exactly the injected slips, side by side.
    const queue = await call<ReconciliationView[]>(app, 'GET', `${R}/reconciliation`, users.member!);
    expect(queue.status).toBe(200);
    const queued = queue.body.flatMap((r) => r.disagreements.map((d) => (Number(r.batchId) - 1) * 50 + d.position - 1));
    expect(queued).toEqual([...slips.keys()]);
    const first = queue.body[0]!.disagreements[0]!;
    expect(first.entries.map((e) => e.operator)).toEqual([users.an!.name, users.binh!.name]);
    expect(first.entries[0]!.text).toBe(lines[7]);
    expect(first.difference.rowsShown.length).toBeGreaterThan(0);

    // The board looks at the paper and rules each one.
    for (const r of queue.body) {
      for (const d of r.disagreements) {
        const i = (Number(r.batchId) - 1) * 50 + d.position - 1;
        const ruled = await call<ReconciliationView>(app, 'POST', `${R}/batches/${r.batchId}/rulings`, users.head!,
          { position: d.position, text: lines[i], reason: 'entry-slip', note: '' }, 'bkp');
        expect(ruled.status, ruled.text).toBe(201);
      }
    }
    const after = await call<ReconciliationView[]>(app, 'GET', `${R}/reconciliation`, users.head!);
    expect(after.body.every((r) => r.final && r.unruled === 0)).toBe(true);

    const provisional = await call<RoundResultView>(app, 'GET', `${R}/result`, users.head!);
    expect(provisional.body.complete).toBe(true);

    const finished = await call<RoundResultView>(app, 'POST', `${R}/counting/finish`, users.head!);
    expect(finished.status, finished.text).toBe(200);
    expect(finished.body.roundStatus).toBe('counted');
    expect(finished.body.next.type).toBe('stop');

    // The result equals the rules core's count of the true pile (with the server's candidate ids).
    const serverSpec: ElectionSpec = { ...seedSpec, candidates: k.candidateIds.map((id, i) => ({ id: String(id), name: SEED_NAMES[i]! })) };
    const toServer = new Map(k.candidateIds.map((id, i) => [seedId(i), String(id)]));
    const truePile = pile.map((b) => ('struck' in b ? { ...b, struck: b.struck.map((x) => toServer.get(x)!) } : b));
    const expected = countBallots(serverSpec, truePile);
    if (!expected.ok) throw new Error(expected.error.message_en);
    expect(finished.body.count).toEqual(JSON.parse(JSON.stringify(expected.value)));
    const stored = await db.db.selectFrom('election_rounds').select(['status', 'result']).where('id', '=', k.roundId).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.result!)).toEqual(JSON.parse(JSON.stringify(expected.value)));

    // Until it is published, the result is seen by those who run the congress and by this election's board only,
    // in the list of elections and in the election alike.
    const seesResult = async (who: string): Promise<boolean> => {
      const list = await call<ElectionView[]>(app, 'GET', `/api/congresses/${k.code}/elections`, users[who]!);
      const one = await call<ElectionView>(app, 'GET', `/api/congresses/${k.code}/elections/${k.electionId}`, users[who]!);
      // (a board of another election may not open this one; a user without a role, not even the list)
      const seen = [list.status === 200 ? list.body.find((e) => e.id === k.electionId)! : null, one.status === 200 ? one.body : null]
        .filter((e) => e !== null).map((e) => e.rounds[0]!.result !== null);
      expect(new Set(seen).size, who).toBeLessThanOrEqual(1);
      return seen[0] ?? false;
    };
    const insiders = ['head', 'member', 'presidium', 'secretariat', 'admin'];
    const outsiders = ['an', 'board-other', 'screen', 'no-role'];
    for (const who of insiders) expect(await seesResult(who), who).toBe(true);
    for (const who of outsiders) expect(await seesResult(who), who).toBe(false);

    // Published through the existing round transition.
    const published = await call(app, 'POST', `${R}/transition`, users.presidium!, { to: 'published' });
    expect(published.status, published.text).toBe(200);
    for (const who of outsiders.filter((w) => w !== 'no-role')) expect(await seesResult(who), who).toBe(true);
    expect((await db.db.selectFrom('election_rounds').select('status').where('id', '=', k.roundId).executeTakeFirstOrThrow()).status).toBe('published');

    // After the count nothing more can be entered.
    const late = await call<{ error: { code: string } }>(app, 'POST', `${R}/batches/1/ballots`, users.an!, { position: 51, text: '3' }, 'may-1');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('counting.not-open');

    // The input log: JSON, text, CSV; it replays, matches the audit log, and reproduces the stored result.
    const log = await call<{ lines: Array<{ action_vi: string }>; events: unknown[] }>(app, 'GET', `${R}/input-log`, users.head!);
    expect(log.status).toBe(200);
    const events = 5 + 5 * 2 + 2 * 245 + 5 * 2 + slips.size;
    expect(log.body.events).toHaveLength(events);
    expect(log.body.lines.filter((l) => l.action_vi === 'Ban Kiểm phiếu phán quyết')).toHaveLength(slips.size);
    const text = await call(app, 'GET', `${R}/input-log?format=text`, users.admin!);
    expect(text.headers['content-type']).toMatch(/text\/plain/u);
    expect(text.text).toContain('NHẬT KÝ NHẬP PHIẾU');
    expect(text.text.trim().split('\n')).toHaveLength(4 + events);
    const csv = await call(app, 'GET', `${R}/input-log?format=csv`, users.head!);
    expect(csv.headers['content-type']).toMatch(/text\/csv/u);
    expect(csv.text.trim().split('\r\n')).toHaveLength(1 + events);
    const verify = await call<InputLogVerification>(app, 'GET', `${R}/input-log/verify`, users.head!);
    expect(verify.body).toMatchObject({ ok: true, events, batches: 5, replay: { ok: true }, storedResultMatches: true,
      audit: { matched: events, missing: [], altered: [], orphaned: [] }, chain: { ok: true } });
    expect(batchIds).toEqual(['1', '2', '3', '4', '5']);
    // Live: every change of a batch was pushed (kind "counting", the round's id), nothing else but the election's.
    const counting = k.published.filter((e) => e.kind === 'counting');
    expect(counting.length).toBeGreaterThanOrEqual(2 + 5 + 10 + 490 + 10 + slips.size);
    expect(new Set(counting.map((e) => e.id))).toEqual(new Set([k.roundId]));
  });

  it('verification catches an event edited in the database', async () => {
    const row = await db.db.selectFrom('counting_events').select(['id', 'event']).where('round_id', '=', k.roundId)
      .where('type', '=', 'ballot-entered').orderBy('id').limit(1).executeTakeFirstOrThrow();
    const edited = row.event.replace(/"text":"([^"]*)"/u, '"text":"$1 /k"').replace(/"struck":\[/u, '"identifyingMarks":true,"struck":[');
    expect(edited).not.toBe(row.event);
    await db.db.updateTable('counting_events').set({ event: edited }).where('id', '=', row.id).execute();
    const verify = await call<InputLogVerification>(k.app, 'GET', `${k.R}/input-log/verify`, k.users.head!);
    expect(verify.body.ok).toBe(false);
    expect(verify.body.audit.altered).toEqual([row.id]);
    expect(verify.body.storedResultMatches).toBe(false);
    await db.db.updateTable('counting_events').set({ event: row.event }).where('id', '=', row.id).execute();
  });
});
