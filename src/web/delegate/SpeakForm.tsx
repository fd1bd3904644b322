import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, Speaker } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

/** Register a contribution (tham luận) with its title. */
export const SpeakForm = ({ onRegister }: { readonly onRegister: (title: string) => Promise<ApiResult<Speaker>> }) => {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Speaker | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await onRegister(title.trim());
    if (r.ok) {
      setDone(r.value);
      setTitle('');
      setError(null);
    } else setError(r.error);
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('delegate.speak')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label className="field" htmlFor={id}>{t('delegate.speakTitle')}</label>
        <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
        {error !== null && <ErrorMessage error={error} />}
        {done !== null && <p role="status" className="ok-text">{t('delegate.registered', { position: done.position })}</p>}
        <button type="submit" className="button primary">{t('delegate.register')}</button>
      </form>
    </section>
  );
};
