import { describe, expect, it } from 'vitest';
import { ballotVotes, checkBallotShape, indexCandidates, INVALID_REASONS, invalidReason, type Ballot } from './ballot.ts';
import { ballotForm } from './election.ts';
import { candidates, election, marksOf } from './test-helpers.ts';

/** 5 names for 3 seats: a list with surplus, struck out. */
const surplusList = election({ seats: 3, candidates: candidates(5) });
/** 3 names for 3 seats: agree/disagree rows. */
const noSurplusList = election({ seats: 3, candidates: candidates(3) });
/** The single-candidate ballot, e.g. the secretary. */
const single = election({ kind: 'secretary', seats: 1, candidates: candidates(1) });

const reasonOn = (spec: typeof surplusList, ballot: Ballot) => invalidReason(spec, ballotForm(spec), ballot);

describe('invalid ballots (docs/rules.md §5): each reason', () => {
  it('not-issued: not issued by the counting board', () => {
    expect(reasonOn(surplusList, { struck: ['c1', 'c2'], notIssued: true })).toBe('not-issued');
  });
  it('not-issued: an unstamped ballot, while unstampedIsNotIssued is on [open, default]', () => {
    expect(reasonOn(surplusList, { struck: ['c1', 'c2'], unstamped: true })).toBe('not-issued');
    const off = election({ seats: 3, candidates: candidates(5), settings: { unstampedIsNotIssued: false } });
    expect(reasonOn(off, { struck: ['c1', 'c2'], unstamped: true })).toBeNull();
  });
  it('write-in: a name written in from outside the list [practice, setting]', () => {
    expect(reasonOn(surplusList, { struck: ['c1', 'c2'], writeIns: 1 })).toBe('write-in');
    expect(reasonOn(surplusList, { struck: ['c1', 'c2'], writeIns: 0 })).toBeNull();
    const off = election({ seats: 3, candidates: candidates(5), settings: { writeInInvalid: false } });
    expect(reasonOn(off, { struck: ['c1', 'c2'], writeIns: 2 })).toBeNull();
  });
  it('identifying-mark: a signature or identifying mark [practice, setting]', () => {
    expect(reasonOn(surplusList, { struck: ['c1', 'c2'], identifyingMarks: true })).toBe('identifying-mark');
    const off = election({ seats: 3, candidates: candidates(5), settings: { identifyingMarkInvalid: false } });
    expect(reasonOn(off, { struck: ['c1', 'c2'], identifyingMarks: true })).toBeNull();
  });
  it('over-seats: more names kept than seats (5 names, 3 seats: 1 struck keeps 4)', () => {
    expect(reasonOn(surplusList, { struck: ['c1'] })).toBe('over-seats');
    expect(reasonOn(surplusList, { struck: [] })).toBe('over-seats');
    expect(reasonOn(surplusList, { struck: ['c1', 'c2'] })).toBeNull(); // keeps 3 = seats
    expect(reasonOn(surplusList, { struck: ['c1', 'c2', 'c3', 'c4'] })).toBeNull(); // keeps 1: fewer is valid
  });
  it('over-seats on agree/disagree rows too, should such a ballot be used for a list longer than the seats', () => {
    expect(invalidReason(surplusList, 'agree-disagree', marksOf('agree', 'agree', 'agree', 'agree'))).toBe('over-seats');
    expect(invalidReason(surplusList, 'agree-disagree', marksOf('agree', 'agree', 'agree', 'disagree', 'both'))).toBeNull();
  });
  it('all-struck: every name struck on a list with surplus', () => {
    expect(reasonOn(surplusList, { struck: ['c1', 'c2', 'c3', 'c4', 'c5'] })).toBe('all-struck');
  });
  it('no-choice: a single-candidate ballot with both boxes or neither [practice, setting]', () => {
    expect(reasonOn(single, marksOf('both'))).toBe('no-choice');
    expect(reasonOn(single, marksOf('none'))).toBe('no-choice');
    expect(reasonOn(single, { marks: {} })).toBe('no-choice'); // no row marked at all
    expect(reasonOn(single, marksOf('agree'))).toBeNull();
    expect(reasonOn(single, marksOf('disagree'))).toBeNull();
    const off = election({ kind: 'secretary', seats: 1, candidates: candidates(1), settings: { singleCandidateBothOrNoneInvalid: false } });
    expect(reasonOn(off, marksOf('both'))).toBeNull();
  });
  it('no-surplus list with several names: a both/none row is not a reason, the ballot stays valid [law]', () => {
    expect(reasonOn(noSurplusList, marksOf('both', 'none', 'agree'))).toBeNull();
    expect(reasonOn(noSurplusList, marksOf('none', 'none', 'none'))).toBeNull();
    expect(reasonOn(noSurplusList, marksOf('disagree', 'disagree', 'disagree'))).toBeNull();
  });
});

describe('one reason per ballot: the first that applies', () => {
  it('the reasons are listed in the order of the contract', () => {
    expect(INVALID_REASONS).toEqual(['not-issued', 'write-in', 'identifying-mark', 'over-seats', 'all-struck', 'no-choice']);
  });
  const everything = { notIssued: true, writeIns: 1, identifyingMarks: true } as const;
  it('not-issued before write-in, identifying-mark and over-seats', () => {
    expect(reasonOn(surplusList, { struck: [], ...everything })).toBe('not-issued');
  });
  it('write-in before identifying-mark and over-seats', () => {
    expect(reasonOn(surplusList, { struck: [], writeIns: 1, identifyingMarks: true })).toBe('write-in');
  });
  it('identifying-mark before over-seats and all-struck', () => {
    expect(reasonOn(surplusList, { struck: [], identifyingMarks: true })).toBe('identifying-mark');
    expect(reasonOn(surplusList, { struck: ['c1', 'c2', 'c3', 'c4', 'c5'], identifyingMarks: true })).toBe('identifying-mark');
  });
  it('identifying-mark before no-choice', () => {
    expect(reasonOn(single, { ...marksOf('both'), identifyingMarks: true })).toBe('identifying-mark');
  });
  it('a switched-off reason lets the next one apply', () => {
    const lenient = election({ seats: 3, candidates: candidates(5), settings: { writeInInvalid: false, identifyingMarkInvalid: false } });
    expect(reasonOn(lenient, { struck: [], writeIns: 1, identifyingMarks: true })).toBe('over-seats');
  });
});

describe('the polls', () => {
  const poll = election({ kind: 'opinion-poll', seats: 0, present: 10, candidates: candidates(3) });
  const secretaryPoll = election({ kind: 'secretary-poll', seats: 0, candidates: candidates(3) });
  it('an opinion-poll ballot with both/none rows stays valid; marks still count', () => {
    expect(reasonOn(poll, marksOf('both', 'none', 'agree'))).toBeNull();
    expect(reasonOn(poll, { ...marksOf('agree'), identifyingMarks: true })).toBe('identifying-mark');
  });
  it('a secretary-poll ballot IS a written name: writeIns is no reason there; a mark still is', () => {
    expect(reasonOn(secretaryPoll, { writeIn: 'c1', writeIns: 1 })).toBeNull();
    expect(reasonOn(secretaryPoll, { writeIn: 'c1', identifyingMarks: true })).toBe('identifying-mark');
    expect(reasonOn(secretaryPoll, { writeIn: null, notIssued: true })).toBe('not-issued');
  });
});

describe('ballot shape: a mismatch is an input error naming the field, not an invalid ballot', () => {
  const index = indexCandidates(surplusList);
  it('a marks ballot on a strike-out list', () => {
    const r = checkBallotShape('strike-out', index, marksOf('agree'), 'ballots[4]');
    expect(r).toMatchObject({ ok: false, error: { code: 'ballot.form', field: 'ballots[4]' } });
    if (!r.ok) expect([r.error.message_vi, r.error.message_en]).toEqual([expect.stringContaining('struck'), expect.stringContaining('struck')]);
  });
  it('a struck id that is not on the list', () => {
    expect(checkBallotShape('strike-out', index, { struck: ['c1', 'x9'] }, 'ballots[0]'))
      .toMatchObject({ ok: false, error: { code: 'ballot.unknown-candidate', field: 'ballots[0].struck[1]' } });
  });
  it('a name struck twice', () => {
    expect(checkBallotShape('strike-out', index, { struck: ['c2', 'c2'] }, 'ballots[0]'))
      .toMatchObject({ ok: false, error: { code: 'ballot.duplicate', field: 'ballots[0].struck[1]' } });
  });
  it('a marked id that is not on the list', () => {
    expect(checkBallotShape('agree-disagree', index, { marks: { c1: 'agree', zz: 'agree' } }, 'ballots[2]'))
      .toMatchObject({ ok: false, error: { code: 'ballot.unknown-candidate', field: 'ballots[2].marks.zz' } });
  });
  it('a write-in form needs "writeIn"; the field path may be given lazily', () => {
    expect(checkBallotShape('write-in', index, { struck: [] }, () => 'ballots[7]'))
      .toMatchObject({ ok: false, error: { code: 'ballot.form', field: 'ballots[7]' } });
  });
  it('a well-formed ballot passes', () => {
    expect(checkBallotShape('strike-out', index, { struck: ['c5', 'c1'] }, 'ballots[0]')).toEqual({ ok: true, value: true });
  });
});

describe('the names a valid ballot votes for, in ballot order', () => {
  it('strike-out: every name not struck', () => {
    expect(ballotVotes(surplusList, 'strike-out', { struck: ['c4', 'c2'] })).toEqual(['c1', 'c3', 'c5']);
  });
  it('agree/disagree: only the agree rows; both and none are not counted', () => {
    expect(ballotVotes(noSurplusList, 'agree-disagree', marksOf('agree', 'both', 'agree'))).toEqual(['c1', 'c3']);
  });
  it('secretary poll: the written member, nothing for an unknown name or a blank', () => {
    expect(ballotVotes(noSurplusList, 'write-in', { writeIn: 'c2' })).toEqual(['c2']);
    expect(ballotVotes(noSurplusList, 'write-in', { writeIn: 'someone else' })).toEqual([]);
    expect(ballotVotes(noSurplusList, 'write-in', { writeIn: null })).toEqual([]);
  });
});
