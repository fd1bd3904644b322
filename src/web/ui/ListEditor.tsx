/**
 * A list edited as a whole and saved at once (a PUT replaces it): rows added, removed and moved, the server's list
 * followed while nothing is being edited here. Used by the ending term's assessment (console/TargetsEditor) and the
 * new term's targets of a resolution (discussion/ResolutionTargetsEditor).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';

export interface ListEditor<R> {
  readonly rows: readonly R[];
  readonly dirty: boolean;
  readonly saved: boolean;
  readonly error: ApiError | null;
  readonly set: (i: number, patch: Partial<R>) => void;
  readonly move: (i: number, delta: -1 | 1) => void;
  readonly remove: (i: number) => void;
  readonly add: (row: R) => void;
  /** Sends the whole list; on success the server's list is followed again. */
  readonly save: (send: (rows: readonly R[]) => Promise<ApiResult<unknown>>) => Promise<void>;
}

/** `copy` takes the editable fields of a row from the server's (called while following it). */
export const useListEditor = <S, R>(server: readonly S[], copy: (row: S) => R): ListEditor<R> => {
  const [rows, setRows] = useState<readonly R[]>(() => server.map(copy));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [dirty, setDirty] = useState(false);
  // Follow the server's list while nothing is being edited here (`copy` is a plain field picker: the list decides).
  useEffect(() => { if (!dirty) setRows(server.map(copy)); }, [server, dirty]);
  const change = (next: readonly R[]): void => {
    setRows(next);
    setDirty(true);
    setSaved(false);
  };
  return {
    rows, dirty, saved, error,
    set: (i, patch) => change(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))),
    move: (i, delta) => {
      const j = i + delta;
      if (j < 0 || j >= rows.length) return;
      const next = [...rows];
      [next[i], next[j]] = [next[j]!, next[i]!];
      change(next);
    },
    remove: (i) => change(rows.filter((_, j) => j !== i)),
    add: (row) => change([...rows, row]),
    save: async (send) => {
      const r = await send(rows);
      setError(r.ok ? null : r.error);
      setSaved(r.ok);
      if (r.ok) setDirty(false);
    },
  };
};

/** The buttons of row `i` (1-based in the labels): up, down, remove. */
export const RowActions = <R,>({ list, i }: { readonly list: ListEditor<R>; readonly i: number }) => {
  const { t } = useTranslation();
  return (
    <span className="row-actions">
      <button type="button" className="button subtle small" onClick={() => list.move(i, -1)} disabled={i === 0}
        aria-label={t('console.targets.up', { n: i + 1 })}>↑</button>
      <button type="button" className="button subtle small" onClick={() => list.move(i, 1)} disabled={i === list.rows.length - 1}
        aria-label={t('console.targets.down', { n: i + 1 })}>↓</button>
      <button type="button" className="button subtle small" onClick={() => list.remove(i)}
        aria-label={t('console.targets.remove', { n: i + 1 })}>{t('console.targets.removeShort')}</button>
    </span>
  );
};
