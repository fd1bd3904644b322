import { describe, expect, it } from 'vitest';
import type { Result } from '../rules/index.ts';
import type { Refusal } from './refusal.ts';
import {
  canApproveList, canHandCount, canOpenCounting, canOpenVoting, canPublish, canRecordBallots, canStartCounting,
} from './round-life.ts';
import { board, person, round } from './test-facts.ts';

/** `ok`, or `kind code` of the refusal. */
const said = (r: Result<unknown, Refusal>): string => (r.ok ? 'ok' : `${r.error.kind} ${r.error.code}`);

describe('approving the list (docs/rules.md §4)', () => {
  it('needs someone on it, no pending withdrawal, every nominee polled and a lawful surplus', () => {
    expect(said(canApproveList(round()))).toBe('ok');
    expect(said(canApproveList(round({ candidates: [] })))).toBe('rule list.empty');
    expect(said(canApproveList(round({ candidates: [person(1), person(2), person(3), person(4, { status: 'withdrawal-requested' })] })))).toBe('rule list.withdrawal-pending');
    expect(said(canApproveList(round({ candidates: [person(1), person(2), person(3), person(4, { source: 'nominated' })] })))).toBe('rule list.poll-pending');
    // 3 seats, 3 names: no surplus.
    expect(said(canApproveList(round({ candidates: [person(1), person(2), person(3)] })))).toBe('rule list.surplus');
    // The congress voted a maximum surplus of 0 for this election: 4 names for 3 seats is over it.
    expect(said(canApproveList(round({ election: { maxSurplus: 0 } })))).toBe('rule list.surplus');
  });
  it('refuses outside the draft, as a matter of state', () => {
    expect(said(canApproveList(round({ status: 'voting' })))).toBe('state round.illegal-transition');
    expect(said(canApproveList(round({ status: 'list-approved' })))).toBe('state round.already');
  });
  it('polls need no poll of their own nominees', () => {
    expect(said(canApproveList(round({ election: { kind: 'opinion-poll' }, seats: 0, candidates: [person(1, { source: 'nominated' })] })))).toBe('ok');
  });
});

describe('opening the vote (docs/rules.md §2)', () => {
  const approved = round({ status: 'list-approved' });
  it('needs an approved counting board none of whose members is on the list', () => {
    expect(said(canOpenVoting(approved))).toBe('ok');
    expect(said(canOpenVoting({ ...approved, board: null }))).toBe('rule voting.no-counting-board');
    expect(said(canOpenVoting({ ...approved, board: board({ approved: false }) }))).toBe('rule voting.board-not-approved');
    const clash = { ...approved, candidates: [...approved.candidates, person(91, { name: 'Hà Thị Viên' })] };
    const r = canOpenVoting(clash);
    expect(said(r)).toBe('rule voting.board-candidate');
    expect(r.ok ? '' : r.error.message_vi).toContain('Hà Thị Viên');
  });
  it('a withdrawn board member is not on the list', () => {
    const gone = { ...approved, candidates: [...approved.candidates, person(91, { status: 'withdrawn' })] };
    expect(said(canOpenVoting(gone))).toBe('ok');
  });
});

describe('ballots issued and collected', () => {
  const voting = round({ status: 'voting', present: 10 });
  it('never more issued than present, nor more collected than issued', () => {
    expect(said(canRecordBallots(voting, 10, 10))).toBe('ok');
    expect(said(canRecordBallots(voting, 11, null))).toBe('rule ballots.over-present');
    expect(said(canRecordBallots(voting, 9, 10))).toBe('rule ballots.over-issued');
    expect(said(canRecordBallots(round({ status: 'draft' }), 1, 1))).toBe('state ballots.state');
  });
  it('counting starts only with the number issued recorded', () => {
    expect(said(canStartCounting(voting))).toBe('state counting.no-ballots-issued');
    expect(said(canStartCounting({ ...voting, ballotsIssued: 10 }))).toBe('ok');
  });
  it('the board opens counting from voting, or renumbers while counting, never under the batches', () => {
    expect(canOpenCounting(voting, 10, 10, 0)).toEqual({ ok: true, value: 'move' });
    const counting = { ...voting, status: 'counting' as const, ballotsIssued: 10, ballotsCollected: 10 };
    expect(canOpenCounting(counting, 10, 9, 0)).toEqual({ ok: true, value: 'renumber' });
    expect(said(canOpenCounting(counting, 10, 10, 0))).toBe('state counting.open-state');
    expect(said(canOpenCounting(counting, 10, 5, 6))).toBe('rule batch.over-collected');
  });
});

describe('the hand count and publication', () => {
  const counting = round({ status: 'counting', present: 10, ballotsIssued: 10, ballotsCollected: 9 });
  it('is the board\'s, for the ballots collected, signed by the head of the board as the minutes name them', () => {
    expect(said(canHandCount(counting, false, 9, 'Lê Văn Trưởng'))).toBe('ok');
    expect(said(canHandCount(counting, false, 9, '  lê  văn TRƯỞNG '))).toBe('ok');
    expect(said(canHandCount(counting, false, 9, 'Hà Thị Viên'))).toBe('rule count.not-head');
    expect(said(canHandCount(counting, false, 10, 'Lê Văn Trưởng'))).toBe('rule count.collected-mismatch');
    expect(said(canHandCount(counting, true, 9, 'Lê Văn Trưởng'))).toBe('state count.in-batches');
    expect(said(canHandCount({ ...counting, status: 'voting' }, false, 9, 'Lê Văn Trưởng'))).toBe('state counting.not-open');
    expect(said(canHandCount({ ...counting, board: board({ members: [] }) }, false, 9, 'x'))).toBe('rule count.no-head');
  });
  it('publishes a counted round only', () => {
    expect(said(canPublish({ status: 'counted' }))).toBe('ok');
    expect(said(canPublish({ status: 'counting' }))).toBe('state round.illegal-transition');
  });
});
