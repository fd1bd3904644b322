/** A contribution's text (tham luận), loaded when shown: on the phones once its speaker has the floor, in the console at any time. */
import { useEffect, useState } from 'react';
import type { SpeechView } from '../../api/index.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

export const SpeechText = ({ speakerId }: { readonly speakerId: number }) => {
  const api = useApi();
  const code = useMe().congress;
  const [speech, setSpeech] = useState<SpeechView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    void api.speechText({ params: { code, id: speakerId } }).then((r) => {
      if (!live) return;
      setSpeech(r.ok ? r.value : null);
      setError(r.ok ? null : r.error);
    });
    return () => { live = false; };
  }, [api, code, speakerId]);
  if (error !== null) return <ErrorMessage error={error} />;
  if (speech === null) return null;
  return (
    <div className="speech-text" data-testid="speech-text">
      {speech.text.split(/\n\s*\n|\n/u).filter((p) => p.trim() !== '').map((p, i) => <p key={i}>{p}</p>)}
    </div>
  );
};
