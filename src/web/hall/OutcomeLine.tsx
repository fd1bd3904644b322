import { useTranslation } from 'react-i18next';
import type { ElectionCount } from '../../rules/index.ts';

/** Under the chart: how many were elected of the seats, and what the congress must decide on a tie or shortfall. */
export const OutcomeLine = ({ count }: { readonly count: ElectionCount }) => {
  const { t } = useTranslation();
  const seats = count.elected.length + count.unfilledSeats;
  const elected = t('hall.outcomeElected', { n: count.elected.length, seats });
  switch (count.outcome) {
    case 'complete':
      return <p className="outcome-line" data-testid="outcome">{elected}</p>;
    case 'tie':
      return <p className="outcome-line warning" data-testid="outcome">{elected} · {t('hall.outcomeTie', { n: count.tie?.candidates.length ?? 0, seats: count.tie?.seats ?? 0 })}</p>;
    case 'shortfall':
      return <p className="outcome-line warning" data-testid="outcome">{elected} · {t('hall.outcomeShortfall', { n: count.unfilledSeats })}</p>;
  }
};
