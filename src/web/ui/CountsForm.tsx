/**
 * A show-of-hands item: type the agree / disagree / other counts and see the rules core's decision against
 * N_base before recording it. Used for every vote the congress takes by raising cards.
 */
import { useId, useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { decideShowOfHands } from '../../rules/index.ts';
import { formatInteger } from '../../locale/vi.ts';
import type { ShowOfHands as Counts } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, Attendance } from '../api/types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

const toCount = (s: string): number => (s.trim() === '' ? 0 : Number(s));

export const CountsForm = ({ attendance, submitLabel, onSubmit, children, disabledReason = null }: {
  readonly attendance: Attendance | null;
  readonly submitLabel: string;
  readonly onSubmit: (counts: Counts) => Promise<ApiResult<unknown>>;
  readonly children?: ReactNode;
  readonly disabledReason?: string | null;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const [raw, setRaw] = useState({ agree: '', disagree: '', other: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const counts: Counts = { agree: toCount(raw.agree), disagree: toCount(raw.disagree), other: toCount(raw.other) };
  const decision = attendance === null ? null : decideShowOfHands(counts, attendance.base, attendance.present);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await onSubmit(counts);
    setError(r.ok ? null : r.error);
    if (r.ok) setRaw({ agree: '', disagree: '', other: '' });
  };
  return (
    <form className="form counts-form" onSubmit={(e) => void submit(e)}>
      {children}
      <div className="row counts">
        {(['agree', 'disagree', 'other'] as const).map((k) => (
          <label key={k} className="field" htmlFor={`${id}-${k}`}>
            <span>{t(`console.votes.${k}`)}</span>
            <input id={`${id}-${k}`} type="number" min={0} inputMode="numeric" value={raw[k]} onChange={(e) => setRaw({ ...raw, [k]: e.target.value })} />
          </label>
        ))}
      </div>
      {decision !== null && (decision.ok
        ? <p className={`decision ${decision.value.passed ? 'passed' : 'failed'}`} role="status">
          {t(decision.value.passed ? 'console.votes.passes' : 'console.votes.fails', { threshold: formatInteger(decision.value.threshold), base: formatInteger(decision.value.base) })}
        </p>
        : <ErrorMessage error={decision.error} />)}
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="button primary" disabled={decision === null || !decision.ok || disabledReason !== null}>{submitLabel}</button>
      {disabledReason !== null && <p className="muted">{disabledReason}</p>}
    </form>
  );
};
