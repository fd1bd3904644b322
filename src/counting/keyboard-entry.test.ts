import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ballot, RuleError } from '../rules/index.ts';
import { ballotKey } from './ballot-key.ts';
import { compactEntry, formatEntry, keystrokes, parseEntry, WRITE_IN_OUTSIDE } from './keyboard-entry.ts';
import { ballotArb, ctxOf, electionArb, makeSpec } from './test-support.ts';

const strike27 = ctxOf(makeSpec('committee', 27, 24));
const noSurplus7 = ctxOf(makeSpec('committee', 7, 7));
const single = ctxOf(makeSpec('secretary', 1, 1));
const poll = ctxOf(makeSpec('opinion-poll', 4, 0));
const secretaryPoll = ctxOf(makeSpec('secretary-poll', 9, 1));

const parsed = (ctx: typeof strike27, text: string): Ballot => {
  const r = parseEntry(ctx, text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message_en}`);
  return r.value;
};
const refused = (ctx: typeof strike27, text: string): RuleError => {
  const r = parseEntry(ctx, text);
  if (r.ok) throw new Error(`"${text}" was accepted: ${JSON.stringify(r.value)}`);
  expect(r.error.message_vi).not.toBe('');
  expect(r.error.message_en).not.toBe('');
  return r.error;
};

describe('strike-out list (gạch tên)', () => {
  it('reads the row numbers of the struck names', () => {
    expect(parsed(strike27, '3 17 22')).toEqual({ struck: ['c3', 'c17', 'c22'] });
    expect(parsed(strike27, ' 22,3+17 ')).toEqual({ struck: ['c22', 'c3', 'c17'] });
    expect(parsed(strike27, '1.27')).toEqual({ struck: ['c1', 'c27'] });
    expect(parsed(strike27, '0')).toEqual({ struck: [] });
  });
  it('counts keystrokes: the line plus Enter', () => {
    expect(keystrokes('3 17 22')).toBe(8);
    expect(keystrokes('3 5 8')).toBe(6);
    expect(keystrokes(formatEntry(strike27, { struck: ['c3', 'c17', 'c22'] }))).toBe(8);
  });
  it('refuses a row number not on the list, in Vietnamese first', () => {
    const e = refused(strike27, '3 28');
    expect(e.code).toBe('entry.row-out-of-range');
    expect(e.message_vi).toBe('Không có dòng số 28: danh sách có 27 tên.');
  });
  it('refuses a row typed twice', () => {
    const e = refused(strike27, '3 17 3');
    expect(e.code).toBe('entry.row-twice');
    expect(e.message_vi).toContain('Dòng số 3');
  });
  it('refuses garbage', () => {
    for (const t of ['abc', '3x', '-1', '3 1a', '٣', '2e1']) expect(refused(strike27, t).code).toBe('entry.garbage');
  });
  it('refuses an empty line, so a second Enter never adds a ballot', () => {
    expect(refused(strike27, '').code).toBe('entry.empty');
    expect(refused(strike27, '  , ').code).toBe('entry.empty');
  });
  it('refuses 0 together with rows', () => {
    expect(refused(strike27, '0 3').code).toBe('entry.zero-with-rows');
    expect(refused(strike27, '3 00').code).toBe('entry.zero-with-rows');
  });
});

describe('flags', () => {
  it('reads /p /g /k anywhere, combined or apart, in any case', () => {
    expect(parsed(strike27, '3 17/pk')).toEqual({ struck: ['c3', 'c17'], notIssued: true, identifyingMarks: true });
    expect(parsed(strike27, '/G2 3')).toEqual({ struck: ['c3'], writeIns: 2 });
    expect(parsed(strike27, '3 /g /K')).toEqual({ struck: ['c3'], writeIns: 1, identifyingMarks: true });
  });
  it('reads /d as a ballot without the stamp, apart from /p: the election\'s setting decides whether it is issued', () => {
    expect(parsed(strike27, '3 /d')).toEqual({ struck: ['c3'], unstamped: true });
    expect(parsed(strike27, '/dp')).toEqual({ struck: [], notIssued: true, unstamped: true });
    expect(formatEntry(strike27, { struck: ['c3'], unstamped: true })).toBe('3 /d');
    expect(refused(strike27, '3 /dd').code).toBe('entry.flag-twice');
  });
  it('accepts a line of flags only', () => {
    expect(parsed(strike27, '/p')).toEqual({ struck: [], notIssued: true });
    expect(parsed(noSurplus7, '/p')).toEqual({ marks: Object.fromEntries(noSurplus7.spec.candidates.map((c) => [c.id, 'none'])), notIssued: true });
  });
  it('refuses unknown, repeated and empty flags', () => {
    expect(refused(strike27, '3 /z').code).toBe('entry.flag-unknown');
    expect(refused(strike27, '3 /').code).toBe('entry.flag-unknown');
    expect(refused(strike27, '3 /p3').code).toBe('entry.flag-unknown');
    expect(refused(strike27, '3 /g0').code).toBe('entry.flag-unknown');
    expect(refused(strike27, '3 /kk').code).toBe('entry.flag-twice');
    expect(refused(strike27, '3/k /k').code).toBe('entry.flag-twice');
  });
});

describe('list without surplus and opinion poll (đồng ý / không đồng ý)', () => {
  const marks = (m: Record<string, string>): Ballot => ({
    marks: Object.fromEntries(noSurplus7.spec.candidates.map((c) => [c.id, m[c.id] ?? 'agree'])) as never,
  });
  it('reads typed rows as disagree, "c"/"b" as both, "t"/"n" as none, others agree', () => {
    expect(parsed(noSurplus7, '3 5b 7n')).toEqual(marks({ c3: 'disagree', c5: 'both', c7: 'none' }));
    expect(parsed(noSurplus7, '3 5c 7t')).toEqual(marks({ c3: 'disagree', c5: 'both', c7: 'none' }));
    expect(parsed(noSurplus7, '0')).toEqual(marks({}));
    expect(formatEntry(noSurplus7, marks({ c3: 'disagree', c5: 'both', c7: 'none' }))).toBe('3 5c 7t');
  });
  it('refuses rows off the list, repeated rows and garbage', () => {
    expect(refused(noSurplus7, '8').code).toBe('entry.row-out-of-range');
    expect(refused(noSurplus7, '3 3c').code).toBe('entry.row-twice');
    expect(refused(noSurplus7, '3x').code).toBe('entry.garbage');
    expect(refused(noSurplus7, 'c').code).toBe('entry.garbage');
  });
  it('uses the same syntax for the opinion poll', () => {
    expect(parsed(poll, '2 4t')).toEqual({ marks: { c1: 'agree', c2: 'disagree', c3: 'agree', c4: 'none' } });
  });
});

describe('single-candidate ballot', () => {
  it('reads one letter: d agree, k disagree, c/b both, t/n none', () => {
    const expected = { d: 'agree', k: 'disagree', c: 'both', b: 'both', t: 'none', n: 'none', D: 'agree' } as const;
    for (const [t, m] of Object.entries(expected)) expect(parsed(single, t)).toEqual({ marks: { c1: m } });
    expect(parsed(single, 'k /k')).toEqual({ marks: { c1: 'disagree' }, identifyingMarks: true });
  });
  it('refuses two letters, a row number and an empty line', () => {
    expect(refused(single, 'd k').code).toBe('entry.single-choice');
    expect(refused(single, '1').code).toBe('entry.garbage');
    expect(refused(single, '').code).toBe('entry.empty');
  });
});

describe('secretary nomination poll (ghi một tên)', () => {
  it('reads a row, x for a name outside the list, t or 0 for no name', () => {
    expect(parsed(secretaryPoll, '4')).toEqual({ writeIn: 'c4' });
    expect(parsed(secretaryPoll, 'x')).toEqual({ writeIn: WRITE_IN_OUTSIDE });
    expect(parsed(secretaryPoll, 't')).toEqual({ writeIn: null });
    expect(parsed(secretaryPoll, '0')).toEqual({ writeIn: null });
  });
  it('refuses two names, a row off the list and garbage', () => {
    expect(refused(secretaryPoll, '2 3').code).toBe('entry.write-in-one');
    expect(refused(secretaryPoll, '10').code).toBe('entry.row-out-of-range');
    expect(refused(secretaryPoll, 'q').code).toBe('entry.garbage');
  });
});

describe('formatEntry is the inverse of parseEntry', () => {
  it('reads back every ballot of every form as the same ballot', () => {
    fc.assert(fc.property(electionArb.chain((spec) => {
      const ctx = ctxOf(spec);
      return fc.tuple(fc.constant(ctx), ballotArb(ctx));
    }), ([ctx, ballot]) => {
      const text = formatEntry(ctx, ballot);
      const back = parseEntry(ctx, text);
      expect(back.ok).toBe(true);
      if (back.ok) expect(ballotKey(ctx, back.value)).toBe(ballotKey(ctx, ballot));
    }), { numRuns: 500 });
  });
});

describe('auto-commit: a row is committed as soon as no longer row can start with it', () => {
  it('reads "31722" as rows 3, 17 and 22 on a 27-name list (6 keys with Enter)', () => {
    expect(parsed(strike27, '31722')).toEqual({ struck: ['c3', 'c17', 'c22'] });
    expect(keystrokes('31722')).toBe(6);
    expect(parsed(strike27, '12')).toEqual({ struck: ['c12'] });
    expect(parsed(strike27, '1 2')).toEqual({ struck: ['c1', 'c2'] });
    expect(parsed(strike27, '82')).toEqual({ struck: ['c8', 'c2'] });
    expect(parsed(strike27, '2710')).toEqual({ struck: ['c27', 'c10'] });
    expect(parsed(strike27, '1/k')).toEqual({ struck: ['c1'], identifyingMarks: true });
  });
  it('never guesses: a digit that makes a row off the list is refused, not split', () => {
    expect(refused(strike27, '28').message_vi).toBe('Không có dòng số 28: danh sách có 27 tên.');
    expect(refused(strike27, '30').message_vi).toBe('Không có dòng số 30: danh sách có 27 tên.');
    expect(refused(strike27, '3173').code).toBe('entry.row-twice');
    expect(refused(strike27, '03').code).toBe('entry.zero-with-rows');
  });
  it('commits every digit at once on a list of 9 names or fewer; suffix letters end a row', () => {
    expect(parsed(noSurplus7, '35c7t')).toEqual(parsed(noSurplus7, '3 5c 7t'));
    expect(parsed(ctxOf(makeSpec('committee', 27, 27)), '1c15t2')).toEqual(parsed(ctxOf(makeSpec('committee', 27, 27)), '1c 15t 2'));
    expect(refused(noSurplus7, '3cc').code).toBe('entry.garbage');
    expect(refused(secretaryPoll, '23').code).toBe('entry.write-in-one');
  });
  it('waits on 1…floor(n/10) on longer lists: 300 names', () => {
    const national = ctxOf(makeSpec('committee', 300, 200));
    expect(parsed(national, '1234')).toEqual({ struck: ['c123', 'c4'] });
    expect(parsed(national, '25 7')).toEqual({ struck: ['c25', 'c7'] });
    expect(refused(national, '301').code).toBe('entry.row-out-of-range');
  });
});

describe('compactEntry: the shortest line, read back as the same ballot', () => {
  it('puts waiting rows last', () => {
    expect(compactEntry(strike27, { struck: ['c3', 'c17', 'c22'] })).toBe('31722');
    expect(compactEntry(strike27, { struck: ['c1', 'c17', 'c2'] })).toBe('171 2');
    expect(compactEntry(strike27, { struck: ['c1', 'c9'], identifyingMarks: true })).toBe('91/k');
    expect(compactEntry(strike27, { struck: [], notIssued: true })).toBe('/p');
    expect(compactEntry(strike27, { struck: [] })).toBe('0');
  });
  it('reads back every ballot of every form as the same ballot', () => {
    fc.assert(fc.property(electionArb.chain((spec) => {
      const ctx = ctxOf(spec);
      return fc.tuple(fc.constant(ctx), ballotArb(ctx));
    }), ([ctx, ballot]) => {
      const text = compactEntry(ctx, ballot);
      const back = parseEntry(ctx, text);
      expect(back.ok, text).toBe(true);
      if (back.ok) expect(ballotKey(ctx, back.value)).toBe(ballotKey(ctx, ballot));
      expect(text.length).toBeLessThanOrEqual(formatEntry(ctx, ballot).length);
    }), { numRuns: 500 });
  });
  it('costs 6.0 keys on average for every 3-strike ballot of a 27-name list (8.0 with spaces)', () => {
    let compact = 0;
    let spaced = 0;
    let n = 0;
    for (let a = 1; a <= 27; a++) for (let b = a + 1; b <= 27; b++) for (let c = b + 1; c <= 27; c++) {
      const ballot = { struck: [`c${a}`, `c${b}`, `c${c}`] };
      compact += keystrokes(compactEntry(strike27, ballot));
      spaced += keystrokes(formatEntry(strike27, ballot));
      n++;
    }
    expect(n).toBe(2925);
    expect(compact / n).toBeCloseTo(6.0, 1);
    expect(spaced / n).toBeCloseTo(8.0, 2);
    expect(compact / n).toBeLessThan(spaced / n - 1.9);
  });
});
