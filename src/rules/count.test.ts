import { describe, expect, it } from 'vitest';
import {
  SEED_NAMES, SEED_SEATS, SEED_VALID_BALLOTS, SEED_VOTES, seedCongressCountFile, seedId,
} from '../../test/fixtures/seed-congress.ts';
import type { Ballot } from './ballot.ts';
import { countBallots, type CountOutcome, type ElectionCount, type OpinionPollCount, type SecretaryPollCount } from './count.ts';
import type { ElectionSpec } from './election.ts';
import { defaultCountSettings } from './settings.ts';
import { candidates, copies, election, marksOf } from './test-helpers.ts';

const outcomeOf = (spec: ElectionSpec, ballots: readonly Ballot[]): CountOutcome => {
  const r = countBallots(spec, ballots);
  if (!r.ok) throw new Error(`count refused: ${r.error.message_en} (${r.error.field ?? ''})`);
  return r.value;
};
const electionCount = (spec: ElectionSpec, ballots: readonly Ballot[]): ElectionCount => {
  const o = outcomeOf(spec, ballots);
  if (o.type !== 'election') throw new Error(`not an election: ${o.type}`);
  return o.count;
};
const votesOf = (c: { results: readonly { votes: number }[] }) => c.results.map((r) => r.votes);

describe('the seed congress: 256 summoned, 6 excluded, 24 seats, 27 names', () => {
  const file = seedCongressCountFile();
  const spec: ElectionSpec = {
    kind: 'committee', seats: SEED_SEATS, alternateSeats: 0, base: 256 - 6,
    candidates: file.election.candidates, settings: defaultCountSettings,
  };
  const count = electionCount(spec, file.ballots);

  it('measures against N_base 250: 126 votes are needed', () => {
    expect([count.base, count.threshold]).toEqual([250, 126]);
  });
  it('245 ballots: 240 valid, one invalid for each reason a strike-out list can have', () => {
    expect(count.ballots).toEqual({
      total: 245, valid: 240, invalid: 5,
      invalidByReason: { 'not-issued': 1, 'write-in': 1, 'identifying-mark': 1, 'over-seats': 1, 'all-struck': 1, 'no-choice': 0 },
    });
  });
  it('counts exactly the votes the ballots were built from, in ballot order, with % of N_base', () => {
    expect(count.results.map((r) => r.name)).toEqual(SEED_NAMES);
    expect(votesOf(count)).toEqual(SEED_VOTES);
    expect(count.results[0]).toEqual({ id: 'c01', name: 'Nguyễn Văn An', votes: 240, percent: 96 });
    expect(count.results[15]).toEqual({ id: 'c16', name: 'Nguyễn Thị Nga', votes: 125, percent: 50 });
  });
  it('elects the 24 above half, highest first; the two with 230 keep ballot order; 125 (exactly half) is not elected', () => {
    const expected = SEED_VOTES.map((votes, i) => ({ id: seedId(i), votes }))
      .filter((c) => c.votes > 125)
      .sort((a, b) => b.votes - a.votes || a.id.localeCompare(b.id))
      .map((c) => c.id);
    expect(count.elected).toEqual(expected);
    expect(count.elected).toHaveLength(24);
    expect(count.elected.slice(10, 12)).toEqual(['c14', 'c18']); // Lý Văn Minh, Phạm Văn Phúc: 230 each
    expect(count.elected).not.toContain('c16');
    expect([count.tie, count.unfilledSeats, count.outcome]).toEqual([null, 0, 'complete']);
    expect(count.alternates).toBeUndefined();
  });
  it('every valid ballot keeps exactly the seats: votes sum to 24 × 240', () => {
    expect(votesOf(count).reduce((a, b) => a + b, 0)).toBe(SEED_SEATS * SEED_VALID_BALLOTS);
  });
});

describe('more than half of N_base, never of the valid ballots', () => {
  it('N_base 20: 11 votes elect, 10 (exactly half) do not, even when 10 is every valid ballot', () => {
    const spec = election({ kind: 'secretary', seats: 1, base: 20, candidates: candidates(1) });
    expect(electionCount(spec, copies(11, marksOf('agree'))).elected).toEqual(['c1']);
    const half = electionCount(spec, copies(10, marksOf('agree')));
    expect([half.elected, half.unfilledSeats, half.outcome]).toEqual([[], 1, 'shortfall']);
  });
  it('N_base 19: 10 votes elect', () => {
    const spec = election({ kind: 'secretary', seats: 1, base: 19, candidates: candidates(1) });
    expect(electionCount(spec, copies(10, marksOf('agree'))).elected).toEqual(['c1']);
  });
});

describe('a list without surplus (agree/disagree rows)', () => {
  const spec = election({ seats: 3, base: 10, candidates: candidates(3) });
  it('a row with both boxes or neither is not counted for that person, and the ballot stays valid [law]', () => {
    const count = electionCount(spec, [
      ...copies(6, marksOf('agree', 'agree', 'agree')),
      marksOf('both', 'agree', 'disagree'),
      marksOf('none', 'none', 'agree'),
      marksOf('disagree', 'both', 'none'),
    ]);
    expect(count.ballots).toMatchObject({ total: 9, valid: 9, invalid: 0 });
    expect(votesOf(count)).toEqual([6, 7, 7]);
    expect(count.elected).toEqual(['c2', 'c3', 'c1']);
    expect(count.outcome).toBe('complete');
  });
  it('fewer names than seats: each passing name is elected, the empty seats are a shortfall', () => {
    const fewer = election({ seats: 5, base: 10, candidates: candidates(3) });
    const count = electionCount(fewer, copies(6, marksOf('agree', 'agree', 'disagree')));
    expect([count.elected, count.unfilledSeats, count.outcome]).toEqual([['c1', 'c2'], 3, 'shortfall']);
  });
});

describe('a single candidate (docs/rules.md §5)', () => {
  const spec = election({ kind: 'secretary', seats: 1, base: 10, candidates: candidates(1) });
  it('both boxes or neither → invalid, reason no-choice [practice, default]', () => {
    const count = electionCount(spec, [...copies(6, marksOf('agree')), marksOf('disagree'), marksOf('both'), marksOf('none')]);
    expect(count.ballots).toMatchObject({ total: 9, valid: 7, invalid: 2, invalidByReason: { 'no-choice': 2 } });
    expect([votesOf(count), count.elected]).toEqual([[6], ['c1']]);
  });
  it('with the setting off, such a ballot is valid and gives no vote', () => {
    const lenient = election({ kind: 'secretary', seats: 1, base: 10, candidates: candidates(1), settings: { singleCandidateBothOrNoneInvalid: false } });
    const count = electionCount(lenient, [...copies(5, marksOf('agree')), marksOf('both'), marksOf('none')]);
    expect(count.ballots).toMatchObject({ valid: 7, invalid: 0 });
    expect([votesOf(count), count.elected, count.outcome]).toEqual([[5], [], 'shortfall']);
  });
});

/** A strike-out ballot that keeps the given names and strikes every other name on the list. */
const keeping = (spec: ElectionSpec, ...kept: string[]): Ballot => ({
  struck: spec.candidates.map((c) => c.id).filter((id) => !kept.includes(id)),
});

describe('a list with surplus: more passing than seats, ties, shortfall (N_base 10 → 6 votes)', () => {
  /** 4 names for 2 seats. */
  const spec = election({ seats: 2, base: 10, candidates: candidates(4) });
  it('more pass than seats: the highest votes win', () => {
    const count = electionCount(spec, [
      ...copies(7, keeping(spec, 'c1', 'c3')), ...copies(2, keeping(spec, 'c1', 'c2')), keeping(spec, 'c2', 'c3'),
    ]);
    expect(votesOf(count)).toEqual([9, 3, 8, 0]);
    expect([count.elected, count.tie, count.outcome]).toEqual([['c1', 'c3'], null, 'complete']);
  });
  it('a tie at the cut-off: nobody in the tie is elected; the result names the seats left and who is tied', () => {
    const count = electionCount(spec, [
      ...copies(4, keeping(spec, 'c1', 'c2')), ...copies(4, keeping(spec, 'c1', 'c3')), ...copies(2, keeping(spec, 'c3', 'c2')),
    ]);
    expect(votesOf(count)).toEqual([8, 6, 6, 0]);
    expect(count.elected).toEqual(['c1']);
    expect(count.tie).toEqual({ seats: 1, candidates: ['c2', 'c3'] });
    expect([count.unfilledSeats, count.outcome]).toEqual([1, 'tie']);
  });
  it('a tie for every seat: the tie covers both seats', () => {
    const count = electionCount(spec, [
      ...copies(3, keeping(spec, 'c1', 'c2')), ...copies(3, keeping(spec, 'c1', 'c3')), ...copies(3, keeping(spec, 'c2', 'c3')),
      keeping(spec, 'c4'),
    ]);
    expect(votesOf(count)).toEqual([6, 6, 6, 1]);
    expect([count.elected, count.tie, count.unfilledSeats]).toEqual([[], { seats: 2, candidates: ['c1', 'c2', 'c3'] }, 2]);
  });
  it('equal votes inside the seats are no tie', () => {
    const count = electionCount(spec, [...copies(7, keeping(spec, 'c2', 'c4')), ...copies(3, keeping(spec, 'c1'))]);
    expect(votesOf(count)).toEqual([3, 7, 0, 7]);
    expect([count.elected, count.tie, count.outcome]).toEqual([['c2', 'c4'], null, 'complete']);
  });
  it('equal votes at exactly half are no tie but a shortfall: they did not pass', () => {
    const count = electionCount(spec, [
      ...copies(4, keeping(spec, 'c1', 'c2')), ...copies(4, keeping(spec, 'c1', 'c3')), keeping(spec, 'c2', 'c4'), keeping(spec, 'c3', 'c4'),
    ]);
    expect(votesOf(count)).toEqual([8, 5, 5, 2]);
    expect([count.elected, count.tie, count.unfilledSeats, count.outcome]).toEqual([['c1'], null, 1, 'shortfall']);
  });
  it('nobody passes: every seat unfilled', () => {
    const count = electionCount(spec, [...copies(5, keeping(spec, 'c1')), ...copies(5, keeping(spec, 'c2'))]);
    expect(votesOf(count)).toEqual([5, 5, 0, 0]);
    expect([count.elected, count.unfilledSeats, count.outcome]).toEqual([[], 2, 'shortfall']);
  });
});

describe('the delegation to the higher congress: officials, then alternates (docs/rules.md §6, Art. 18)', () => {
  /** 3 officials + 2 alternates from 7 names; a voter keeps up to 5 [open, default]. N_base 20 → 11. */
  const spec = election({ kind: 'delegates', seats: 3, alternateSeats: 2, base: 20, candidates: candidates(7) });
  const pile = (rows: ReadonlyArray<readonly [number, string[]]>): Ballot[] =>
    rows.flatMap(([n, kept]) => copies(n, keeping(spec, ...kept)));

  it('officials are the highest passing names; alternates the next passing names, ranked by votes', () => {
    // c1 18, c2 17, c3 16, c4 14, c6 11 pass (N_base 20 → 11); c5 8 and c7 2 do not
    const count = electionCount(spec, pile([
      [11, ['c1', 'c2', 'c3', 'c4', 'c6']], [1, ['c1', 'c2', 'c3', 'c5', 'c7']], [1, ['c1', 'c2', 'c3', 'c4', 'c5']],
      [2, ['c1', 'c2', 'c3', 'c4', 'c5']], [1, ['c1', 'c2', 'c3', 'c5', 'c7']], [1, ['c1', 'c2', 'c5']],
      [1, ['c1', 'c5']], [1, ['c5']],
    ]));
    expect(votesOf(count)).toEqual([18, 17, 16, 14, 8, 11, 2]);
    expect(count.elected).toEqual(['c1', 'c2', 'c3']);
    expect(count.alternates).toEqual(['c4', 'c6']);
    expect([count.tie, count.unfilledSeats, count.outcome]).toEqual([null, 0, 'complete']);
  });
  it('a voter may keep officials + alternates: 5 kept is valid, 6 is over the seats', () => {
    const count = electionCount(spec, [keeping(spec, 'c1', 'c2', 'c3', 'c4', 'c5'), keeping(spec, 'c1', 'c2', 'c3', 'c4', 'c5', 'c6')]);
    expect(count.ballots).toMatchObject({ valid: 1, invalid: 1, invalidByReason: { 'over-seats': 1 } });
  });
  it('alternates must pass too: passing names short of the alternate seats leave them unfilled', () => {
    const count = electionCount(spec, pile([[11, ['c1', 'c2', 'c3', 'c4']], [9, ['c1', 'c2', 'c3']]]));
    expect(count.elected).toEqual(['c1', 'c2', 'c3']);
    expect(count.alternates).toEqual(['c4']); // 11 votes
    expect([count.unfilledSeats, count.outcome]).toEqual([1, 'shortfall']);
  });
  it('a tie for the last official seat: the tied who lose the revote keep alternate places above the rest', () => {
    // c1 20, c2 18 elected; c3 and c4 tied at 15 for the last official seat; c5 12 and c6 11 both pass, but the
    // tie leaves one alternate place (the loser of the revote ranks above them): c5 takes it, c6 does not.
    const count = electionCount(spec, pile([
      [7, ['c1', 'c2', 'c3', 'c4', 'c5']], [8, ['c1', 'c2', 'c3', 'c4', 'c6']], [3, ['c1', 'c2', 'c5', 'c6']], [2, ['c1', 'c5']],
    ]));
    expect(votesOf(count)).toEqual([20, 18, 15, 15, 12, 11, 0]);
    expect(count.elected).toEqual(['c1', 'c2']);
    expect(count.tie).toEqual({ seats: 1, candidates: ['c3', 'c4'] });
    expect(count.alternates).toEqual(['c5']);
    expect([count.unfilledSeats, count.outcome]).toEqual([2, 'tie']);
  });
  it('alternatesFromSameBallot off: officials only, a voter keeps up to the official seats', () => {
    const off = election({ kind: 'delegates', seats: 3, alternateSeats: 2, base: 20, candidates: candidates(7), settings: { alternatesFromSameBallot: false } });
    const count = electionCount(off, [
      ...copies(15, keeping(off, 'c1', 'c2', 'c3')), ...copies(4, keeping(off, 'c4', 'c5', 'c6')),
      keeping(off, 'c1', 'c2', 'c3', 'c4'),
    ]);
    expect(count.ballots).toMatchObject({ valid: 19, invalidByReason: { 'over-seats': 1 } });
    expect([count.elected, count.alternates, count.unfilledSeats, count.outcome]).toEqual([['c1', 'c2', 'c3'], [], 0, 'complete']);
  });
});

describe('the opinion poll on nominees (docs/rules.md §4): measured against the delegates PRESENT', () => {
  const spec = election({ kind: 'opinion-poll', seats: 0, base: 250, present: 10, candidates: candidates(4) });
  it('admits the names with 10 × agree > 3 × present, highest first; exactly 30% is not enough', () => {
    const o = outcomeOf(spec, [
      ...copies(3, marksOf('agree', 'agree', 'agree', 'disagree')),
      marksOf('disagree', 'agree', 'none', 'agree'),
      ...copies(2, marksOf('disagree', 'agree', 'both', 'disagree')),
    ]);
    expect(o.type).toBe('opinion-poll');
    const poll = o.count as OpinionPollCount;
    expect([poll.base, poll.threshold]).toEqual([10, 4]);
    expect(votesOf(poll)).toEqual([3, 6, 3, 1]);
    expect(poll.results[1]).toMatchObject({ votes: 6, percent: 60 });
    expect(poll.admitted).toEqual(['c2']);
  });
  it('admitted in order of agree votes; equal results keep ballot order', () => {
    const poll = outcomeOf(spec, [...copies(4, marksOf('agree', 'disagree', 'agree', 'agree')), ...copies(2, marksOf('none', 'none', 'agree', 'none'))]).count as OpinionPollCount;
    expect(poll.admitted).toEqual(['c3', 'c1', 'c4']);
  });
});

describe('the secretary nomination poll (docs/rules.md §7): advisory, one written name', () => {
  /** The newly elected committee members are the candidates. */
  const spec = election({ kind: 'secretary-poll', seats: 0, base: 24, candidates: candidates(3) });
  it('counts write-ins per member; names outside the members are unrecognized; empty ballots are blank', () => {
    const o = outcomeOf(spec, [
      ...copies(15, { writeIn: 'c2' }), ...copies(4, { writeIn: 'c1' }), { writeIn: 'Nguyễn Văn Ngoài' }, ...copies(2, { writeIn: null }),
      { writeIn: 'c3', identifyingMarks: true },
    ]);
    expect(o.type).toBe('secretary-poll');
    const poll = o.count as SecretaryPollCount;
    expect(poll.ballots).toMatchObject({ total: 23, valid: 22, invalid: 1, invalidByReason: { 'identifying-mark': 1 } });
    expect(votesOf(poll)).toEqual([4, 15, 0]);
    expect(poll.results[1]).toMatchObject({ votes: 15, percent: 62.5 });
    expect([poll.unrecognized, poll.blank]).toEqual([1, 2]);
    expect('elected' in poll).toBe(false); // it elects nobody
  });
});

describe('what the count refuses, naming the field', () => {
  const refusal = (spec: ElectionSpec, ballots: readonly Ballot[] = []) => {
    const r = countBallots(spec, ballots);
    return r.ok ? null : { code: r.error.code, field: r.error.field };
  };
  it('duplicate candidate ids', () => {
    const dup = election({ candidates: [{ id: 'a', name: 'X' }, { id: 'b', name: 'Y' }, { id: 'a', name: 'Z' }] });
    expect(refusal(dup)).toEqual({ code: 'election.duplicate-candidate', field: 'election.candidates[2].id' });
  });
  it('an opinion poll without the number present', () => {
    expect(refusal(election({ kind: 'opinion-poll', seats: 0 }))).toEqual({ code: 'election.present', field: 'election.present' });
  });
  it('alternate seats outside a delegation', () => {
    expect(refusal(election({ alternateSeats: 1 }))).toEqual({ code: 'election.alternateSeats', field: 'election.alternateSeats' });
  });
  it('no seats, no candidates, no base', () => {
    expect(refusal(election({ seats: 0 }))?.field).toBe('election.seats');
    expect(refusal(election({ candidates: [] }))?.field).toBe('election.candidates');
    expect(refusal(election({ base: 0 }))?.field).toBe('election.base');
  });
  it('a ballot of the wrong form, or naming someone not on the list', () => {
    const spec = election({ seats: 2, candidates: candidates(3) });
    expect(refusal(spec, [{ struck: ['c1'] }, marksOf('agree')])).toEqual({ code: 'ballot.form', field: 'ballots[1]' });
    expect(refusal(spec, [{ struck: ['c1'] }, { struck: ['c9'] }])).toEqual({ code: 'ballot.unknown-candidate', field: 'ballots[1].struck[0]' });
  });
});
