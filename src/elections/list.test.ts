import { describe, expect, it } from 'vitest';
import type { Result } from '../rules/index.ts';
import { admitByPoll, canAddDelegate, canRequestWithdrawal, decideWithdrawal, roundSurplus } from './list.ts';
import type { Refusal } from './refusal.ts';
import { person, round } from './test-facts.ts';

const said = (r: Result<unknown, Refusal>): string => (r.ok ? 'ok' : `${r.error.kind} ${r.error.code}`);

describe('the surplus of a round, as the server and the console both show it', () => {
  it('holds a delegation to the congress\'s maximum surplus', () => {
    const delegation = round({ election: { kind: 'delegates' }, seats: 2, candidates: [1, 2, 3, 4, 5].map((id) => person(id)), delegationMaxSurplus: 2 });
    expect(roundSurplus(delegation).errors.map((e) => e.code)).toEqual(['over-congress-max']);
    expect(roundSurplus({ ...delegation, delegationMaxSurplus: null }).errors).toEqual([]);
  });
  it('counts only names on the list, and the convening committee\'s own list only in the first round', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => person(i + 1));
    const withdrawn = round({ seats: 10, candidates: [...names(11), person(12, { status: 'withdrawn' })] });
    expect(roundSurplus(withdrawn)).toMatchObject({ listLength: 11, surplus: 1, errors: [] });
    // Seats 10: the committee prepares 10–15% (1 name); 11 names on its list is within, in round 1.
    expect(roundSurplus(withdrawn).warnings).toEqual([]);
    const round2 = { ...withdrawn, number: 2, candidates: names(13) };
    expect(roundSurplus(round2).warnings).toEqual([]);
    expect(roundSurplus({ ...round2, number: 1 }).warnings.map((w) => w.code)).toEqual(['committee-list-outside-10-15']);
  });
});

describe('who may be put on the list', () => {
  it('not twice, not a member of the election\'s counting board, not once the list is approved', () => {
    expect(said(canAddDelegate(round(), { id: 50, name: 'Vi Văn Mới' }))).toBe('ok');
    expect(said(canAddDelegate(round(), { id: 2, name: 'Người 2' }))).toBe('state candidate.duplicate');
    expect(said(canAddDelegate(round(), { id: 90, name: 'Lê Văn Trưởng' }))).toBe('rule candidate.on-counting-board');
    expect(said(canAddDelegate(round({ status: 'list-approved' }), { id: 50, name: 'Vi Văn Mới' }))).toBe('state round.list-locked');
  });
  it('a withdrawal is asked by a listed candidate and decided by the congress\'s vote', () => {
    expect(said(canRequestWithdrawal(round(), person(1)))).toBe('ok');
    expect(said(canRequestWithdrawal(round(), person(1, { status: 'withdrawn' })))).toBe('state withdrawal.state');
    expect(decideWithdrawal(person(1, { status: 'withdrawal-requested' }), true)).toEqual({ ok: true, value: 'withdrawn' });
    expect(decideWithdrawal(person(1, { status: 'withdrawal-requested' }), false)).toEqual({ ok: true, value: 'listed' });
    expect(said(decideWithdrawal(person(1), true))).toBe('state withdrawal.none');
  });
});

describe('the opinion poll (docs/rules.md §4)', () => {
  // 3 seats, the committee's 3 names, 3 nominees; the congress voted a maximum surplus of 1: room for 1 nominee.
  const r = round({ candidates: [1, 2, 3].map((id) => person(id)).concat([4, 5, 6].map((id) => person(id, { source: 'nominated' }))), election: { maxSurplus: 1 } });
  it('admits those above 30% of those present, from the highest, while the surplus leaves room', () => {
    // 40 present: more than 12 agree passes (13 does, 12 does not).
    const a = admitByPoll(r, { present: 40, results: [{ candidateId: 4, agree: 20 }, { candidateId: 5, agree: 13 }, { candidateId: 6, agree: 12 }] });
    expect(a).toEqual({ ok: true, value: { admitted: ['4'], leftOut: ['5'], tied: [], room: 1 } });
  });
  it('reports a tie at the cut for the congress to settle', () => {
    const a = admitByPoll(r, { present: 40, results: [{ candidateId: 4, agree: 20 }, { candidateId: 5, agree: 20 }] });
    expect(a.ok && a.value).toEqual({ admitted: [], leftOut: [], tied: ['4', '5'], room: 1 });
  });
  it('polls nominees on the list only, never more agree than present', () => {
    expect(said(admitByPoll(r, { present: 40, results: [{ candidateId: 1, agree: 20 }] }))).toBe('rule poll.not-nominee');
    expect(said(admitByPoll(r, { present: 40, results: [{ candidateId: 4, agree: 41 }] }))).toBe('rule poll.over-present');
  });
});
