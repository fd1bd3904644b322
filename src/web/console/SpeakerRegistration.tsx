/**
 * The secretariat registers a contribution (tham luận) on behalf of a delegate — found by their number, the name
 * filled in — or of a guest (no number, the name typed), with its title and text.
 */
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEECH_TEXT_MAX } from '../../api/index.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export const SpeakerRegistration = ({ onRegistered }: { readonly onRegistered: () => void }) => {
  const { t } = useTranslation();
  const api = useApi();
  const code = useMe().congress;
  const id = useId();
  const delegates = useLiveResource(code, () => api.listDelegates({ params: { code } }), ['delegates']);
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const found = number.trim() === '' ? null : delegates.data?.find((d) => d.code === number.trim()) ?? null;

  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (number.trim() !== '' && found === null) {
      const typed = number.trim();
      setError({ code: 'speaker.unknown-delegate', message_vi: t('console.speakers.unknownCode', { code: typed, lng: 'vi' }), message_en: t('console.speakers.unknownCode', { code: typed, lng: 'en' }) });
      return;
    }
    const r = await api.registerSpeaker({ params: { code }, body: {
      delegateId: found?.id ?? null, speakerName: found?.fullName ?? name.trim(), title: title.trim(), text: text.trim() === '' ? null : text.trim(),
    } });
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setNumber(''); setName(''); setTitle(''); setText('');
      onRegistered();
    }
  };
  return (
    <form className="form body-card" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('console.speakers.register')}</h3>
      <label className="field" htmlFor={`${id}-c`}>{t('console.speakers.delegateCode')}</label>
      <input id={`${id}-c`} value={number} onChange={(e) => setNumber(e.target.value)} list={`${id}-codes`} />
      <datalist id={`${id}-codes`}>{delegates.data?.map((d) => <option key={d.id} value={d.code}>{d.fullName}</option>)}</datalist>
      <label className="field" htmlFor={`${id}-n`}>{t('console.speakers.speakerName')}</label>
      <input id={`${id}-n`} value={found?.fullName ?? name} readOnly={found !== null} onChange={(e) => setName(e.target.value)} required maxLength={120} />
      <label className="field" htmlFor={`${id}-t`}>{t('console.speakers.speechTitle')}</label>
      <input id={`${id}-t`} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
      <label className="field" htmlFor={`${id}-x`}>{t('console.speakers.text')}</label>
      <textarea id={`${id}-x`} value={text} onChange={(e) => setText(e.target.value)} rows={6} maxLength={SPEECH_TEXT_MAX} />
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="button primary">{t('console.speakers.add')}</button>
    </form>
  );
};
