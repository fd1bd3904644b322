// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { countBallots, defaultCountSettings, type ElectionCount, type ElectionSpec } from '../../rules/index.ts';
import { renderVi } from '../test-support/render.tsx';
import { chartLayout } from './chart-layout.ts';
import { OutcomeLine } from './OutcomeLine.tsx';
import { ResultsChart } from './ResultsChart.tsx';

/** 5 names for 3 seats, N_base 10, every ballot strikes 2: votes A 9, B 3, C 7, D 5, E 6 → elected A, C, E. */
const spec: ElectionSpec = {
  kind: 'committee', seats: 3, alternateSeats: 0, base: 10, settings: defaultCountSettings,
  candidates: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'].map((name, i) => ({ id: `c${i + 1}`, name })),
};
const strikes: ReadonlyArray<readonly string[]> = [
  ['c2', 'c4'], ['c2', 'c4'], ['c2', 'c4'], ['c2', 'c5'], ['c2', 'c5'], ['c2', 'c3'], ['c2', 'c3'], ['c1', 'c5'], ['c3', 'c4'], ['c4', 'c5'],
];
const count = (): ElectionCount => {
  const r = countBallots(spec, strikes.map((struck) => ({ struck })));
  if (!r.ok || r.value.type !== 'election') throw new Error('fixture');
  return r.value.count;
};

describe('results chart', () => {
  it('the fixture counts as described', () => {
    const c = count();
    expect(c.results.map((r) => r.votes)).toEqual([9, 3, 7, 5, 6]);
    expect(c.elected).toEqual(['c1', 'c3', 'c5']);
  });

  it('draws the threshold line at half of N_base on the bar scale', () => {
    const c = count();
    const layout = chartLayout(c);
    const { container } = renderVi(<ResultsChart count={c} title="Bầu Ban Chấp hành" />);
    const line = container.querySelector('[data-testid="threshold-line"]');
    expect(line).not.toBeNull();
    const x = Number(line?.getAttribute('x1'));
    expect(x).toBeCloseTo(layout.barX + layout.barArea / 2, 6);
    // A bar passes exactly when it reaches beyond the line: 6 of 10 does, 5 would not.
    const widthOf = (votes: number): number => (votes / c.base) * layout.barArea;
    expect(layout.barX + widthOf(6)).toBeGreaterThan(x);
    expect(layout.barX + widthOf(5)).toBe(x);
    expect(container.textContent).toContain('Quá một nửa của 10 (từ 6 phiếu)');
  });

  it('highlights the elected, in vote order, and only them', () => {
    const { getAllByTestId } = renderVi(<ResultsChart count={count()} title="Bầu Ban Chấp hành" />);
    const bars = getAllByTestId('bar');
    const texts = bars.map((b) => b.querySelector('.bar-name')?.textContent);
    expect(texts).toEqual(['1. Nguyễn Văn An', '2. Lê Văn Cường', '3. Hoàng Văn Em', 'Phạm Thị Dung', 'Trần Thị Bình']);
    expect(bars.map((b) => b.getAttribute('data-elected'))).toEqual(['true', 'true', 'true', 'false', 'false']);
    expect(bars.filter((b) => b.classList.contains('elected'))).toHaveLength(3);
    expect(bars[0]?.querySelector('.bar-value')?.textContent).toBe('9 · 90,00%');
  });

  it('bars are in vote order with wider bars for more votes', () => {
    const layout = chartLayout(count());
    const widths = layout.bars.map((b) => b.width);
    expect([...widths].sort((a, b) => b - a)).toEqual(widths);
    expect(layout.bars.map((b) => b.y)).toEqual([...layout.bars.map((b) => b.y)].sort((a, b) => a - b));
  });

  it('says how many of the seats are filled, and what a shortfall leaves to the congress', () => {
    const complete = renderVi(<OutcomeLine count={count()} />);
    expect(complete.getByTestId('outcome').textContent).toBe('Trúng cử 3/3');
    complete.unmount();
    const short = countBallots({ ...spec, base: 30 }, strikes.map((struck) => ({ struck })));
    if (!short.ok || short.value.type !== 'election') throw new Error('fixture');
    const { getByTestId } = renderVi(<OutcomeLine count={short.value.count} />);
    expect(getByTestId('outcome').textContent).toBe('Trúng cử 0/3 · còn thiếu 3: Đại hội quyết định có bầu tiếp hay không');
  });
});
