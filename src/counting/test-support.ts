/** Fixtures and fast-check arbitraries shared by the counting tests and the benchmark. Not used by the app. */
import fc from 'fast-check';
import { defaultCountSettings, type Ballot,  type ElectionKind, type ElectionSpec, type Mark } from '../rules/index.ts';
import { countingContext, type CountingContext } from './context.ts';
import { WRITE_IN_OUTSIDE } from './keyboard-entry.ts';

export const makeSpec = (
  kind: ElectionKind,
  names: number,
  seats: number,
  extra: Partial<ElectionSpec> = {},
): ElectionSpec => ({
  kind,
  seats,
  alternateSeats: 0,
  base: 100,
  candidates: Array.from({ length: names }, (_, i) => ({ id: `c${i + 1}`, name: `Ứng cử viên ${i + 1}` })),
  settings: defaultCountSettings,
  ...(kind === 'opinion-poll' ? { present: 100 } : {}),
  ...extra,
});

export const ctxOf = (spec: ElectionSpec): CountingContext => {
  const r = countingContext(spec);
  if (!r.ok) throw new Error(r.error.message_en);
  return r.value;
};

/** A whole election of any form: committee (strike-out), a list without surplus, one name, the two polls, a delegation. */
export const electionArb: fc.Arbitrary<ElectionSpec> = fc.oneof(
  fc.tuple(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 60 })).chain(([n, base]) =>
    fc.integer({ min: 1, max: n - 1 }).map((seats) => makeSpec('committee', n, seats, { base }))),
  fc.tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 60 })).map(([n, base]) => makeSpec('committee', n, n, { base })),
  fc.integer({ min: 1, max: 60 }).map((base) => makeSpec('secretary', 1, 1, { base })),
  fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 60 })).map(([n, present]) => makeSpec('opinion-poll', n, 0, { present })),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 60 })).map(([n, base]) => makeSpec('secretary-poll', n, 1, { base })),
  fc.tuple(fc.integer({ min: 3, max: 20 }), fc.integer({ min: 1, max: 60 })).chain(([n, base]) =>
    fc.integer({ min: 1, max: n - 2 }).map((seats) => makeSpec('delegates', n, seats, { base, alternateSeats: 1 }))),
);

const MARKS: readonly Mark[] = ['agree', 'disagree', 'both', 'none'];

const flagsArb = fc.record({
  notIssued: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
  writeIns: fc.constantFrom(0, 0, 0, 0, 0, 0, 1, 2),
  identifyingMarks: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
});

const withFlags = (b: Ballot, f: { notIssued: boolean; writeIns: number; identifyingMarks: boolean }): Ballot => ({
  ...b,
  ...(f.notIssued ? { notIssued: true } : {}),
  ...(f.writeIns > 0 ? { writeIns: f.writeIns } : {}),
  ...(f.identifyingMarks ? { identifyingMarks: true } : {}),
});

/** One ballot as a voter could fill it in, for the election's form. */
export const ballotArb = (ctx: CountingContext): fc.Arbitrary<Ballot> => {
  const ids = ctx.spec.candidates.map((c) => c.id);
  const content: fc.Arbitrary<Ballot> = (() => {
    switch (ctx.form) {
      case 'strike-out':
        return fc.shuffledSubarray(ids).map((struck) => ({ struck }));
      case 'agree-disagree':
      case 'single':
      case 'opinion-poll':
        return fc.array(fc.constantFrom(...MARKS), { minLength: ids.length, maxLength: ids.length })
          .map((ms) => ({ marks: Object.fromEntries(ids.map((id, i) => [id, ms[i]!])) }));
      case 'write-in':
        return fc.constantFrom<string | null>(...ids, null, WRITE_IN_OUTSIDE).map((writeIn) => ({ writeIn }));
    }
  })();
  return fc.tuple(content, flagsArb).map(([b, f]) => withFlags(b, f));
};

/** A ballot that surely differs from `b` (a different ballotKey), chosen by `pick`. */
export const mutate = (ctx: CountingContext, b: Ballot, pick: number): Ballot => {
  const ids = ctx.spec.candidates.map((c) => c.id);
  const row = ids[pick % ids.length]!;
  switch (pick % 4) {
    case 0:
      return { ...b, identifyingMarks: b.identifyingMarks !== true };
    case 1:
      return { ...b, notIssued: b.notIssued !== true };
    case 2:
      return { ...b, writeIns: (b.writeIns ?? 0) + 1 };
    default: {
      if ('struck' in b) return { ...b, struck: b.struck.includes(row) ? b.struck.filter((x) => x !== row) : [...b.struck, row] };
      if ('marks' in b) {
        const now = b.marks[row] ?? 'none';
        const next = MARKS[(MARKS.indexOf(now) + 1 + (pick % 3)) % 4]!;
        return { ...b, marks: { ...b.marks, [row]: next } };
      }
      const options = [...ids, null, WRITE_IN_OUTSIDE].filter((x) => x !== b.writeIn);
      return { ...b, writeIn: options[pick % options.length]! };
    }
  }
};

import { addBallot, closeEntry, openBatch, openEntry, type BatchSpec, type BatchState } from './batch.ts';
import type { CountingEvent } from './input-log.ts';
import { formatEntry } from './keyboard-entry.ts';
import type { Result, RuleError } from '../rules/index.ts';

export const value = <T>(r: Result<T, RuleError>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message_en}`);
  return r.value;
};

/** Enters a batch directly with the transitions: entry j by operator `op${j}` at terminal `t${j}`. */
export const enterBatch = (ctx: CountingContext, spec: BatchSpec, entries: readonly (readonly Ballot[])[]): BatchState => {
  let s = value(openBatch(spec));
  entries.forEach((_, j) => { s = value(openEntry(s, { operator: `op${j}`, terminal: `t${j}` })); });
  entries.forEach((ballots, j) => {
    for (const b of ballots) s = value(addBallot(ctx, s, `op${j}`, b));
    s = value(closeEntry(s, `op${j}`));
  });
  return s;
};

/** The same work as `enterBatch`, as input-log events, typed through the keyboard syntax. */
export const batchEvents = (ctx: CountingContext, spec: BatchSpec, entries: readonly (readonly Ballot[])[]): CountingEvent[] => {
  let clock = Date.UTC(2020, 6, 15, 8, 0, 0);
  const meta = (j: number) => ({ batchId: spec.id, operator: `op${j}`, terminal: `t${j}`, at: new Date((clock += 1000)).toISOString() });
  const events: CountingEvent[] = [{ type: 'batch-opened', batch: spec, ...meta(0), operator: 'board', terminal: 'board' }];
  entries.forEach((_, j) => events.push({ type: 'entry-opened', ...meta(j) }));
  entries.forEach((ballots, j) => {
    ballots.forEach((b, i) => events.push({ type: 'ballot-entered', position: i + 1, ballot: b, text: formatEntry(ctx, b), ...meta(j) }));
    events.push({ type: 'entry-closed', ballots: ballots.length, ...meta(j) });
  });
  return events;
};
