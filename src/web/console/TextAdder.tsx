import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

/** One labelled line of text and an Add button. */
export const TextAdder = ({ label, onAdd }: { readonly label: string; readonly onAdd: (text: string) => Promise<ApiResult<unknown>> }) => {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await onAdd(text.trim());
    setError(r.ok ? null : r.error);
    if (r.ok) setText('');
  };
  return (
    <form className="form inline" onSubmit={(e) => void submit(e)}>
      <label className="field" htmlFor={id}>{label}</label>
      <input id={id} value={text} onChange={(e) => setText(e.target.value)} required />
      <button type="submit" className="button">{t('console.setup.add')}</button>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
};
