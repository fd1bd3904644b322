import { useTranslation } from 'react-i18next';
import type { Targets } from '../api/types.ts';

const MARK = { exceeded: '★', met: '✓', 'not-met': '✗' } as const;

/** The term's resolution targets: met / exceeded at a glance. */
export const TargetsSlide = ({ targets, term }: { readonly targets: Targets; readonly term: string }) => {
  const { t } = useTranslation();
  const s = targets.summary;
  return (
    <section className="targets" aria-labelledby="targets-title">
      <h2 id="targets-title">{t('targets.title', { term })}</h2>
      <p className="targets-summary">{t('targets.summary', { met: s.metOrExceeded, total: s.total, exceeded: s.exceeded })}</p>
      <ol className="targets-grid">
        {targets.targets.map((target) => (
          <li key={target.id} className={`target target-${target.assessment}`}>
            <span className="target-mark" aria-hidden="true">{MARK[target.assessment]}</span>
            <span className="target-name">{target.name}</span>
            <span className="target-figures">{t('targets.figures', { target: target.target, result: target.result })}</span>
            <span className="target-status">{t(`targets.status.${target.assessment}`)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
};
