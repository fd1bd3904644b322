/** On the phone, while a contribution has the floor: who speaks, its title and its text, to follow in the hall. */
import { useTranslation } from 'react-i18next';
import type { Speaker } from '../api/types.ts';
import { SpeechText } from '../ui/SpeechText.tsx';

export const CurrentSpeech = ({ speakers }: { readonly speakers: readonly Speaker[] }) => {
  const { t } = useTranslation();
  const current = speakers.find((s) => s.status === 'speaking');
  if (current === undefined) return null;
  return (
    <section aria-labelledby="current-speech-title" className="current-speech" data-testid="current-speech">
      <h2 id="current-speech-title">{t('delegate.nowSpeaking')}</h2>
      <p><strong>{current.speakerName}</strong> — {current.title}</p>
      {current.hasText ? <SpeechText key={current.id} speakerId={current.id} /> : <p className="muted">{t('delegate.noSpeechText')}</p>}
    </section>
  );
};
