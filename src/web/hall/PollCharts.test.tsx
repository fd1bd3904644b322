// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  countBallots, defaultCountSettings, type Ballot, type CountOutcome, type ElectionSpec, type OpinionPollCount, type SecretaryPollCount,
} from '../../rules/index.ts';
import type { ElectionView, Round } from '../api/types.ts';
import { renderVi } from '../test-support/render.tsx';
import { latestPublished } from './load-hall.ts';
import { OpinionPollChart, SecretaryPollChart } from './PollCharts.tsx';
import { pollLayout } from './poll-layout.ts';

const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'];
const candidates = names.map((name, i) => ({ id: `n${i + 1}`, name }));

/** 10 present; agree votes: An 4, Bình 3, Cường 6 → more than 30% (4 or more) admits An and Cường, not Bình. */
const opinion = (): OpinionPollCount => {
  const spec: ElectionSpec = { kind: 'opinion-poll', seats: 0, alternateSeats: 0, base: 20, present: 10, settings: defaultCountSettings, candidates };
  const agree = (ids: readonly string[]): Ballot => ({ marks: Object.fromEntries(candidates.map((c) => [c.id, ids.includes(c.id) ? 'agree' : 'disagree'] as const)) });
  const ballots = [
    agree(['n1', 'n2', 'n3']), agree(['n1', 'n2', 'n3']), agree(['n1', 'n2', 'n3']), agree(['n1', 'n3']), agree(['n3']), agree(['n3']),
    agree([]), agree([]), agree([]), agree([]),
  ];
  const r = countBallots(spec, ballots);
  if (!r.ok || r.value.type !== 'opinion-poll') throw new Error(`fixture: ${JSON.stringify(r)}`);
  return r.value.count;
};

/** 9 ballots, one name each among the 3 newly elected: An 2, Bình 5, Cường 0; one blank, one from outside. */
const secretary = (): SecretaryPollCount => {
  const spec: ElectionSpec = { kind: 'secretary-poll', seats: 1, alternateSeats: 0, base: 9, settings: defaultCountSettings, candidates };
  const writes: Array<string | null> = ['n1', 'n1', 'n2', 'n2', 'n2', 'n2', 'n2', null, 'someone-else'];
  const r = countBallots(spec, writes.map((writeIn): Ballot => ({ writeIn })));
  if (!r.ok || r.value.type !== 'secretary-poll') throw new Error(`fixture: ${JSON.stringify(r)}`);
  return r.value.count;
};

describe('the opinion poll on the hall screen', () => {
  it('the fixture counts as described', () => {
    const c = opinion();
    expect(c.results.map((r) => r.votes)).toEqual([4, 3, 6]);
    expect(c.admitted).toEqual(['n3', 'n1']);
    expect(c.threshold).toBe(4);
  });

  it('draws the line at exactly 30% of those present; only bars beyond it are admitted and highlighted', () => {
    const c = opinion();
    const { container, getAllByTestId, getByTestId } = renderVi(<OpinionPollChart count={c} title="Bầu Ban Chấp hành" />);
    const line = container.querySelector('[data-testid="poll-line"]');
    const layout = pollLayout(c.results, c.base, new Set(c.admitted), 3);
    expect(Number(line?.getAttribute('x1'))).toBeCloseTo(layout.barX + 0.3 * layout.barArea, 6);
    const bars = getAllByTestId('poll-bar');
    expect(bars.map((b) => b.querySelector('.bar-name')?.textContent)).toEqual(['✓ Lê Văn Cường', '✓ Nguyễn Văn An', 'Trần Thị Bình']);
    expect(bars.map((b) => b.getAttribute('data-highlighted'))).toEqual(['true', 'true', 'false']);
    // 3 of 10 is exactly 30%: it reaches the line without crossing it, and is not admitted.
    const bình = layout.bars.find((b) => b.id === 'n2')!;
    expect(layout.barX + bình.width).toBeCloseTo(layout.lineX!, 6);
    expect(bars[0]?.querySelector('.bar-value')?.textContent).toBe('6 · 60,00%');
    expect(container.textContent).toContain('30% của 10 đại biểu có mặt (từ 4 phiếu đồng ý)');
    expect(getByTestId('poll-outcome').textContent).toBe('2/3 người được trên 30% số đại biểu có mặt (10) đồng ý');
  });
});

describe('the secretary nomination poll on the hall screen', () => {
  it('shows write-ins per newly elected member, highlights nobody, has no line, and says it is advisory', () => {
    const c = secretary();
    expect(c.results.map((r) => r.votes)).toEqual([2, 5, 0]);
    const { container, getAllByTestId, getByTestId } = renderVi(<SecretaryPollChart count={c} title="Bầu Ban Chấp hành" />);
    const bars = getAllByTestId('poll-bar');
    expect(bars.map((b) => b.querySelector('.bar-name')?.textContent)).toEqual(['Trần Thị Bình', 'Nguyễn Văn An', 'Lê Văn Cường']);
    expect(bars.map((b) => b.querySelector('.bar-value')?.textContent)).toEqual(['5 phiếu', '2 phiếu', '0 phiếu']);
    expect(bars.every((b) => b.getAttribute('data-highlighted') === 'false')).toBe(true);
    expect(container.querySelector('[data-testid="poll-line"]')).toBeNull();
    expect(getByTestId('poll-outcome').textContent).toContain('chỉ để tham khảo');
    expect(getByTestId('poll-note').textContent).toBe('9 phiếu hợp lệ · 1 phiếu không ghi tên · 1 phiếu ghi tên ngoài Ban Chấp hành mới (không tính)');
  });
});

describe('the hall screen picks up a published poll', () => {
  const round = (result: CountOutcome | null, updatedAt: string): Round => ({
    id: 1, number: 1, seats: 0, alternateSeats: 0, status: 'published', base: 10, present: 10, ballotsIssued: 10, ballotsCollected: 10,
    result, countedBy: result === null ? null : 'batches', candidates: [], updatedAt,
  });
  const election = (id: number, kind: ElectionView['kind'], r: Round): ElectionView => ({
    id, kind, title: `Cuộc ${id}`, seats: 0, alternateSeats: 0, maxSurplus: null, countingBoardId: null, settings: defaultCountSettings,
    approvedAt: null, approvalReference: null, agendaItemId: null, rounds: [r],
  });
  it('the latest published round wins, whether an election or a poll', () => {
    const o: CountOutcome = { type: 'opinion-poll', count: opinion() };
    const s: CountOutcome = { type: 'secretary-poll', count: secretary() };
    const both = [election(1, 'opinion-poll', round(o, '2025-07-15T02:00:00Z')), election(2, 'secretary-poll', round(s, '2025-07-15T03:00:00Z'))];
    expect(latestPublished(both)).toMatchObject({ kind: 'secretary-poll', electionId: 2 });
    expect(latestPublished(both.slice(0, 1))).toMatchObject({ kind: 'opinion-poll', electionId: 1, count: { admitted: ['n3', 'n1'] } });
    expect(latestPublished([election(3, 'committee', round(null, '2025-07-15T04:00:00Z'))])).toBeNull();
  });
});
