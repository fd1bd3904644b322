/** The opinion poll on nominees: agree votes per name against the delegates present (more than 30% admits). */
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { isAdmittedByPoll, pollThreshold } from '../../rules/index.ts';
import { formatInteger } from '../../locale/vi.ts';
import type { ApiError, Candidate } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import type { ElectionContext } from './election-context.ts';

export const PollForm = ({ ctx, nominees }: { readonly ctx: ElectionContext; readonly nominees: readonly Candidate[] }) => {
  const { t } = useTranslation();
  const [present, setPresent] = useState(String(ctx.attendance?.present ?? ''));
  const [agree, setAgree] = useState<Readonly<Record<number, string>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const p = Number(present);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await ctx.api.recordPoll({ params: ctx.ref, body: { present: p, results: nominees.map((c) => ({ candidateId: c.id, agree: Number(agree[c.id] ?? 0) })) } });
    setError(r.ok ? null : r.error);
    ctx.reload();
  };
  return (
    <form className="form poll-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('console.elections.poll')}</h3>
      <label className="field"><span>{t('console.elections.pollPresent')}</span>
        <input type="number" min={1} value={present} onChange={(e) => setPresent(e.target.value)} required /></label>
      {p > 0 && <p className="muted">{t('console.elections.pollThreshold', { n: formatInteger(pollThreshold(p)) })}</p>}
      {nominees.map((c) => {
        const a = Number(agree[c.id] ?? 0);
        return (
          <label key={c.id} className="field">
            <span>{c.fullName} {p > 0 && agree[c.id] !== undefined && (isAdmittedByPoll(a, p)
              ? <span className="badge ok">{t('console.elections.admitted')}</span> : <span className="badge bad">{t('console.elections.notAdmitted')}</span>)}</span>
            <input type="number" min={0} value={agree[c.id] ?? ''} onChange={(e) => setAgree({ ...agree, [c.id]: e.target.value })} required />
          </label>
        );
      })}
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="button primary" disabled={!ctx.can(API.recordPoll)}>{t('console.elections.recordPoll')}</button>
    </form>
  );
};
