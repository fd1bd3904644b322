/**
 * Geometry of the results chart, pure so it is tested without a browser. Bars are horizontal, in vote order
 * (the elected first, as they are announced); the scale runs from 0 to N_base, so the threshold line — more
 * than half of N_base — sits exactly at the middle of the bar area, and a bar that crosses it has passed.
 */
import type { CandidateResult, ElectionCount } from '../../rules/index.ts';

export interface ChartBar {
  readonly id: string;
  readonly name: string;
  readonly votes: number;
  readonly percent: number;
  /** 1-based rank among the elected, null when not elected. */
  readonly electedRank: number | null;
  readonly tied: boolean;
  readonly y: number;
  readonly width: number;
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly labelWidth: number;
  readonly barX: number;
  readonly barArea: number;
  readonly rowHeight: number;
  readonly barHeight: number;
  readonly thresholdX: number;
  readonly bars: readonly ChartBar[];
}

export const CHART_WIDTH = 1800;
const LABEL_WIDTH = 500;
const VALUE_WIDTH = 260;
const TOP = 56;

/** Vote order: highest first, equal votes keep ballot order (the order of `results`). */
const byVotes = (results: readonly CandidateResult[]): CandidateResult[] =>
  results.map((r, i) => ({ r, i })).sort((a, b) => b.r.votes - a.r.votes || a.i - b.i).map(({ r }) => r);

export const chartLayout = (count: ElectionCount, maxHeight = 900): ChartLayout => {
  const ordered = byVotes(count.results);
  const rowHeight = Math.max(36, Math.min(72, Math.floor((maxHeight - TOP) / Math.max(1, ordered.length))));
  const barHeight = Math.round(rowHeight * 0.66);
  const barX = LABEL_WIDTH;
  const barArea = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const scale = (votes: number): number => (count.base > 0 ? (votes / count.base) * barArea : 0);
  const elected = new Map(count.elected.map((id, i) => [id, i + 1]));
  const tied = new Set(count.tie?.candidates ?? []);
  const bars = ordered.map((r, i): ChartBar => ({
    id: r.id,
    name: r.name,
    votes: r.votes,
    percent: r.percent,
    electedRank: elected.get(r.id) ?? null,
    tied: tied.has(r.id),
    y: TOP + i * rowHeight,
    width: scale(r.votes),
  }));
  return {
    width: CHART_WIDTH,
    height: TOP + ordered.length * rowHeight + 8,
    labelWidth: LABEL_WIDTH,
    barX,
    barArea,
    rowHeight,
    barHeight,
    thresholdX: barX + scale(count.base / 2),
    bars,
  };
};
