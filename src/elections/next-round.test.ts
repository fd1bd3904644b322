import { describe, expect, it } from 'vitest';
import { defaultCountSettings, type CountOutcome, type ElectionCount } from '../rules/index.ts';
import { canAssignBoard } from './board.ts';
import type { ElectionFacts } from './facts.ts';
import { planNextRound } from './next-round.ts';
import { board, person } from './test-facts.ts';

const committee: ElectionFacts = { kind: 'committee', seats: 3, alternateSeats: 0, maxSurplus: null, settings: defaultCountSettings };
const outcome = (c: Partial<ElectionCount>): CountOutcome => ({ type: 'election', count: {
  base: 12, threshold: 7, ballots: { total: 11, valid: 11, invalid: 0, invalidByReason: { 'not-issued': 0, 'write-in': 0, 'identifying-mark': 0, 'over-seats': 0, 'all-struck': 0, 'no-choice': 0 } },
  results: [], elected: [], tie: null, unfilledSeats: 0, outcome: 'complete', ...c,
} });
const four = [1, 2, 3, 4].map((id) => person(id));

describe('a further round (docs/rules.md §6)', () => {
  const tied = { number: 1, status: 'published' as const, candidates: four,
    result: outcome({ elected: ['1', '2'], tie: { seats: 1, candidates: ['3', '4'] }, unfilledSeats: 1, outcome: 'tie' }) };
  it('starts among the tied for the seats left', () => {
    const r = planNextRound(committee, [tied], { seats: 1, alternateSeats: 0, candidates: 'tied' });
    expect(r.ok && r.value.map((c) => c.id)).toEqual([3, 4]);
  });
  it('or from everyone not elected, or from nobody', () => {
    const r = planNextRound(committee, [tied], { seats: 1, alternateSeats: 0, candidates: 'not-elected' });
    expect(r.ok && r.value.map((c) => c.id)).toEqual([3, 4]);
    expect(planNextRound(committee, [tied], { seats: 1, alternateSeats: 0, candidates: 'none' })).toEqual({ ok: true, value: [] });
  });
  it('never before the last round is published, never for more seats than remain', () => {
    const r = planNextRound(committee, [{ ...tied, status: 'counted' }], { seats: 1, alternateSeats: 0, candidates: 'tied' });
    expect(r.ok ? '' : `${r.error.kind} ${r.error.code}`).toBe('state round.previous-open');
    const over = planNextRound(committee, [tied], { seats: 2, alternateSeats: 0, candidates: 'tied' });
    expect(over.ok ? '' : `${over.error.kind} ${over.error.code} ${over.error.message_vi}`).toBe('rule round.seats-over-remaining Số đại biểu chính thức cần bầu (2) vượt số còn phải bầu (1).');
    const alternates = planNextRound(committee, [tied], { seats: 1, alternateSeats: 1, candidates: 'tied' });
    expect(alternates.ok ? '' : alternates.error.code).toBe('election.alternateSeats');
  });
});

describe('the counting board of an election (docs/rules.md §2)', () => {
  const draft = { status: 'draft' as const, candidates: four };
  it('approved, never a candidate, fixed once voting starts', () => {
    expect(canAssignBoard(board(), [draft]).ok).toBe(true);
    const unapproved = canAssignBoard(board({ approved: false }), [draft]);
    expect(unapproved.ok ? '' : unapproved.error.code).toBe('counting-board.not-approved');
    const clash = canAssignBoard(board(), [{ ...draft, candidates: [...four, person(90, { name: 'Lê Văn Trưởng' })] }]);
    expect(clash.ok ? '' : `${clash.error.code}: ${clash.error.message_vi}`).toBe('counting-board.candidate: Thành viên Ban Kiểm phiếu không được có tên trong danh sách bầu cử: Lê Văn Trưởng.');
    const locked = canAssignBoard(board(), [{ ...draft, status: 'voting' }]);
    expect(locked.ok ? '' : `${locked.error.kind} ${locked.error.code}`).toBe('state counting-board.locked');
  });
});
