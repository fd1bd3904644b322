/** A show-of-hands result on the hall screen: what was voted, the three counts, and the decision against N_base. */
import { useTranslation } from 'react-i18next';
import { formatInteger, formatPercent } from '../../locale/vi.ts';
import { percentOf } from '../../rules/index.ts';
import type { VoteView } from '../api/types.ts';

export const VoteResult = ({ vote }: { readonly vote: VoteView }) => {
  const { t } = useTranslation();
  return (
    <section className="hall-vote" aria-labelledby="vote-title" data-testid="hall-vote">
      <p className="hall-kind">{t('floor.hall.voteHeading')}</p>
      <h2 id="vote-title" className="fit-text">{vote.subject}</h2>
      <dl className="vote-counts">
        {(['agree', 'disagree', 'other'] as const).map((k) => (
          <div key={k}><dt>{t(`console.votes.${k}`)}</dt><dd className="big-number">{formatInteger(vote[k])}</dd></div>
        ))}
      </dl>
      <p className={`vote-verdict ${vote.passed ? 'passed' : 'failed'}`} data-testid="hall-vote-verdict">
        {vote.passed ? t('console.votes.passed') : t('console.votes.notPassed')}
        {' — '}{t('floor.hall.voteShare', { share: formatPercent(percentOf(vote.agree, vote.base)), base: formatInteger(vote.base), threshold: formatInteger(vote.threshold) })}
      </p>
    </section>
  );
};
