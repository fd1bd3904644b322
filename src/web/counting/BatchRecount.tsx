/**
 * The counting board counts the selected batch again by hand and records the new count with the reason (the old
 * one stays in the input log). Said at once when it cannot be done yet: an entry already closed against the old
 * count (the board discards it first, beside the entries). A batch already scanned is refused by the server, which
 * says to discard that scan first.
 */
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, BatchView } from '../api/types.ts';
import { DisabledReason } from '../ui/ConfirmButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export const BatchRecount = ({ batch, onRecount }: {
  readonly batch: BatchView;
  readonly onRecount: (physicalCount: number, note: string) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const [count, setCount] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const why = batch.status !== 'entering' ? t('counting.recount.notEntering')
    : batch.entriesClosed > 0 ? t('counting.recount.closed', { n: batch.entriesClosed }) : null;
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await onRecount(Number(count), note.trim());
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setCount('');
      setNote('');
    }
  };
  return (
    <form className="form inline batch-recount" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${id}-title`}>{t('counting.recount.title', { batch: batch.label, n: batch.physicalCount })}</h3>
      <label className="field" htmlFor={`${id}-count`}>{t('counting.recount.count')}</label>
      <input id={`${id}-count`} type="number" min={1} value={count} onChange={(e) => setCount(e.target.value)} required disabled={why !== null} />
      <label className="field" htmlFor={`${id}-note`}>{t('counting.recount.note')}</label>
      <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} required maxLength={2000} disabled={why !== null} />
      <button type="submit" className="button" disabled={why !== null} aria-describedby={why === null ? undefined : `${id}-why`}>{t('counting.recount.send')}</button>
      <DisabledReason reason={why} id={`${id}-why`} />
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
};
