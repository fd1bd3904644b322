import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEntry, parseEntry, RULING_REASON_LABELS, RULING_REASONS, type CountingContext, type RulingReason } from '../../counting/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

/** The board's ruling on one position: the ballot as read on paper (entry syntax), a reason, a note. */
export const RulingForm = ({ ctx, onRule }: {
  readonly ctx: CountingContext;
  readonly onRule: (text: string, reason: RulingReason, note: string) => Promise<ApiResult<unknown>>;
}) => {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [line, setLine] = useState('');
  const [reason, setReason] = useState<RulingReason>('entry-slip');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const parsed = parseEntry(ctx, line);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    const r = await onRule(formatEntry(ctx, parsed.value), reason, note.trim());
    setError(r.ok ? null : r.error);
  };
  return (
    <form className="ruling-form" onSubmit={(e) => void submit(e)}>
      <label className="field" htmlFor={`${id}-line`}>{t('counting.rulingLine')}</label>
      <input id={`${id}-line`} value={line} onChange={(e) => setLine(e.target.value)} autoComplete="off" spellCheck={false} required />
      <label className="field" htmlFor={`${id}-reason`}>{t('counting.rulingReason')}</label>
      <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value as RulingReason)}>
        {RULING_REASONS.map((r) => <option key={r} value={r}>{i18n.language === 'en' ? RULING_REASON_LABELS[r].en : RULING_REASON_LABELS[r].vi}</option>)}
      </select>
      <label className="field" htmlFor={`${id}-note`}>{t('counting.rulingNote')}</label>
      <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} required={reason === 'other'} />
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="button primary">{t('counting.rule')}</button>
    </form>
  );
};
