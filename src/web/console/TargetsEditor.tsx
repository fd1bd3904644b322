/**
 * The term's resolution targets (chỉ tiêu nghị quyết), edited as one list: name, target, result and whether it
 * was exceeded, met or not met; rows added, removed and moved; saved at once (PUT …/targets replaces the list).
 * The hall screen shows them as a slide.
 */
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, TargetInput } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

const ASSESSMENTS = ['exceeded', 'met', 'not-met'] as const;
const blank = (): TargetInput => ({ name: '', target: '', result: '', assessment: 'met' });

export const TargetsEditor = ({ targets, editable, onSave }: {
  readonly targets: readonly TargetInput[];
  readonly editable: boolean;
  readonly onSave: (targets: readonly TargetInput[]) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const [rows, setRows] = useState<TargetInput[]>(() => targets.map(({ name, target, result, assessment }) => ({ name, target, result, assessment })));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [dirty, setDirty] = useState(false);
  // Follow the server's list while nothing is being edited here.
  useEffect(() => {
    if (!dirty) setRows(targets.map(({ name, target, result, assessment }) => ({ name, target, result, assessment })));
  }, [targets, dirty]);
  const change = (next: TargetInput[]): void => {
    setRows(next);
    setDirty(true);
    setSaved(false);
  };
  const set = (i: number, patch: Partial<TargetInput>): void => change(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, delta: -1 | 1): void => {
    const j = i + delta;
    if (j < 0 || j >= rows.length) return;
    const next = [...rows];
    [next[i], next[j]] = [next[j]!, next[i]!];
    change(next);
  };
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await onSave(rows.map((x) => ({ ...x, name: x.name.trim(), target: x.target.trim(), result: x.result.trim() })));
    setError(r.ok ? null : r.error);
    setSaved(r.ok);
    if (r.ok) setDirty(false);
  };
  const met = rows.filter((r) => r.assessment !== 'not-met').length;
  const exceeded = rows.filter((r) => r.assessment === 'exceeded').length;
  return (
    <form className="form targets-editor" onSubmit={(e) => void submit(e)}>
      <p className="muted" data-testid="targets-tally">{t('targets.summary', { met, total: rows.length, exceeded })}</p>
      <ol className="targets-rows">
        {rows.map((row, i) => (
          <li key={i} className="target-row" data-testid="target-row">
            <label className="field"><span>{t('console.targets.name', { n: i + 1 })}</span>
              <input value={row.name} onChange={(e) => set(i, { name: e.target.value })} required maxLength={300} disabled={!editable} /></label>
            <label className="field"><span>{t('console.targets.target')}</span>
              <input value={row.target} onChange={(e) => set(i, { target: e.target.value })} required maxLength={300} disabled={!editable} /></label>
            <label className="field"><span>{t('console.targets.result')}</span>
              <input value={row.result} onChange={(e) => set(i, { result: e.target.value })} required maxLength={300} disabled={!editable} /></label>
            <label className="field"><span>{t('console.targets.assessment')}</span>
              <select value={row.assessment} onChange={(e) => set(i, { assessment: e.target.value as TargetInput['assessment'] })} disabled={!editable}>
                {ASSESSMENTS.map((a) => <option key={a} value={a}>{t(`targets.status.${a}`)}</option>)}
              </select></label>
            {editable && (
              <span className="row-actions">
                <button type="button" className="button subtle small" onClick={() => move(i, -1)} disabled={i === 0}
                  aria-label={t('console.targets.up', { n: i + 1 })}>↑</button>
                <button type="button" className="button subtle small" onClick={() => move(i, 1)} disabled={i === rows.length - 1}
                  aria-label={t('console.targets.down', { n: i + 1 })}>↓</button>
                <button type="button" className="button subtle small" onClick={() => change(rows.filter((_, j) => j !== i))}
                  aria-label={t('console.targets.remove', { n: i + 1 })}>{t('console.targets.removeShort')}</button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {editable && <button type="button" className="button" onClick={() => change([...rows, blank()])}>{t('console.targets.add')}</button>}
      <button type="submit" className="button primary" disabled={!editable || !dirty}>{t('console.targets.save')}</button>
      {!editable && <p className="muted">{t('console.needRole')}</p>}
      {saved && <p className="ok-text" role="status">{t('console.targets.saved')}</p>}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
};
