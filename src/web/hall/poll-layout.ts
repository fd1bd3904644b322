/**
 * Geometry of the two poll charts, pure so it is tested without a browser: horizontal bars in vote order
 * (equal votes keep ballot order) on a scale from 0 to `scaleMax`, with an optional line at `lineAt` votes.
 */
import type { CandidateResult } from '../../rules/index.ts';
import { CHART_WIDTH } from './chart-layout.ts';

export interface PollBar {
  readonly id: string;
  readonly name: string;
  readonly votes: number;
  readonly percent: number;
  readonly highlighted: boolean;
  readonly y: number;
  readonly width: number;
}

export interface PollLayout {
  readonly width: number;
  readonly height: number;
  readonly barX: number;
  readonly barArea: number;
  readonly rowHeight: number;
  readonly barHeight: number;
  /** x of the line, null when the chart has none. */
  readonly lineX: number | null;
  readonly bars: readonly PollBar[];
}

const LABEL_WIDTH = 500;
const VALUE_WIDTH = 260;
const TOP = 56;

export const pollLayout = (
  results: readonly CandidateResult[], scaleMax: number, highlighted: ReadonlySet<string>, lineAt: number | null, maxHeight = 900,
): PollLayout => {
  const ordered = results.map((r, i) => ({ r, i })).sort((a, b) => b.r.votes - a.r.votes || a.i - b.i).map(({ r }) => r);
  const rowHeight = Math.max(36, Math.min(72, Math.floor((maxHeight - TOP) / Math.max(1, ordered.length))));
  const barArea = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const scale = (votes: number): number => (scaleMax > 0 ? (Math.min(votes, scaleMax) / scaleMax) * barArea : 0);
  return {
    width: CHART_WIDTH,
    height: TOP + ordered.length * rowHeight + 8,
    barX: LABEL_WIDTH,
    barArea,
    rowHeight,
    barHeight: Math.round(rowHeight * 0.66),
    lineX: lineAt === null ? null : LABEL_WIDTH + scale(lineAt),
    bars: ordered.map((r, i) => ({
      id: r.id, name: r.name, votes: r.votes, percent: r.percent, highlighted: highlighted.has(r.id), y: TOP + i * rowHeight, width: scale(r.votes),
    })),
  };
};
