/** Show-of-hands items: type the counts, see the decision of the rules core before recording it. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { decideShowOfHands } from '../../rules/index.ts';
import { formatDateShort, formatInteger } from '../../locale/vi.ts';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import type { ApiError } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

const toCount = (s: string): number => (s.trim() === '' ? 0 : Number(s));

export const VotesSection = () => {
  const { t } = useTranslation();
  const api = useApi();
  const { congress } = useMe();
  const id = useId();
  const attendance = useLiveResource(congress, () => api.attendance(congress), ['attendance']);
  const votes = useLiveResource(congress, () => api.votes(congress), ['votes']);
  const [subject, setSubject] = useState('');
  const [counts, setCounts] = useState({ agree: '', disagree: '', other: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const a = attendance.data;
  const decision = a === null ? null
    : decideShowOfHands({ agree: toCount(counts.agree), disagree: toCount(counts.disagree), other: toCount(counts.other) }, a.base, a.present);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const r = await api.recordVote(congress, subject.trim(), { agree: toCount(counts.agree), disagree: toCount(counts.disagree), other: toCount(counts.other) });
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setSubject('');
      setCounts({ agree: '', disagree: '', other: '' });
      votes.reload();
    }
  };
  return (
    <div className="votes">
      <form className="form vote-form" onSubmit={(e) => void submit(e)}>
        <label className="field" htmlFor={`${id}-subject`}>{t('console.votes.subject')}</label>
        <input id={`${id}-subject`} value={subject} onChange={(e) => setSubject(e.target.value)} required />
        <div className="row">
          {(['agree', 'disagree', 'other'] as const).map((k) => (
            <label key={k} className="field">
              <span>{t(`console.votes.${k}`)}</span>
              <input type="number" min={0} inputMode="numeric" value={counts[k]} onChange={(e) => setCounts({ ...counts, [k]: e.target.value })} />
            </label>
          ))}
        </div>
        {decision !== null && (decision.ok
          ? <p className={`decision ${decision.value.passed ? 'passed' : 'failed'}`} role="status">
            {t(decision.value.passed ? 'console.votes.passes' : 'console.votes.fails', { threshold: formatInteger(decision.value.threshold), base: formatInteger(decision.value.base) })}
          </p>
          : <ErrorMessage error={decision.error} />)}
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" className="button primary" disabled={decision === null || !decision.ok}>{t('console.votes.record')}</button>
      </form>
      <table className="data-table">
        <thead><tr><th scope="col">{t('console.votes.subject')}</th><th scope="col">{t('console.votes.agree')}</th><th scope="col">{t('console.votes.disagree')}</th><th scope="col">{t('console.votes.other')}</th><th scope="col">{t('console.votes.decision')}</th><th scope="col">{t('console.votes.date')}</th></tr></thead>
        <tbody>
          {(votes.data ?? []).map((v) => (
            <tr key={v.id}>
              <td>{v.subject}</td><td>{formatInteger(v.agree)}</td><td>{formatInteger(v.disagree)}</td><td>{formatInteger(v.other)}</td>
              <td>{v.passed ? <span className="badge ok">{t('console.votes.passed')}</span> : <span className="badge bad">{t('console.votes.notPassed')}</span>}</td>
              <td>{formatDateShort(v.recordedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
