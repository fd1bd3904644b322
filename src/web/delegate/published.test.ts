import { describe, expect, it } from 'vitest';
import type { ElectionView } from '../api/types.ts';
import { publishedLines } from './published.ts';

type Round = ElectionView['rounds'][number];
const round = (number: number, status: Round['status'], updatedAt: string, elected: string[]): Round => ({
  id: number, number, seats: 2, alternateSeats: 0, status, base: 10, present: 9, ballotsIssued: 9, ballotsCollected: 9, countedBy: 'batches',
  candidates: [], updatedAt,
  result: status === 'voting' ? null : {
    type: 'election',
    count: {
      base: 10, threshold: 6, ballots: { total: 9, valid: 9, invalid: 0, invalidByReason: {} as never },
      results: [{ id: 'c1', name: 'Lê Văn A', votes: 8, percent: 80 }, { id: 'c2', name: 'Trần Thị B', votes: 7, percent: 70 }, { id: 'c3', name: 'C', votes: 2, percent: 20 }],
      elected, tie: null, unfilledSeats: 2 - elected.length, outcome: 'complete',
    },
  },
});
const election = (id: number, title: string, rounds: Round[]): ElectionView => ({
  id, kind: 'committee', title, seats: 2, alternateSeats: 0, maxSurplus: null, countingBoardId: null, settings: {} as never,
  approvedAt: null, approvalReference: null, agendaItemId: null, rounds,
});

describe('published results on the delegate\'s phone', () => {
  it('lists only published or approved rounds, newest first, with those elected and their votes', () => {
    const lines = publishedLines([
      election(1, 'Bầu Ban Chấp hành', [round(1, 'published', '2020-07-16T02:00:00Z', ['c1', 'c2'])]),
      election(2, 'Bầu Ủy ban Kiểm tra', [round(1, 'counted', '2020-07-16T03:00:00Z', ['c1'])]),
      election(3, 'Bầu đoàn đại biểu', [round(1, 'approved', '2020-07-16T04:00:00Z', ['c2'])]),
    ]);
    expect(lines.map((l) => l.title)).toEqual(['Bầu đoàn đại biểu', 'Bầu Ban Chấp hành']);
    expect(lines[1]!.names).toEqual([{ name: 'Lê Văn A', votes: 8, percent: 80 }, { name: 'Trần Thị B', votes: 7, percent: 70 }]);
  });
});
