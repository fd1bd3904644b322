// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { countBallots, defaultCountSettings, type ElectionCount, type ElectionSpec } from '../../rules/index.ts';
import { renderVi } from '../test-support/render.tsx';
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

  /** The drawn bars, top to bottom: where each starts and ends on the x axis, and its row. */
  const drawnBars = (container: HTMLElement) => [...container.querySelectorAll('[data-testid="bar"]')].map((bar) => {
    const rect = bar.querySelector('rect')!;
    const x = Number(rect.getAttribute('x'));
    return { name: bar.querySelector('.bar-name')?.textContent, x, end: x + Number(rect.getAttribute('width')), y: Number(rect.getAttribute('y')) };
  });

  it('draws bars proportional to votes / N_base and the threshold line at half of N_base on that scale', () => {
    const { container } = renderVi(<ResultsChart count={count()} title="Bầu Ban Chấp hành" />);
    const bars = drawnBars(container);
    // Top to bottom by votes: An 9, Cường 7, Em 6, Dung 5, Bình 3 (of N_base 10); every bar starts at the same x.
    const votes = [9, 7, 6, 5, 3];
    const x0 = bars[0]!.x;
    expect(bars.map((b) => b.x)).toEqual(votes.map(() => x0));
    // The scale, in pixels per vote, read from the first bar; every other bar must be drawn on it.
    const perVote = (bars[0]!.end - x0) / 9;
    expect(perVote).toBeGreaterThan(0);
    bars.forEach((b, i) => expect(b.end - x0).toBeCloseTo(votes[i]! * perVote, 6));
    // The line is where a bar of half of N_base (5 of 10) ends: Dung's 5 votes reach it and do not pass, Em's 6 do.
    const line = Number(container.querySelector('[data-testid="threshold-line"]')?.getAttribute('x1'));
    expect(line).toBeCloseTo(x0 + 5 * perVote, 6);
    expect(bars[3]!.end).toBeCloseTo(line, 6);
    expect(bars[2]!.end).toBeGreaterThan(line);
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

  it('rows run down the screen in vote order, one row apart', () => {
    const { container } = renderVi(<ResultsChart count={count()} title="Bầu Ban Chấp hành" />);
    const bars = drawnBars(container);
    expect(bars.map((b) => b.name)).toEqual(['1. Nguyễn Văn An', '2. Lê Văn Cường', '3. Hoàng Văn Em', 'Phạm Thị Dung', 'Trần Thị Bình']);
    const steps = bars.slice(1).map((b, i) => b.y - bars[i]!.y);
    expect(steps[0]).toBeGreaterThan(0);
    expect(steps).toEqual(steps.map(() => steps[0]));
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
