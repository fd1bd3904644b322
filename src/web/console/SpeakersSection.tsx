import { useTranslation } from 'react-i18next';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

/** The speakers' queue (tham luận) in order. */
export const SpeakersSection = () => {
  const { t } = useTranslation();
  const api = useApi();
  const { congress } = useMe();
  const speakers = useLiveResource(congress, () => api.speakers(congress), ['speaker']);
  return (
    <div>
      {speakers.error !== null && <ErrorMessage error={speakers.error} />}
      <ol className="speaker-list">
        {[...(speakers.data ?? [])].sort((a, b) => a.position - b.position).map((s) => (
          <li key={s.id} className={`speaker ${s.status}`}>
            <strong>{s.speakerName}</strong> — {s.title} <span className="badge">{t(`console.speakers.status.${s.status}`)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
};
