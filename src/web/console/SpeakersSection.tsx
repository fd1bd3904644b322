/**
 * The speakers' queue (tham luận) in order, each with its text; the secretariat registers one for a delegate or a
 * guest; the presidium puts one on the hall screen (and its text on the phones) and marks them done.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { SpeakerRegistration } from './SpeakerRegistration.tsx';
import { swapWithNeighbour } from './speaker-order.ts';
import { SpeechEditor } from './SpeechEditor.tsx';

export const SpeakersSection = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const params = { code };
  const speakers = useLiveResource(code, () => api.listSpeakers({ params }), ['speaker']);
  const canMove = can(me, API.updateSpeaker);
  const canCall = can(me, API.setCurrentSpeaker);
  const [error, setError] = useState<ApiError | null>(null);
  // A refused step is said, not swallowed (e.g. calling a speaker the server will not give the floor to).
  const act = (p: Promise<readonly ApiResult<unknown>[]>): void => void p.then((results) => {
    setError(results.flatMap((x) => (x.ok ? [] : [x.error]))[0] ?? null);
    speakers.reload();
  });
  const ordered = [...(speakers.data ?? [])].sort((a, b) => a.position - b.position);
  const move = (id: number, delta: -1 | 1): void =>
    act(Promise.all(swapWithNeighbour(ordered, id, delta).map((m) => api.updateSpeaker({ params: { code, id: m.id }, body: { position: m.position } }))));
  return (
    <div>
      {speakers.error !== null && <ErrorMessage error={speakers.error} />}
      {error !== null && <ErrorMessage error={error} />}
      {(speakers.data ?? []).length === 0 && <p className="muted">{t('console.speakers.none')}</p>}
      <ol className="speaker-list">
        {ordered.map((s, i) => (
          <li key={s.id} className={`speaker ${s.status}`}>
            <strong>{s.speakerName}</strong> — {s.title} <span className="badge">{t(`console.speakers.status.${s.status}`)}</span>
            {canMove && (
              <>
                <button type="button" className="button subtle small" disabled={i === 0} onClick={() => move(s.id, -1)}
                  aria-label={t('console.speakers.up', { name: s.speakerName })}>↑</button>
                <button type="button" className="button subtle small" disabled={i === ordered.length - 1} onClick={() => move(s.id, 1)}
                  aria-label={t('console.speakers.down', { name: s.speakerName })}>↓</button>
              </>
            )}
            {s.status !== 'speaking' && s.status !== 'done' && s.status !== 'withdrawn' && (
              <button type="button" className="button subtle small" disabled={!canCall} onClick={() => act(api.setCurrentSpeaker({ params, body: { speakerId: s.id } }).then((r) => [r]))}>
                {t('console.speakers.call')}
              </button>
            )}
            <SpeechEditor speaker={s} canEdit={canMove} onSaved={speakers.reload} />
            {s.status === 'speaking' && (
              <button type="button" className="button subtle small" disabled={!canMove || !canCall}
                onClick={() => act(api.updateSpeaker({ params: { code, id: s.id }, body: { status: 'done' } })
                  .then((r) => (r.ok ? api.setCurrentSpeaker({ params, body: { speakerId: null } }) : r)).then((r) => [r]))}>
                {t('console.speakers.finish')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {can(me, API.registerSpeaker) && <SpeakerRegistration onRegistered={speakers.reload} />}
    </div>
  );
};
