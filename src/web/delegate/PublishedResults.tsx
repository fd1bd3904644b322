/** Published results on the delegate's phone: each round with those elected (or admitted), their votes and percentage. */
import { useTranslation } from 'react-i18next';
import { formatInteger, formatPercent } from '../../locale/vi.ts';
import type { ElectionView } from '../api/types.ts';
import { publishedLines } from './published.ts';

export const PublishedResults = ({ elections }: { readonly elections: readonly ElectionView[] }) => {
  const { t } = useTranslation();
  const lines = publishedLines(elections);
  return (
    <section aria-labelledby="results-title" data-testid="published-results">
      <h2 id="results-title">{t('delegate.results')}</h2>
      {lines.length === 0 && <p className="muted">{t('delegate.noResults')}</p>}
      {lines.map((l) => (
        <article key={l.key} className="published-round">
          <h3>{t('hall.resultsRound', { title: l.title, round: l.round })}</h3>
          <ol>
            {l.names.map((n) => <li key={n.name}>{n.name} — {formatInteger(n.votes)} ({formatPercent(n.percent)})</li>)}
          </ol>
        </article>
      ))}
    </section>
  );
};
