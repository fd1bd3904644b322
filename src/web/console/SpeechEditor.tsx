/** A registered contribution's text in the console: read it, or send or change it (the presidium and the office). */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEECH_TEXT_MAX } from '../../api/index.ts';
import type { ApiError, Speaker } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { SpeechText } from '../ui/SpeechText.tsx';

export const SpeechEditor = ({ speaker, canEdit, onSaved }: { readonly speaker: Speaker; readonly canEdit: boolean; readonly onSaved: () => void }) => {
  const { t } = useTranslation();
  const api = useApi();
  const code = useMe().congress;
  const id = useId();
  const [mode, setMode] = useState<'closed' | 'reading' | 'editing'>('closed');
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (mode !== 'editing' || !speaker.hasText) return;
    void api.speechText({ params: { code, id: speaker.id } }).then((r) => { if (r.ok) setText(r.value.text); });
  }, [api, code, mode, speaker.id, speaker.hasText]);
  const save = async (): Promise<void> => {
    const r = await api.updateSpeaker({ params: { code, id: speaker.id }, body: { text: text.trim() === '' ? null : text.trim() } });
    setError(r.ok ? null : r.error);
    if (r.ok) { setMode('closed'); onSaved(); }
  };
  return (
    <span className="speech-editor">
      {speaker.hasText && mode !== 'reading' && <button type="button" className="button subtle small" onClick={() => setMode('reading')}>{t('console.speakers.showText')}</button>}
      {mode === 'reading' && <button type="button" className="button subtle small" onClick={() => setMode('closed')}>{t('console.speakers.hideText')}</button>}
      {!speaker.hasText && <span className="muted"> {t('console.speakers.noText')} </span>}
      {canEdit && mode !== 'editing' && <button type="button" className="button subtle small" onClick={() => setMode('editing')}>{t('console.speakers.editText')}</button>}
      {mode === 'reading' && <SpeechText speakerId={speaker.id} />}
      {mode === 'editing' && (
        <span className="form">
          <label className="field" htmlFor={`${id}-x`}>{t('console.speakers.textOf', { name: speaker.speakerName })}</label>
          <textarea id={`${id}-x`} value={text} onChange={(e) => setText(e.target.value)} rows={8} maxLength={SPEECH_TEXT_MAX} />
          {error !== null && <ErrorMessage error={error} />}
          <button type="button" className="button primary small" onClick={() => void save()}>{t('console.speakers.saveText')}</button>
          <button type="button" className="button small" onClick={() => setMode('closed')}>{t('common.cancel')}</button>
        </span>
      )}
    </span>
  );
};
