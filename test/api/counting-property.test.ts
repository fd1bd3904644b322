/**
 * Random piles through the API: each pile is typed twice into a batch by two operators, the second with
 * random slips; the board's reconciliation lists exactly the slipped positions — every injected error caught,
 * none invented — and ruling them with the paper makes the batch count equal the rules core's count of the pile.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReconciliationView, RoundResultView } from '../../src/api/counting.ts';
import { ballotKey, compactEntry } from '../../src/counting/index.ts';
import { countBallots, type Ballot, type ElectionSpec } from '../../src/rules/index.ts';
import { ballotArb, ctxOf, makeSpec, mutate } from '../../src/counting/test-support.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { call, setupCountingCongress, type CountingCongress } from './counting-support.ts';

/** The same form as the server's list: 27 names, 24 seats (rows are what the operators type). */
const ctx = ctxOf(makeSpec('committee', 27, 24, { base: 250 }));

const pileArb = fc.array(ballotArb(ctx), { minLength: 1, maxLength: 12 }).chain((pile) =>
  fc.tuple(fc.constant(pile), fc.uniqueArray(fc.nat({ max: pile.length - 1 }), { maxLength: Math.min(4, pile.length) }), fc.array(fc.nat(), { minLength: 4, maxLength: 4 })));

describeEachDatabase('api: random piles entered twice with injected slips', (db) => {
  let k: CountingCongress;
  let batch = 0;
  const paper: Ballot[] = [];
  beforeAll(async () => {
    k = await setupCountingCongress(db.db, db.dialect, 'kiem-phieu-ngau-nhien');
    expect((await call(k.app, 'POST', `${k.R}/counting`, k.users.head!, { issued: 250, collected: 250 })).status).toBe(200);
  });
  afterAll(async () => { await k.app.close(); });

  it('queues exactly the slipped positions, and the ruled batch counts as the paper', async () => {
    await fc.assert(fc.asyncProperty(pileArb, async ([pile, slipped, picks]) => {
      const { app, R, users } = k;
      batch += 1;
      expect((await call(app, 'POST', `${R}/batches`, users.head!, { label: `Tập ${batch}`, physicalCount: pile.length })).status).toBe(201);
      const B = `${R}/batches/${batch}`;
      expect((await call(app, 'POST', `${B}/entries`, users.an!, {}, 'may-1')).status).toBe(201);
      expect((await call(app, 'POST', `${B}/entries`, users.binh!, {}, 'may-2')).status).toBe(201);
      const second = pile.map((b, i) => (slipped.includes(i) ? mutate(ctx, b, picks[slipped.indexOf(i)]!) : b));
      for (const [who, terminal, ballots] of [[users.an!, 'may-1', pile], [users.binh!, 'may-2', second]] as const) {
        for (const [i, b] of ballots.entries()) {
          const r = await call(app, 'POST', `${B}/ballots`, who, { position: i + 1, text: compactEntry(ctx, b) }, terminal);
          expect(r.status, r.text).toBe(201);
        }
        expect((await call(app, 'POST', `${B}/close`, who, {})).status).toBe(200);
      }
      const rec = await call<ReconciliationView>(app, 'GET', `${B}/reconciliation`, users.head!);
      const expected = slipped.filter((i) => ballotKey(ctx, pile[i]!) !== ballotKey(ctx, second[i]!)).map((i) => i + 1).sort((a, b) => a - b);
      expect(expected).toHaveLength(slipped.length);
      expect(rec.body.disagreements.map((d) => d.position)).toEqual(expected);
      for (const p of expected) {
        const ruled = await call(app, 'POST', `${B}/rulings`, users.member!, { position: p, text: compactEntry(ctx, pile[p - 1]!), reason: 'unclear-mark' });
        expect(ruled.status, ruled.text).toBe(201);
      }
      const after = await call<ReconciliationView>(app, 'GET', `${B}/reconciliation`, users.head!);
      expect(after.body.final).toBe(true);
      paper.push(...pile);
    }), { numRuns: 8 });
    // Every batch final: the provisional count is the rules core's count of all the paper, on the server's ids.
    const result = await call<RoundResultView>(k.app, 'GET', `${k.R}/result`, k.users.head!);
    expect(result.body.countedBatches).toHaveLength(batch);
    const id = (c: string): string => String(k.candidateIds[Number(c.slice(1)) - 1]);
    const spec: ElectionSpec = { ...ctx.spec, candidates: ctx.spec.candidates.map((c) => ({ ...c, id: id(c.id) })) };
    const onServer = paper.map((b) => ('struck' in b ? { ...b, struck: b.struck.map(id) } : b));
    const expected = countBallots(spec, onServer);
    if (!expected.ok) throw new Error(expected.error.message_en);
    expect(JSON.parse(JSON.stringify(result.body.count))).toMatchObject({ type: 'election', count: { ballots: JSON.parse(JSON.stringify(expected.value.count.ballots)) } });
    if (expected.value.type !== 'election') throw new Error('not an election');
    if (result.body.count.type !== 'election') throw new Error('not an election on the server');
    const votes = result.body.count.count.results.map((r) => [r.id, r.votes]);
    expect(votes).toEqual(expected.value.count.results.map((r) => [r.id, r.votes]));
  });
});
