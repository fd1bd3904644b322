/**
 * The new term's targets the resolution adopts (chỉ tiêu chủ yếu nhiệm kỳ mới): name and target with its number,
 * rows added, removed and moved, saved at once (PUT …/resolution/targets replaces the list). Read-only once the
 * resolution is adopted as a whole, or for someone who may not change them.
 */
import { type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasNumber, RESOLUTION_TARGETS_MAX } from '../../discussion/resolution-targets.ts';
import type { NewTermTarget } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import { DisabledReason } from '../ui/ConfirmButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { RowActions, useListEditor } from '../ui/ListEditor.tsx';

const fieldsOf = ({ name, target }: NewTermTarget): NewTermTarget => ({ name, target });

export const ResolutionTargetsEditor = ({ targets, editable, lockedReason, onSave }: {
  readonly targets: readonly NewTermTarget[];
  readonly editable: boolean;
  /** Why the list can no longer change (adopted); null when it can. */
  readonly lockedReason: string | null;
  readonly onSave: (targets: readonly NewTermTarget[]) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const list = useListEditor(targets, fieldsOf);
  if (!editable || lockedReason !== null) {
    return (
      <>
        {targets.length === 0 ? <p className="muted">{t('discussion.targetsNone')}</p> : (
          <ol className="resolution-targets" data-testid="resolution-targets">
            {targets.map((x, i) => <li key={i}><span className="record-text">{x.name}</span>: <b>{x.target}</b></li>)}
          </ol>
        )}
        {lockedReason !== null && <p className="muted">{lockedReason}</p>}
      </>
    );
  }
  const { rows, set } = list;
  const trimmed = rows.map((x) => ({ name: x.name.trim(), target: x.target.trim() }));
  const unnamed = trimmed.findIndex((x) => x.name === '');
  const noNumber = trimmed.findIndex((x) => !hasNumber(x.target));
  const why = !list.dirty ? null
    : unnamed >= 0 ? t('discussion.targetNeedsName', { n: unnamed + 1 })
    : noNumber >= 0 ? t('discussion.targetNeedsNumber', { n: noNumber + 1 }) : null;
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    await list.save(() => onSave(trimmed));
  };
  return (
    <form className="form targets-editor" onSubmit={(e) => void submit(e)}>
      {rows.length === 0 && <p className="muted">{t('discussion.targetsNone')}</p>}
      <ol className="targets-rows">
        {rows.map((row, i) => (
          <li key={i} className="target-row" data-testid="resolution-target-row">
            <label className="field"><span>{t('discussion.targetName', { n: i + 1 })}</span>
              <input value={row.name} onChange={(e) => set(i, { name: e.target.value })} maxLength={300} /></label>
            <label className="field"><span>{t('discussion.targetValue')}</span>
              <input value={row.target} onChange={(e) => set(i, { target: e.target.value })} maxLength={300} /></label>
            <RowActions list={list} i={i} />
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={() => list.add({ name: '', target: '' })} disabled={rows.length >= RESOLUTION_TARGETS_MAX}>{t('discussion.targetsAdd')}</button>
      <button type="submit" className="button primary" disabled={!list.dirty || why !== null}>{t('discussion.targetsSave')}</button>
      <DisabledReason reason={why} />
      {list.saved && <p className="ok-text" role="status">{t('discussion.targetsSaved')}</p>}
      {list.error !== null && <ErrorMessage error={list.error} />}
    </form>
  );
};
