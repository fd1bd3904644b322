/** The batches of the round with their physical count and status; opening a new batch. */
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { BatchView } from '../api/types.ts';
import type { ApiError } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export const BatchList = ({ batches, selected, onSelect, onOpen, canOpen }: {
  readonly batches: readonly BatchView[];
  readonly canOpen: boolean;
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
  readonly onOpen: (label: string, physicalCount: number) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const [label, setLabel] = useState('');
  const [count, setCount] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await onOpen(label.trim(), Number(count));
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setLabel('');
      setCount('');
    }
  };
  return (
    <section className="batches" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('counting.batches')}</h2>
      <ul className="batch-list">
        {batches.map((b) => (
          <li key={b.id}>
            <button type="button" className="batch" aria-pressed={b.id === selected} onClick={() => onSelect(b.id)}>
              <span>{b.label}</span>
              <span className="muted">{t('counting.batchLine', { mine: b.myEntry?.ballots ?? 0, physical: b.physicalCount })}</span>
              <span className="muted">{t('counting.entriesLine', { closed: b.entriesClosed, required: b.entriesRequired })}</span>
              <span className={`badge batch-${b.status}`}>{t(`counting.status.${b.status}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      {canOpen && <form className="form inline" onSubmit={(e) => void submit(e)}>
        <label className="field" htmlFor={`${id}-label`}>{t('counting.batchLabel')}</label>
        <input id={`${id}-label`} value={label} onChange={(e) => setLabel(e.target.value)} required />
        <label className="field" htmlFor={`${id}-count`}>{t('counting.physicalCount')}</label>
        <input id={`${id}-count`} type="number" min={1} value={count} onChange={(e) => setCount(e.target.value)} required />
        <button type="submit" className="button">{t('counting.openBatch')}</button>
      </form>}
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
};
