import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEECH_TEXT_MAX } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, Speaker } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

/** Register a contribution (tham luận) with its title and, if ready, its text. */
export const SpeakForm = ({ onRegister }: { readonly onRegister: (title: string, text: string | null) => Promise<ApiResult<Speaker>> }) => {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Speaker | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await onRegister(title.trim(), text.trim() === '' ? null : text.trim());
    if (r.ok) {
      setDone(r.value);
      setTitle('');
      setText('');
      setError(null);
    } else setError(r.error);
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('delegate.speak')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label className="field" htmlFor={id}>{t('delegate.speakTitle')}</label>
        <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
        <label className="field" htmlFor={`${id}-text`}>{t('delegate.speakText')}</label>
        <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} rows={6} maxLength={SPEECH_TEXT_MAX} />
        {error !== null && <ErrorMessage error={error} />}
        {done !== null && <p role="status" className="ok-text">{t('delegate.registered', { position: done.position })}</p>}
        <button type="submit" className="button primary">{t('delegate.register')}</button>
      </form>
    </section>
  );
};
