import { useTranslation } from 'react-i18next';
import type { HallState, Speaker } from '../api/types.ts';

/** The current agenda item and, when someone is speaking, the speaker. */
export const NowPanel = ({ item, speaker }: { readonly item: HallState['currentItem']; readonly speaker: Speaker | null }) => {
  const { t } = useTranslation();
  return (
    <section className="now" aria-live="polite">
      <p className="label">{item === null ? t('hall.noItem') : item.sessionTitle}</p>
      {item !== null && <p className="now-item" data-testid="current-item">{item.title}</p>}
      {speaker !== null && (
        <div className="now-speaker">
          <p className="label">{t('hall.speaking')}</p>
          <p className="speaker-name" data-testid="current-speaker">{speaker.speakerName}</p>
          <p className="speaker-title">{speaker.title}</p>
        </div>
      )}
    </section>
  );
};
