import {
  checkBallotShape, indexCandidates, INVALID_REASONS, invalidReason, type Ballot, type InvalidReason,
} from './ballot.ts';
import { isAdmittedByPoll, pollThreshold } from './decisions.ts';
import { ballotForm, type CandidateId, type ElectionSpec } from './election.ts';
import { isMoreThanHalf, majorityThreshold, percentOf } from './majority.ts';
import { err, ok, ruleError, type Result, type RuleError } from './result.ts';

export interface BallotSummary {
  readonly total: number;
  readonly valid: number;
  readonly invalid: number;
  readonly invalidByReason: Readonly<Record<InvalidReason, number>>;
}

export interface CandidateResult {
  readonly id: CandidateId;
  readonly name: string;
  readonly votes: number;
  /** Percentage of the base, two decimals. */
  readonly percent: number;
}

export interface Tie {
  /** Seats that remain for the tied candidates. */
  readonly seats: number;
  /** The tied candidates, in ballot order. */
  readonly candidates: readonly CandidateId[];
}

export type Outcome = 'complete' | 'tie' | 'shortfall';

/** Seats of one cut (official or alternate) still to fill after a round, and the tie at that cut if any. */
export interface SeatsLeft {
  /** Seats not filled at this cut: tied for, or short of candidates who passed. */
  readonly seats: number;
  readonly tie: Tie | null;
}

/**
 * What remains after a round, cut by cut (docs/rules.md §6): the official seats and, for a delegation whose
 * alternates come from the same ballot, the alternate seats. A delegation can tie at both cuts at once.
 * `official.seats + alternate.seats` is `unfilledSeats`; `tie` is the official tie, else the alternate one.
 */
export interface Remaining {
  readonly official: SeatsLeft;
  readonly alternate: SeatsLeft;
}

interface CountBase {
  /** The base the result is measured against: N_base, or the people present for an opinion poll. */
  readonly base: number;
  /** Fewest votes that pass. */
  readonly threshold: number;
  readonly ballots: BallotSummary;
  /** Every candidate in ballot order. */
  readonly results: readonly CandidateResult[];
}

export interface ElectionCount extends CountBase {
  /** By votes, highest first; equal votes keep ballot order. */
  readonly elected: readonly CandidateId[];
  /** Alternate delegates by rank ("delegates" only). */
  readonly alternates?: readonly CandidateId[];
  readonly tie: Tie | null;
  readonly unfilledSeats: number;
  readonly outcome: Outcome;
  /**
   * Both cuts, each with its tie. Always set by `countBallots`; absent only from a result stored before it
   * existed (read such a result with `remainingOf`). In the CLI's JSON for a delegation only (src/cli/count-output.ts).
   */
  readonly remaining?: Remaining;
}

export interface OpinionPollCount extends CountBase {
  /** Names that passed (`10 × agree > 3 × present`), highest first. */
  readonly admitted: readonly CandidateId[];
}

export interface SecretaryPollCount extends CountBase {
  /** Names written that are not newly elected members: not counted. */
  readonly unrecognized: number;
  /** Ballots with no name. */
  readonly blank: number;
}

export type CountOutcome =
  | { readonly type: 'election'; readonly count: ElectionCount }
  | { readonly type: 'opinion-poll'; readonly count: OpinionPollCount }
  | { readonly type: 'secretary-poll'; readonly count: SecretaryPollCount };

/** Checks what no type can: seats, alternates, a list without duplicates, `present` for a poll. */
export const checkElectionSpec = (spec: ElectionSpec): Result<true, RuleError> => {
  const fail = (code: string, vi: string, en: string, field: string) => err(ruleError(code, vi, en, field));
  if (!Number.isInteger(spec.base) || spec.base < 1) {
    return fail('election.base', 'Số đại biểu làm căn cứ (N_base) phải là số nguyên dương.',
      'The base (N_base) must be a positive integer.', 'election.base');
  }
  // A further round of a delegation may elect alternates only (the officials were filled before).
  const alternatesOnly = spec.kind === 'delegates' && spec.settings.alternatesFromSameBallot
    && Number.isInteger(spec.alternateSeats) && spec.alternateSeats > 0;
  if (!Number.isInteger(spec.seats) || spec.seats < (spec.kind === 'opinion-poll' || spec.kind === 'secretary-poll' || alternatesOnly ? 0 : 1)) {
    return fail('election.seats', 'Số lượng được bầu phải là số nguyên dương.', 'Seats must be a positive integer.',
      'election.seats');
  }
  if (!Number.isInteger(spec.alternateSeats) || spec.alternateSeats < 0) {
    return fail('election.alternateSeats', 'Số đại biểu dự khuyết phải là số nguyên không âm.',
      'Alternate seats must be a non-negative integer.', 'election.alternateSeats');
  }
  if (spec.alternateSeats > 0 && spec.kind !== 'delegates') {
    return fail('election.alternateSeats', 'Chỉ bầu đại biểu dự khuyết khi bầu đoàn đại biểu dự đại hội cấp trên.',
      'Alternate seats exist only when electing the delegation to the higher congress.', 'election.alternateSeats');
  }
  if (spec.kind === 'opinion-poll' && (spec.present === undefined || !Number.isInteger(spec.present) || spec.present < 1)) {
    return fail('election.present', 'Phiếu xin ý kiến cần số đại biểu có mặt ("present").',
      'An opinion poll needs the number of delegates present ("present").', 'election.present');
  }
  if (spec.candidates.length === 0) {
    return fail('election.candidates', 'Danh sách bầu cử không có ai.', 'The election list is empty.', 'election.candidates');
  }
  const seen = new Set<string>();
  for (let i = 0; i < spec.candidates.length; i++) {
    const id = spec.candidates[i]!.id;
    if (seen.has(id)) {
      return fail('election.duplicate-candidate', `Mã "${id}" xuất hiện hai lần trong danh sách.`,
        `The id "${id}" appears twice on the list.`, `election.candidates[${i}].id`);
    }
    seen.add(id);
  }
  return ok(true);
};

/** Counts a pile of ballots by the rules (docs/rules.md §5–§7). The ballots may come in any order. */
export const countBallots = (spec: ElectionSpec, ballots: readonly Ballot[]): Result<CountOutcome, RuleError> => {
  const specCheck = checkElectionSpec(spec);
  if (!specCheck.ok) return specCheck;
  const form = ballotForm(spec);
  const index = indexCandidates(spec);
  const n = spec.candidates.length;
  const invalidByReason = Object.fromEntries(INVALID_REASONS.map((r) => [r, 0])) as Record<InvalidReason, number>;
  // Strike-out ballots: votes = valid ballots − valid ballots that struck the name (cost per ballot = strikes).
  const strikes = new Uint32Array(n);
  const agrees = new Uint32Array(n);
  let valid = 0;
  let unrecognized = 0;
  let blank = 0;
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b]!;
    const shape = checkBallotShape(form, index, ballot, () => `ballots[${b}]`);
    if (!shape.ok) return shape;
    const reason = invalidReason(spec, form, ballot);
    if (reason !== null) {
      invalidByReason[reason]++;
      continue;
    }
    valid++;
    if ('struck' in ballot) {
      for (const id of ballot.struck) strikes[index.get(id)!]!++;
    } else if ('marks' in ballot) {
      for (const id in ballot.marks) if (ballot.marks[id] === 'agree') agrees[index.get(id)!]!++;
    } else if (ballot.writeIn === null) {
      blank++;
    } else {
      const i = index.get(ballot.writeIn);
      if (i === undefined) unrecognized++;
      else agrees[i]!++;
    }
  }
  const votes = form === 'strike-out' ? Array.from(strikes, (s) => valid - s) : Array.from(agrees);
  const summary: BallotSummary = { total: ballots.length, valid, invalid: ballots.length - valid, invalidByReason };

  if (spec.kind === 'opinion-poll') {
    const present = spec.present!;
    const results = resultsOf(spec, votes, present);
    const admitted = rankByVotes(votes).filter((i) => isAdmittedByPoll(votes[i]!, present)).map((i) => spec.candidates[i]!.id);
    return ok({ type: 'opinion-poll', count: { base: present, threshold: pollThreshold(present), ballots: summary, results, admitted } });
  }
  const results = resultsOf(spec, votes, spec.base);
  const threshold = majorityThreshold(spec.base);
  if (spec.kind === 'secretary-poll') {
    return ok({ type: 'secretary-poll', count: { base: spec.base, threshold, ballots: summary, results, unrecognized, blank } });
  }
  return ok({ type: 'election', count: { base: spec.base, threshold, ballots: summary, results, ...decideWinners(spec, votes) } });
};

export const resultsOf = (spec: ElectionSpec, votes: readonly number[], base: number): CandidateResult[] =>
  spec.candidates.map((c, i) => ({ id: c.id, name: c.name, votes: votes[i]!, percent: percentOf(votes[i]!, base) }));

/** Candidate positions by votes, highest first; equal votes keep ballot order. */
export const rankByVotes = (votes: readonly number[]): number[] =>
  votes.map((_, i) => i).sort((a, b) => votes[b]! - votes[a]! || a - b);

interface Cut {
  readonly taken: readonly number[];
  readonly tied: readonly number[];
  readonly tieSeats: number;
  readonly rest: readonly number[];
}

/**
 * Takes up to `room` of the ranked candidates. Equal votes that straddle the last place are not decided:
 * nobody in the tie is taken [open: a new vote among them, never by age].
 */
const cutAt = (ranked: readonly number[], votes: readonly number[], room: number): Cut => {
  if (ranked.length <= room) return { taken: ranked, tied: [], tieSeats: 0, rest: [] };
  if (room === 0) return { taken: [], tied: [], tieSeats: 0, rest: ranked };
  const last = votes[ranked[room - 1]!]!;
  if (votes[ranked[room]!]! !== last) return { taken: ranked.slice(0, room), tied: [], tieSeats: 0, rest: ranked.slice(room) };
  const taken = ranked.filter((i) => votes[i]! > last);
  return {
    taken,
    tied: ranked.filter((i) => votes[i] === last),
    tieSeats: room - taken.length,
    rest: ranked.filter((i) => votes[i]! < last),
  };
};

/**
 * Who is elected (docs/rules.md §6) [law]: `2 × votes > N_base`, the highest votes when more pass than seats.
 * A delegation elects officials first, then alternates from the same ballot [practice, setting].
 */
export const decideWinners = (
  spec: ElectionSpec,
  votes: readonly number[],
): Pick<ElectionCount, 'elected' | 'alternates' | 'tie' | 'unfilledSeats' | 'outcome' | 'remaining'> => {
  const ids = (positions: readonly number[]): CandidateId[] => positions.map((i) => spec.candidates[i]!.id);
  const tieOf = (cut: Cut): Tie => ({ seats: cut.tieSeats, candidates: ids([...cut.tied].sort((a, b) => a - b)) });
  const passing = rankByVotes(votes).filter((i) => isMoreThanHalf(votes[i]!, spec.base));
  const officials = cutAt(passing, votes, spec.seats);
  const isDelegation = spec.kind === 'delegates';
  const alternateRoom = isDelegation && spec.settings.alternatesFromSameBallot ? spec.alternateSeats : 0;

  const officialTie: Tie | null = officials.tied.length > 0 ? tieOf(officials) : null;
  let alternateTie: Tie | null = null;
  let alternates: readonly number[] = [];
  if (alternateRoom > 0) {
    // The losers of an official tie rank above everyone below them, so they keep alternate places.
    const reserved = officials.tied.length - officials.tieSeats;
    const alternateCut = cutAt(officials.rest, votes, Math.max(0, alternateRoom - reserved));
    alternates = alternateCut.taken;
    if (alternateCut.tied.length > 0) alternateTie = tieOf(alternateCut);
  }
  const remaining: Remaining = {
    official: { seats: spec.seats - officials.taken.length, tie: officialTie },
    alternate: { seats: alternateRoom - alternates.length, tie: alternateTie },
  };
  const tie = officialTie ?? alternateTie;
  const unfilledSeats = remaining.official.seats + remaining.alternate.seats;
  const outcome: Outcome = tie !== null ? 'tie' : unfilledSeats > 0 ? 'shortfall' : 'complete';
  return {
    elected: ids(officials.taken),
    ...(isDelegation ? { alternates: ids(alternates) } : {}),
    tie,
    unfilledSeats,
    outcome,
    remaining,
  };
};

/**
 * What remains after a round, cut by cut. A result stored before `remaining` existed is read from its other
 * fields: officials short = seats − elected; alternates short = the alternate seats counted from the ballot
 * − alternates; its one `tie` is at the official cut while officials remain, else at the alternate cut (the
 * alternate tie of a round that also tied at the official cut was not recorded then, so it cannot be read).
 */
export const remainingOf = (
  count: ElectionCount,
  round: Pick<ElectionSpec, 'kind' | 'seats' | 'alternateSeats' | 'settings'>,
): Remaining => {
  if (count.remaining !== undefined) return count.remaining;
  const alternateRoom = round.kind === 'delegates' && round.settings.alternatesFromSameBallot ? round.alternateSeats : 0;
  const official = Math.max(0, round.seats - count.elected.length);
  const alternate = Math.max(0, alternateRoom - (count.alternates?.length ?? 0));
  const officialTie = count.tie !== null && official > 0 ? count.tie : null;
  return {
    official: { seats: official, tie: officialTie },
    alternate: { seats: alternate, tie: officialTie === null ? count.tie : null },
  };
};

/** Official and alternate seats, as a pair. */
export interface SeatPair {
  readonly official: number;
  readonly alternate: number;
}

/**
 * Seats of an election still to fill after its counted rounds: its official seats less everyone elected
 * official in any round, and (a delegation whose alternates come from the same ballot) its alternate seats
 * less everyone elected alternate. A further round may not ask for more than this.
 */
export const seatsToFill = (
  election: Pick<ElectionSpec, 'kind' | 'seats' | 'alternateSeats' | 'settings'>,
  rounds: readonly Pick<ElectionCount, 'elected' | 'alternates'>[],
): SeatPair => {
  const alternateRoom = election.kind === 'delegates' && election.settings.alternatesFromSameBallot ? election.alternateSeats : 0;
  const officials = rounds.reduce((n, r) => n + r.elected.length, 0);
  const alternates = rounds.reduce((n, r) => n + (r.alternates?.length ?? 0), 0);
  return { official: Math.max(0, election.seats - officials), alternate: Math.max(0, alternateRoom - alternates) };
};

/**
 * The seats a further round starts from, by what the last round left (docs/rules.md §6), never above what the
 * election still has to fill:
 * - a tie at the official cut: a round among the tied for the official seats they tie for, and the alternate
 *   places their losers keep (they rank above everyone below them);
 * - a tie at the alternate cut only (the officials are filled): a round among the tied for those alternate seats;
 * - a shortfall: a round among those not elected for every official and alternate seat left;
 * - a complete round of an election that still has seats (a tie round settled, an earlier gap remains): those seats.
 * Null when nothing is left. The congress may change the numbers; the server checks them against `seatsToFill`.
 */
export const nextRoundSeats = (
  last: Remaining,
  left: SeatPair,
): { readonly start: 'tied' | 'not-elected' | 'none'; readonly seats: SeatPair } | null => {
  const cap = (p: SeatPair): SeatPair => ({ official: Math.min(p.official, left.official), alternate: Math.min(p.alternate, left.alternate) });
  const o = last.official.tie;
  if (o !== null) {
    return { start: 'tied', seats: cap({ official: o.seats, alternate: Math.min(o.candidates.length - o.seats, last.alternate.seats) }) };
  }
  const a = last.alternate.tie;
  if (a !== null) return { start: 'tied', seats: cap({ official: 0, alternate: a.seats }) };
  if (last.official.seats + last.alternate.seats > 0) {
    return { start: 'not-elected', seats: cap({ official: last.official.seats, alternate: last.alternate.seats }) };
  }
  if (left.official + left.alternate > 0) return { start: 'none', seats: left };
  return null;
};
