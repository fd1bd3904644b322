/**
 * The ending term's resolution targets (chỉ tiêu nghị quyết), edited as one list: name, target, result and whether
 * it was exceeded, met or not met; rows added, removed and moved; saved at once (PUT …/targets replaces the list).
 * The hall screen shows them as a slide. (The new term's targets a resolution adopts: discussion/ResolutionTargetsEditor.)
 */
import { type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { TargetInput } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { RowActions, useListEditor } from '../ui/ListEditor.tsx';

const ASSESSMENTS = ['exceeded', 'met', 'not-met'] as const;
const blank = (): TargetInput => ({ name: '', target: '', result: '', assessment: 'met' });
const fieldsOf = ({ name, target, result, assessment }: TargetInput): TargetInput => ({ name, target, result, assessment });

export const TargetsEditor = ({ targets, editable: canEdit, onSave }: {
  readonly targets: readonly TargetInput[];
  readonly editable: boolean;
  readonly onSave: (targets: readonly TargetInput[]) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const list = useListEditor(targets, fieldsOf);
  const { rows, set } = list;
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    await list.save((all) => onSave(all.map((x) => ({ ...x, name: x.name.trim(), target: x.target.trim(), result: x.result.trim() }))));
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
              <input value={row.name} onChange={(e) => set(i, { name: e.target.value })} required maxLength={300} disabled={!canEdit} /></label>
            <label className="field"><span>{t('console.targets.target')}</span>
              <input value={row.target} onChange={(e) => set(i, { target: e.target.value })} required maxLength={300} disabled={!canEdit} /></label>
            <label className="field"><span>{t('console.targets.result')}</span>
              <input value={row.result} onChange={(e) => set(i, { result: e.target.value })} required maxLength={300} disabled={!canEdit} /></label>
            <label className="field"><span>{t('console.targets.assessment')}</span>
              <select value={row.assessment} onChange={(e) => set(i, { assessment: e.target.value as TargetInput['assessment'] })} disabled={!canEdit}>
                {ASSESSMENTS.map((a) => <option key={a} value={a}>{t(`targets.status.${a}`)}</option>)}
              </select></label>
            {canEdit && <RowActions list={list} i={i} />}
          </li>
        ))}
      </ol>
      {canEdit && <button type="button" className="button" onClick={() => list.add(blank())}>{t('console.targets.add')}</button>}
      <button type="submit" className="button primary" disabled={!canEdit || !list.dirty}>{t('console.targets.save')}</button>
      {!canEdit && <p className="muted">{t('console.needRole')}</p>}
      {list.saved && <p className="ok-text" role="status">{t('console.targets.saved')}</p>}
      {list.error !== null && <ErrorMessage error={list.error} />}
    </form>
  );
};
