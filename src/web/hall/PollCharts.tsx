/**
 * The two polls on the hall screen. The opinion poll (phiếu xin ý kiến): agree votes per nominee on a scale of
 * the delegates present, with the line at 30% of them; the nominees above it are highlighted (docs/rules.md §4). The
 * secretary nomination poll (phiếu giới thiệu bí thư): write-ins per newly elected member, with no line and no
 * one highlighted, because it is advisory and elects nobody (docs/rules.md §7).
 */
import { useTranslation } from 'react-i18next';
import { formatInteger, formatPercent } from '../../locale/vi.ts';
import type { OpinionPollCount, SecretaryPollCount } from '../../rules/index.ts';
import { pollLayout, type PollLayout } from './poll-layout.ts';

const Bars = ({ layout, label, value, lineLabel }: {
  readonly layout: PollLayout;
  readonly label: string;
  readonly value: (votes: number, percent: number) => string;
  /** The text over the line, when the layout has one. */
  readonly lineLabel?: string;
}) => (
  <svg className="results-chart poll-chart" viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={label} preserveAspectRatio="xMidYMin meet">
    {layout.lineX !== null && (
      <>
        <line className="threshold-line" data-testid="poll-line" x1={layout.lineX} x2={layout.lineX} y1={28} y2={layout.height} strokeDasharray="14 8" />
        <text className="threshold-label" x={layout.lineX} y={22} textAnchor="middle">{lineLabel}</text>
      </>
    )}
    {layout.bars.map((bar) => {
      const textY = bar.y + layout.rowHeight / 2;
      return (
        <g key={bar.id} className={bar.highlighted ? 'bar elected' : 'bar'} data-testid="poll-bar" data-highlighted={bar.highlighted}>
          <text className="bar-name" x={layout.barX - 16} y={textY} textAnchor="end" dominantBaseline="middle">
            {bar.highlighted ? `✓ ${bar.name}` : bar.name}
          </text>
          <rect x={layout.barX} y={bar.y + (layout.rowHeight - layout.barHeight) / 2} width={Math.max(2, bar.width)} height={layout.barHeight} rx={4} />
          <text className="bar-value" x={layout.barX + bar.width + 14} y={textY} dominantBaseline="middle">{value(bar.votes, bar.percent)}</text>
        </g>
      );
    })}
  </svg>
);

export const OpinionPollChart = ({ count, title }: { readonly count: OpinionPollCount; readonly title: string }) => {
  const { t } = useTranslation();
  const present = count.base;
  // The line sits at exactly 30% of those present; a nominee is admitted with more agree votes than that.
  const layout = pollLayout(count.results, present, new Set(count.admitted), (3 * present) / 10);
  return (
    <>
      <p className="outcome-line" data-testid="poll-outcome">
        {t('hall.poll.opinionOutcome', { n: count.admitted.length, total: count.results.length, present: formatInteger(present) })}
      </p>
      <Bars layout={layout} label={t('hall.poll.opinionLabel', { title, n: count.admitted.length })}
        lineLabel={t('hall.poll.opinionLine', { present: formatInteger(present), votes: formatInteger(count.threshold) })}
        value={(votes, percent) => `${formatInteger(votes)} · ${formatPercent(percent)}`} />
    </>
  );
};

export const SecretaryPollChart = ({ count, title }: { readonly count: SecretaryPollCount; readonly title: string }) => {
  const { t } = useTranslation();
  const layout = pollLayout(count.results, Math.max(1, count.ballots.valid), new Set(), null);
  return (
    <>
      <p className="outcome-line advisory" data-testid="poll-outcome">{t('hall.poll.secretaryAdvisory')}</p>
      <Bars layout={layout} label={t('hall.poll.secretaryLabel', { title })} value={(votes) => t('hall.poll.writeIns', { n: formatInteger(votes) })} />
      <p className="poll-note" data-testid="poll-note">
        {t('hall.poll.secretaryNote', { valid: formatInteger(count.ballots.valid), blank: formatInteger(count.blank), unrecognized: formatInteger(count.unrecognized) })}
      </p>
    </>
  );
};
