/**
 * Comparing what two entries say about one paper ballot. Two ballots are the same when they say the same thing
 * to the rules core: the same struck names (in any order), the same mark per row (a missing row is "none", as
 * the rules core reads it), the same written name, and the same flags.
 */
import type { Ballot, CandidateId, Mark } from '../rules/index.ts';
import type { CountingContext } from './context.ts';

export const FLAG_NAMES = ['notIssued', 'unstamped', 'writeIns', 'identifyingMarks'] as const;
export type FlagName = (typeof FLAG_NAMES)[number];

const MARK_CODE: Readonly<Record<Mark, string>> = { agree: 'a', disagree: 'd', both: 'b', none: 'n' };

const flagsKey = (b: Ballot): string =>
  `${b.notIssued === true ? 1 : 0}${b.unstamped === true ? 1 : 0}${b.identifyingMarks === true ? 1 : 0}${b.writeIns ?? 0}`;

/** The content of a ballot without its flags, one character per row for the marks forms. */
const contentKey = (ctx: CountingContext, b: Ballot): string => {
  if ('struck' in b) {
    const positions = new Int32Array(b.struck.length);
    for (let i = 0; i < b.struck.length; i++) positions[i] = ctx.index.get(b.struck[i]!) ?? -1;
    positions.sort();
    return `s${positions.join(',')}`;
  }
  if ('marks' in b) {
    let key = 'm';
    for (const c of ctx.spec.candidates) key += MARK_CODE[b.marks[c.id] ?? 'none'];
    return key;
  }
  return b.writeIn === null ? 'w' : `w:${b.writeIn}`;
};

/** A canonical string: equal keys ⇔ the ballots say the same thing. */
export const ballotKey = (ctx: CountingContext, b: Ballot): string => `${contentKey(ctx, b)}|${flagsKey(b)}`;

const flagValue = (b: Ballot, flag: FlagName): number => {
  switch (flag) {
    case 'notIssued':
      return b.notIssued === true ? 1 : 0;
    case 'unstamped':
      return b.unstamped === true ? 1 : 0;
    case 'identifyingMarks':
      return b.identifyingMarks === true ? 1 : 0;
    case 'writeIns':
      return b.writeIns ?? 0;
  }
};

const rowValue = (ctx: CountingContext, b: Ballot, id: CandidateId): string => {
  if ('struck' in b) return b.struck.includes(id) ? 'struck' : 'kept';
  if ('marks' in b) return b.marks[id] ?? 'none';
  return b.writeIn === id ? 'written' : '';
};

export interface BallotDifference {
  /** Candidates whose row differs between the ballots, in ballot order. */
  readonly rows: readonly CandidateId[];
  /** For a write-in ballot: the written name differs (including a name outside the list or none). */
  readonly writeIn: boolean;
  readonly flags: readonly FlagName[];
}

/** Where a set of ballots (entries of one position) differ. Empty lists when they all say the same thing. */
export const ballotDifference = (ctx: CountingContext, ballots: readonly Ballot[]): BallotDifference => {
  const first = ballots[0];
  if (first === undefined) return { rows: [], writeIn: false, flags: [] };
  const rows = ctx.spec.candidates
    .map((c) => c.id)
    .filter((id) => ballots.some((b) => rowValue(ctx, b, id) !== rowValue(ctx, first, id)));
  const writeInOf = (b: Ballot): string | null | undefined => ('writeIn' in b ? b.writeIn : undefined);
  const writeIn = ballots.some((b) => writeInOf(b) !== writeInOf(first));
  const flags = FLAG_NAMES.filter((f) => ballots.some((b) => flagValue(b, f) !== flagValue(first, f)));
  return { rows, writeIn, flags };
};
