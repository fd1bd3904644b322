import { describe, expect, it } from 'vitest';
import { ballotForm, ballotLimit, ELECTION_KINDS, surplusApplies } from './election.ts';
import { candidates, election } from './test-helpers.ts';

describe('ballot limit: how many names a voter may keep', () => {
  it('is the seats for every body except a delegation', () => {
    expect(ballotLimit(election({ kind: 'committee', seats: 24 }))).toBe(24);
  });
  it('a delegation with alternates from the same ballot: officials + alternates [open, default]', () => {
    expect(ballotLimit(election({ kind: 'delegates', seats: 10, alternateSeats: 2 }))).toBe(12);
  });
  it('a delegation with alternatesFromSameBallot off: the official seats only', () => {
    expect(ballotLimit(election({ kind: 'delegates', seats: 10, alternateSeats: 2, settings: { alternatesFromSameBallot: false } }))).toBe(10);
  });
});

describe('ballot form (docs/rules.md §5)', () => {
  it('more names than the limit → strike-out list', () => {
    expect(ballotForm(election({ seats: 24, candidates: candidates(27) }))).toBe('strike-out');
  });
  it('as many names as the limit, or fewer → agree/disagree list', () => {
    expect(ballotForm(election({ seats: 3, candidates: candidates(3) }))).toBe('agree-disagree');
    expect(ballotForm(election({ seats: 5, candidates: candidates(3) }))).toBe('agree-disagree');
  });
  it('one name for one seat → single-candidate ballot', () => {
    expect(ballotForm(election({ kind: 'secretary', seats: 1, candidates: candidates(1) }))).toBe('single');
  });
  it('a delegation of 10 + 2 alternates with 12 names is agree/disagree; with 13 it is strike-out', () => {
    expect(ballotForm(election({ kind: 'delegates', seats: 10, alternateSeats: 2, candidates: candidates(12) }))).toBe('agree-disagree');
    expect(ballotForm(election({ kind: 'delegates', seats: 10, alternateSeats: 2, candidates: candidates(13) }))).toBe('strike-out');
  });
  it('the two polls have their own forms, whatever the list', () => {
    expect(ballotForm(election({ kind: 'opinion-poll', seats: 0, candidates: candidates(4) }))).toBe('opinion-poll');
    expect(ballotForm(election({ kind: 'secretary-poll', seats: 0, candidates: candidates(4) }))).toBe('write-in');
  });
});

describe('surplus applies to committees and standing committees only', () => {
  it.each(ELECTION_KINDS.map((k) => [k, k === 'committee' || k === 'standing-committee']))('%s → %s', (kind, applies) => {
    expect(surplusApplies(kind)).toBe(applies);
  });
});
