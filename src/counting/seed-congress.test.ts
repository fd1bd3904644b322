/**
 * The seed congress (27 names, 24 seats, N_base 250, 245 ballots) counted the way the board will count it:
 * typed line by line in 5 batches of up to 50, twice, with slips by the second operator, reconciled, ruled
 * against the paper, counted from the final batches.
 */
import { describe, expect, it } from 'vitest';
import { countBallots, defaultCountSettings, type Ballot, type ElectionSpec } from '../rules/index.ts';
import { seedCongressCountFile, SEED_NAMES, seedId } from '../../test/fixtures/seed-congress.ts';
import { addBallot, closeEntry, openBatch, openEntry, type BatchState } from './batch.ts';
import { formatEntry, keystrokes, parseEntry } from './keyboard-entry.ts';
import { reconcileBatch } from './reconcile.ts';
import { roundResult } from './round-result.ts';
import { recordRuling } from './ruling.ts';
import { ctxOf, value } from './test-support.ts';

const file = seedCongressCountFile();
const spec: ElectionSpec = {
  kind: 'committee', seats: 24, alternateSeats: 0, base: 250, settings: defaultCountSettings,
  candidates: SEED_NAMES.map((name, i) => ({ id: seedId(i), name })),
};
const ctx = ctxOf(spec);
const pile = file.ballots as readonly Ballot[];

/** The second operator's slips, by pile position: what they type instead of the true line. */
const slips: ReadonlyMap<number, (line: string) => string> = new Map<number, (line: string) => string>([
  [7, (l) => l.replace(/\d+$/, (n) => String(Number(n) === 27 ? 1 : Number(n) + 1))], // last row off by one
  [60, (l) => `${l} /k`], // an identifying mark that is not there
  [199, (l) => l.split(' ').slice(1).join(' ') || '0'], // a strike missed
  [243, () => '0'], // the all-struck ballot typed as nothing struck
]);

describe('seed congress through keyboard entry, reconciliation and rulings', () => {
  it('catches every slip and, once ruled, elects exactly as the rules core counts the paper', () => {
    const lines = pile.map((b) => formatEntry(ctx, b));
    expect(lines[0]).toMatch(/^\d+ \d+ \d+$/);
    const batches: BatchState[] = [];
    for (let start = 0, k = 0; start < pile.length; start += 50, k++) {
      const end = Math.min(pile.length, start + 50);
      let s = value(openBatch({ id: `hom-${k + 1}`, label: `Tập ${k + 1}`, physicalCount: end - start, entriesRequired: 2 }));
      s = value(openEntry(s, { operator: 'an', terminal: 'may-1' }));
      s = value(openEntry(s, { operator: 'binh', terminal: 'may-2' }));
      for (let i = start; i < end; i++) {
        s = value(addBallot(ctx, s, 'an', value(parseEntry(ctx, lines[i]!))));
        s = value(addBallot(ctx, s, 'binh', value(parseEntry(ctx, slips.get(i)?.(lines[i]!) ?? lines[i]!))));
      }
      s = value(closeEntry(value(closeEntry(s, 'an')), 'binh'));
      const rec = value(reconcileBatch(ctx, s));
      const expected = [...slips.keys()].filter((p) => p >= start && p < end).map((p) => p - start + 1);
      expect(rec.disagreements.map((d) => d.position)).toEqual(expected);
      for (const d of rec.disagreements) {
        s = value(recordRuling(ctx, s, { position: d.position, ballot: pile[start + d.position - 1]!, reason: 'entry-slip', note: '', by: 'truong-ban', terminal: 'may-bkp' }));
      }
      batches.push(s);
    }
    const result = value(roundResult(ctx, { issued: 245, collected: 245, batches }));
    expect(result.count).toEqual(value(countBallots(spec, pile)));
    expect(result.complete).toBe(true);
    if (result.count.type !== 'election') throw new Error('not an election');
    expect(result.count.count.ballots).toMatchObject({ total: 245, valid: 240, invalid: 5 });
    expect(result.count.count.elected).toHaveLength(24);
    expect(result.next.type).toBe('stop');
    // 3 struck names of 27: 6 to 9 keys a ballot with Enter (row numbers of one or two digits).
    const valid = lines.slice(0, 240).map(keystrokes);
    expect(Math.min(...valid)).toBeGreaterThanOrEqual(6);
    expect(Math.max(...valid)).toBeLessThanOrEqual(9);
  });
});
