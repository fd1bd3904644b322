/** The published result as a bar chart (SVG) with the "more than half of N_base" line; the elected stand out. */
import { useTranslation } from 'react-i18next';
import type { ElectionCount } from '../../rules/index.ts';
import { formatInteger, formatPercent } from '../../locale/vi.ts';
import { chartLayout } from './chart-layout.ts';

export const ResultsChart = ({ count, title }: { readonly count: ElectionCount; readonly title: string }) => {
  const { t } = useTranslation();
  const layout = chartLayout(count);
  const { barX, barHeight, rowHeight, thresholdX } = layout;
  return (
    <svg className="results-chart" viewBox={`0 0 ${layout.width} ${layout.height}`} role="img"
      aria-label={t('hall.chartLabel', { title, elected: count.elected.length })} preserveAspectRatio="xMidYMin meet">
      <line className="threshold-line" data-testid="threshold-line" x1={thresholdX} x2={thresholdX} y1={28} y2={layout.height}
        strokeDasharray="14 8" />
      <text className="threshold-label" x={thresholdX} y={22} textAnchor="middle">
        {t('hall.threshold', { base: formatInteger(count.base), votes: formatInteger(count.threshold) })}
      </text>
      {layout.bars.map((bar) => {
        const textY = bar.y + rowHeight / 2;
        const cls = bar.electedRank !== null ? 'bar elected' : bar.tied ? 'bar tied' : 'bar';
        return (
          <g key={bar.id} className={cls} data-testid="bar" data-elected={bar.electedRank !== null} data-rank={bar.electedRank ?? ''}>
            <text className="bar-name" x={barX - 16} y={textY} textAnchor="end" dominantBaseline="middle">
              {bar.electedRank !== null ? `${bar.electedRank}. ${bar.name}` : bar.name}
            </text>
            <rect x={barX} y={bar.y + (rowHeight - barHeight) / 2} width={Math.max(2, bar.width)} height={barHeight} rx={4} />
            <text className="bar-value" x={barX + bar.width + 14} y={textY} dominantBaseline="middle">
              {`${formatInteger(bar.votes)} · ${formatPercent(bar.percent)}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
