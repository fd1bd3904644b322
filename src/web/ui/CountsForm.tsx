/**
 * A show-of-hands item: type the agree / disagree / other counts and see the rules core's decision against
 * N_base before recording it. Used for every vote the congress takes by raising cards.
 */
import { useId, useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { decideShowOfHands, requireHandsCounted } from '../../rules/index.ts';
import { formatInteger } from '../../locale/vi.ts';
import type { ShowOfHands as Counts } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, Attendance } from '../api/types.ts';
import { DisabledReason } from './ConfirmButton.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

const KEYS = ['agree', 'disagree', 'other'] as const;
const typed = (s: string): boolean => /^\s*\d+\s*$/u.test(s);

export const CountsForm = ({ attendance, submitLabel, onSubmit, children, disabledReason = null, extraReason = null }: {
  readonly attendance: Attendance | null;
  readonly submitLabel: string;
  readonly onSubmit: (counts: Counts) => Promise<ApiResult<unknown>>;
  readonly children?: ReactNode;
  readonly disabledReason?: string | null;
  /** Why the form's own fields (a subject) are not ready yet. */
  readonly extraReason?: string | null;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const [raw, setRaw] = useState({ agree: '', disagree: '', other: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const counts: Counts = { agree: Number(raw.agree), disagree: Number(raw.disagree), other: Number(raw.other) };
  // No verdict and no recording until all three counts are typed (0 when nobody): an empty box is not a 0.
  const missing = KEYS.filter((k) => !typed(raw[k]));
  const complete = missing.length === 0;
  const decision = attendance === null || !complete ? null : decideShowOfHands(counts, attendance.base, attendance.present);
  const empty = complete && requireHandsCounted(counts);
  const why = disabledReason
    ?? (attendance === null ? t('floor.votes.noAttendance')
      : !complete ? t('floor.votes.typeAll', { missing: missing.map((k) => t(`console.votes.${k}`)).join(', ') })
      : empty !== false && !empty.ok ? t('floor.votes.empty')
      : decision !== null && !decision.ok ? t('floor.votes.fix') : extraReason);
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
        {KEYS.map((k) => (
          <label key={k} className="field" htmlFor={`${id}-${k}`}>
            <span>{t(`console.votes.${k}`)}</span>
            <input id={`${id}-${k}`} type="number" min={0} inputMode="numeric" value={raw[k]} onChange={(e) => setRaw({ ...raw, [k]: e.target.value })} />
          </label>
        ))}
      </div>
      {decision !== null && empty !== false && empty.ok && (decision.ok
        ? <p className={`decision ${decision.value.passed ? 'passed' : 'failed'}`} role="status">
          {t(decision.value.passed ? 'console.votes.passes' : 'console.votes.fails', { threshold: formatInteger(decision.value.threshold), base: formatInteger(decision.value.base) })}
        </p>
        : <ErrorMessage error={decision.error} />)}
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="button primary" disabled={why !== null}>{submitLabel}</button>
      <DisabledReason reason={why} />
    </form>
  );
};
