/**
 * Property tests of the count: fast-check generates whole valid elections and piles of ballots, and the core
 * is compared with a slow reference written here from docs/rules.md, in other terms than the core:
 * a candidate is elected when they passed and no more than `seats` passing candidates have as many votes or more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ballot, InvalidReason, Mark } from './ballot.ts';
import { countBallots, type ElectionCount, type Tie } from './count.ts';
import type { ElectionKind, ElectionSpec } from './election.ts';
import type { CountSettings } from './settings.ts';

const RUNS = { numRuns: 400 };

// ---------------------------------------------------------------------------------------------- generators

const ELECTED_KINDS: readonly ElectionKind[] = [
  'committee', 'standing-committee', 'secretary', 'deputy-secretary', 'inspection-committee', 'inspection-chair', 'delegates',
];

const settingsArb: fc.Arbitrary<CountSettings> = fc.record({
  alternatesFromSameBallot: fc.boolean(),
  writeInInvalid: fc.boolean(),
  identifyingMarkInvalid: fc.boolean(),
  singleCandidateBothOrNoneInvalid: fc.boolean(),
  unstampedIsNotIssued: fc.boolean(),
});

/** A value one time in `oneIn`, otherwise absent. */
const rarely = <T>(value: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });

/** Rare flags, so most ballots are valid. */
const flagsArb = fc.record({
  notIssued: rarely(fc.constant(true), 25),
  unstamped: rarely(fc.constant(true), 25),
  writeIns: rarely(fc.integer({ min: 0, max: 2 }), 15),
  identifyingMarks: rarely(fc.constant(true), 25),
});

/** Small numbers, so that equal votes, exact halves and shortfalls happen often. */
const specArb: fc.Arbitrary<ElectionSpec> = fc
  .record({
    // Delegations weigh more: they are the only elections with alternates.
    kind: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ELECTED_KINDS) }, { weight: 2, arbitrary: fc.constant('delegates' as const) }),
    seats: fc.integer({ min: 1, max: 6 }),
    alternateSeats: fc.integer({ min: 0, max: 3 }),
    names: fc.integer({ min: 1, max: 10 }),
    base: fc.integer({ min: 1, max: 40 }),
    settings: settingsArb,
  })
  .map(({ kind, seats, alternateSeats, names, base, settings }) => ({
    kind,
    seats,
    alternateSeats: kind === 'delegates' ? alternateSeats : 0,
    base,
    candidates: Array.from({ length: names }, (_, i) => ({ id: `id${i}`, name: `Tên ${i}` })),
    settings,
  }));

const limitOf = (spec: ElectionSpec): number =>
  spec.seats + (spec.kind === 'delegates' && spec.settings.alternatesFromSameBallot ? spec.alternateSeats : 0);

const isPoll = (spec: ElectionSpec): boolean => spec.kind === 'opinion-poll' || spec.kind === 'secretary-poll';

const isStrikeOut = (spec: ElectionSpec): boolean => !isPoll(spec) && spec.candidates.length > limitOf(spec);

/** Agree is the most common mark, so that names pass; both / none rows and left-out rows still occur. */
const markArb: fc.Arbitrary<Mark | undefined> = fc.constantFrom<Mark | undefined>('agree', 'agree', 'agree', 'disagree', 'both', 'none', undefined);

/**
 * A ballot of the election's form. Strike-out: mostly a lawful number of strikes (keeping 1 to the limit),
 * sometimes any number (too few strikes, or every name struck). Agree/disagree: a mark per row, some rows left out.
 */
const ballotArb = (spec: ElectionSpec): fc.Arbitrary<Ballot> => {
  const ids = spec.candidates.map((c) => c.id);
  const n = ids.length;
  const strikes = (): fc.Arbitrary<number> => fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: n - limitOf(spec), max: n - 1 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: n }) },
  );
  const body: fc.Arbitrary<{ struck: string[] } | { marks: Record<string, Mark> }> = isStrikeOut(spec)
    ? strikes().chain((k) => fc.shuffledSubarray(ids, { minLength: k, maxLength: k })).map((struck) => ({ struck }))
    : fc.tuple(...ids.map(() => markArb))
      .map((row) => ({ marks: Object.fromEntries(ids.flatMap((id, i) => (row[i] === undefined ? [] : [[id, row[i]]]))) }));
  return fc.tuple(body, flagsArb).map(([b, flags]) => ({ ...flags, ...b }));
};

/**
 * A pile: a few ballot patterns, each cast many times (voters agree in blocks, so names pass and votes are
 * often equal), plus a few odd ballots.
 */
const pileArb = (spec: ElectionSpec): fc.Arbitrary<Ballot[]> =>
  fc.tuple(
    fc.array(ballotArb(spec), { minLength: 1, maxLength: 4 }),
    fc.array(fc.nat(), { maxLength: 40 }),
    fc.array(ballotArb(spec), { maxLength: 6 }),
  ).map(([patterns, picks, odd]) => [...picks.map((p) => patterns[p % patterns.length]!), ...odd]);

const electionArb = specArb.chain((spec) => fc.tuple(fc.constant(spec), pileArb(spec)));

// ----------------------------------------------------------------------------------- the slow reference

interface Reference {
  readonly invalidByReason: Record<InvalidReason, number>;
  readonly valid: number;
  readonly keptPerBallot: readonly (readonly string[] | null)[];
  readonly votes: readonly number[];
  readonly elected: readonly string[];
  readonly alternates: readonly string[];
  readonly tie: Tie | null;
  readonly unfilledSeats: number;
}

/** The names a ballot keeps, read off the paper: names not struck, or rows marked agree. */
const keptNames = (spec: ElectionSpec, ballot: Ballot): string[] =>
  'struck' in ballot
    ? spec.candidates.map((c) => c.id).filter((id) => !ballot.struck.includes(id))
    : 'marks' in ballot ? spec.candidates.map((c) => c.id).filter((id) => ballot.marks[id] === 'agree') : [];

/** docs/rules.md §5, one reason per ballot, first that applies. */
const referenceReason = (spec: ElectionSpec, ballot: Ballot): InvalidReason | null => {
  const s = spec.settings;
  const reasons: InvalidReason[] = [];
  if (ballot.notIssued || (ballot.unstamped && s.unstampedIsNotIssued)) reasons.push('not-issued');
  if ((ballot.writeIns ?? 0) >= 1 && s.writeInInvalid) reasons.push('write-in');
  if (ballot.identifyingMarks && s.identifyingMarkInvalid) reasons.push('identifying-mark');
  if (isPoll(spec)) return reasons[0] ?? null;
  const kept = keptNames(spec, ballot);
  if (kept.length > limitOf(spec)) reasons.push('over-seats');
  if ('struck' in ballot && ballot.struck.length === spec.candidates.length) reasons.push('all-struck');
  if (spec.candidates.length === 1 && 'marks' in ballot && s.singleCandidateBothOrNoneInvalid) {
    const only = ballot.marks[spec.candidates[0]!.id];
    if (only !== 'agree' && only !== 'disagree') reasons.push('no-choice');
  }
  return reasons[0] ?? null;
};

const reference = (spec: ElectionSpec, ballots: readonly Ballot[]): Reference => {
  const invalidByReason: Record<InvalidReason, number> = {
    'not-issued': 0, 'write-in': 0, 'identifying-mark': 0, 'over-seats': 0, 'all-struck': 0, 'no-choice': 0,
  };
  const keptPerBallot = ballots.map((ballot) => {
    const reason = referenceReason(spec, ballot);
    if (reason === null) return keptNames(spec, ballot);
    invalidByReason[reason] += 1;
    return null;
  });
  const ids = spec.candidates.map((c) => c.id);
  const votes = ids.map((id) => keptPerBallot.filter((kept) => kept !== null && kept.includes(id)).length);
  const passing = ids.map((_, i) => i).filter((i) => votes[i]! * 2 > spec.base);
  const atLeast = (i: number) => passing.filter((j) => votes[j]! >= votes[i]!).length;
  const above = (i: number) => passing.filter((j) => votes[j]! > votes[i]!).length;
  const byVotes = (a: number, b: number) => votes[b]! - votes[a]! || a - b;

  const seats = spec.seats;
  const elected = passing.filter((i) => atLeast(i) <= seats).sort(byVotes);
  const officialTie = passing.filter((i) => above(i) < seats && atLeast(i) > seats);
  const allSeats = seats + (spec.kind === 'delegates' && spec.settings.alternatesFromSameBallot ? spec.alternateSeats : 0);
  const official = new Set([...elected, ...officialTie]);
  const alternates = passing.filter((i) => !official.has(i) && atLeast(i) <= allSeats).sort(byVotes);
  const alternateTie = passing.filter((i) => !official.has(i) && above(i) < allSeats && atLeast(i) > allSeats);
  const tieOf = (tied: number[], room: number): Tie =>
    ({ seats: room - above(tied[0]!), candidates: tied.map((i) => ids[i]!) });
  const tie = officialTie.length > 0 ? tieOf(officialTie, seats) : alternateTie.length > 0 ? tieOf(alternateTie, allSeats) : null;
  return {
    invalidByReason,
    valid: keptPerBallot.filter((k) => k !== null).length,
    keptPerBallot,
    votes,
    elected: elected.map((i) => ids[i]!),
    alternates: alternates.map((i) => ids[i]!),
    tie,
    unfilledSeats: allSeats - elected.length - alternates.length,
  };
};

// ----------------------------------------------------------------------------------------- properties

const countOf = (spec: ElectionSpec, ballots: readonly Ballot[]): ElectionCount => {
  const r = countBallots(spec, ballots);
  if (!r.ok) throw new Error(`refused a valid election: ${r.error.message_en}`);
  if (r.value.type !== 'election') throw new Error('not an election');
  return r.value.count;
};

describe('count properties on generated elections', () => {
  it('the generator reaches every outcome, an alternate tie and every invalid reason (the properties are not vacuous)', () => {
    const seen = new Set<string>();
    for (const [spec, ballots] of fc.sample(electionArb, { numRuns: 2000, seed: 2024 })) {
      const count = countOf(spec, ballots);
      seen.add(count.outcome);
      if ((count.alternates ?? []).length > 0) seen.add('alternates');
      if (count.tie !== null && count.tie.candidates.every((id) => !count.elected.includes(id)) && spec.kind === 'delegates'
        && count.elected.length === spec.seats) seen.add('alternate tie');
      for (const [reason, n] of Object.entries(count.ballots.invalidByReason)) if (n > 0) seen.add(reason);
    }
    expect([...seen].sort()).toEqual([
      'all-struck', 'alternate tie', 'alternates', 'complete', 'identifying-mark', 'no-choice', 'not-issued', 'over-seats',
      'shortfall', 'tie', 'write-in',
    ]);
  });

  it('agrees with the slow reference: ballots, votes, elected, alternates, tie, unfilled seats, outcome', () => {
    fc.assert(fc.property(electionArb, ([spec, ballots]) => {
      const count = countOf(spec, ballots);
      const ref = reference(spec, ballots);
      expect(count.ballots).toEqual({ total: ballots.length, valid: ref.valid, invalid: ballots.length - ref.valid, invalidByReason: ref.invalidByReason });
      expect(count.results.map((r) => r.votes)).toEqual(ref.votes);
      expect(count.elected).toEqual(ref.elected);
      expect(count.alternates ?? []).toEqual(ref.alternates);
      expect(count.tie).toEqual(ref.tie);
      expect(count.unfilledSeats).toBe(ref.unfilledSeats);
      expect(count.outcome).toBe(ref.tie !== null ? 'tie' : ref.unfilledSeats > 0 ? 'shortfall' : 'complete');
    }), RUNS);
  });

  it('conserves votes: the sum of votes is the number of names kept on valid ballots', () => {
    fc.assert(fc.property(electionArb, ([spec, ballots]) => {
      const count = countOf(spec, ballots);
      const kept = reference(spec, ballots).keptPerBallot.reduce((sum, k) => sum + (k?.length ?? 0), 0);
      expect(count.results.reduce((sum, r) => sum + r.votes, 0)).toBe(kept);
    }), RUNS);
  });

  it('does not depend on the order of the ballots', () => {
    fc.assert(fc.property(
      electionArb.chain(([spec, ballots]) => fc.tuple(fc.constant(spec), fc.constant(ballots), fc.shuffledSubarray(ballots, { minLength: ballots.length }))),
      ([spec, ballots, shuffled]) => {
        expect(countOf(spec, shuffled)).toEqual(countOf(spec, ballots));
      },
    ), RUNS);
  });

  it('never elects (or takes as alternate) anyone with 2 × votes ≤ N_base', () => {
    fc.assert(fc.property(electionArb, ([spec, ballots]) => {
      const count = countOf(spec, ballots);
      const votes = new Map(count.results.map((r) => [r.id, r.votes]));
      for (const id of [...count.elected, ...(count.alternates ?? [])]) expect(2 * votes.get(id)!).toBeGreaterThan(spec.base);
    }), RUNS);
  });

  it('never elects more than the seats, nor more alternates than the alternate seats', () => {
    fc.assert(fc.property(electionArb, ([spec, ballots]) => {
      const count = countOf(spec, ballots);
      expect(count.elected.length).toBeLessThanOrEqual(spec.seats);
      expect((count.alternates ?? []).length).toBeLessThanOrEqual(spec.alternateSeats);
      expect(new Set([...count.elected, ...(count.alternates ?? [])]).size).toBe(count.elected.length + (count.alternates ?? []).length);
    }), RUNS);
  });

  it('reports an official tie exactly when equal passing votes straddle the last seat', () => {
    fc.assert(fc.property(electionArb, ([spec, ballots]) => {
      const count = countOf(spec, ballots);
      const passingVotes = count.results.map((r) => r.votes).filter((v) => 2 * v > spec.base).sort((a, b) => b - a);
      const straddles = passingVotes.length > spec.seats && passingVotes[spec.seats - 1] === passingVotes[spec.seats];
      const tiedAtLastSeat = count.tie !== null && count.tie.candidates.some((id) => !count.elected.includes(id))
        && count.tie.candidates.every((id) => count.results.find((r) => r.id === id)!.votes === passingVotes[spec.seats - 1]);
      expect(tiedAtLastSeat).toBe(straddles);
      if (!straddles && (spec.kind !== 'delegates' || !spec.settings.alternatesFromSameBallot)) expect(count.tie).toBeNull();
    }), RUNS);
  });

  it('lists the elected by votes, highest first, equal votes in ballot order', () => {
    fc.assert(fc.property(electionArb, ([spec, ballots]) => {
      const count = countOf(spec, ballots);
      const position = new Map(spec.candidates.map((c, i) => [c.id, i]));
      const votes = new Map(count.results.map((r) => [r.id, r.votes]));
      for (const list of [count.elected, count.alternates ?? []]) {
        for (let k = 1; k < list.length; k++) {
          const [a, b] = [list[k - 1]!, list[k]!];
          expect(votes.get(a)! > votes.get(b)! || (votes.get(a) === votes.get(b) && position.get(a)! < position.get(b)!)).toBe(true);
        }
      }
    }), RUNS);
  });
});

describe('poll properties', () => {
  const pollArb = fc.record({ names: fc.integer({ min: 1, max: 8 }), present: fc.integer({ min: 1, max: 30 }) }).chain(({ names, present }) => {
    const spec: ElectionSpec = {
      kind: 'opinion-poll', seats: 0, alternateSeats: 0, base: 250, present,
      candidates: Array.from({ length: names }, (_, i) => ({ id: `n${i}`, name: `Tên ${i}` })),
      settings: { alternatesFromSameBallot: true, writeInInvalid: true, identifyingMarkInvalid: true, singleCandidateBothOrNoneInvalid: true, unstampedIsNotIssued: true },
    };
    return fc.tuple(fc.constant(spec), pileArb(spec));
  });
  it('opinion poll: admits exactly the names with 10 × agree > 3 × present, highest first', () => {
    fc.assert(fc.property(pollArb, ([spec, ballots]) => {
      const r = countBallots(spec, ballots);
      if (!r.ok || r.value.type !== 'opinion-poll') throw new Error('poll refused');
      const ref = reference(spec, ballots);
      const expected = spec.candidates.map((c, i) => ({ id: c.id, i, v: ref.votes[i]! }))
        .filter((c) => 10 * c.v > 3 * spec.present!)
        .sort((a, b) => b.v - a.v || a.i - b.i)
        .map((c) => c.id);
      expect(r.value.count.results.map((x) => x.votes)).toEqual(ref.votes);
      expect(r.value.count.admitted).toEqual(expected);
    }), RUNS);
  });

  it('secretary poll: every valid ballot is a vote for a member, unrecognized or blank', () => {
    const members = ['m1', 'm2', 'm3'];
    const writeIn = fc.oneof(fc.constantFrom(...members), fc.constant(null), fc.constantFrom('someone', 'Nguyễn Văn Ngoài'));
    const ballotsArb = fc.array(fc.tuple(writeIn, flagsArb).map(([w, flags]) => ({ ...flags, writeIn: w })), { maxLength: 40 });
    fc.assert(fc.property(ballotsArb, (ballots) => {
      const spec: ElectionSpec = {
        kind: 'secretary-poll', seats: 0, alternateSeats: 0, base: 24,
        candidates: members.map((id) => ({ id, name: id })),
        settings: { alternatesFromSameBallot: true, writeInInvalid: true, identifyingMarkInvalid: true, singleCandidateBothOrNoneInvalid: true, unstampedIsNotIssued: true },
      };
      const r = countBallots(spec, ballots);
      if (!r.ok || r.value.type !== 'secretary-poll') throw new Error('poll refused');
      const c = r.value.count;
      const validBallots = ballots.filter((b) => !b.notIssued && !b.unstamped && !b.identifyingMarks);
      expect(c.ballots.valid).toBe(validBallots.length);
      expect(c.results.map((x) => x.votes)).toEqual(members.map((m) => validBallots.filter((b) => b.writeIn === m).length));
      expect(c.blank).toBe(validBallots.filter((b) => b.writeIn === null).length);
      expect(c.results.reduce((s, x) => s + x.votes, 0) + c.unrecognized + c.blank).toBe(c.ballots.valid);
    }), RUNS);
  });
});

