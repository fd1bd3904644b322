/** The speakers' queue (tham luận) in order; the presidium puts one on the hall screen and marks them done. */
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/api-context.tsx';
import { hasRole, useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export const SpeakersSection = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const speakers = useLiveResource(code, () => api.speakers(code), ['speaker']);
  const canChair = hasRole(me, 'admin', 'secretariat', 'presidium');
  const act = (p: Promise<unknown>): void => void p.then(() => speakers.reload());
  return (
    <div>
      {speakers.error !== null && <ErrorMessage error={speakers.error} />}
      {(speakers.data ?? []).length === 0 && <p className="muted">{t('console.speakers.none')}</p>}
      <ol className="speaker-list">
        {[...(speakers.data ?? [])].sort((a, b) => a.position - b.position).map((s) => (
          <li key={s.id} className={`speaker ${s.status}`}>
            <strong>{s.speakerName}</strong> — {s.title} <span className="badge">{t(`console.speakers.status.${s.status}`)}</span>
            {s.status !== 'speaking' && s.status !== 'done' && s.status !== 'withdrawn' && (
              <button type="button" className="button subtle small" disabled={!canChair} onClick={() => act(api.setCurrentSpeaker(code, s.id))}>
                {t('console.speakers.call')}
              </button>
            )}
            {s.status === 'speaking' && (
              <button type="button" className="button subtle small" disabled={!canChair}
                onClick={() => act(api.updateSpeaker(code, s.id, 'done').then(() => api.setCurrentSpeaker(code, null)))}>
                {t('console.speakers.finish')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
};
