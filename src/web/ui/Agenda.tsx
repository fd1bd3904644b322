import { useTranslation } from 'react-i18next';
import type { Session } from '../api/types.ts';

/** The agenda by session, the current item marked. */
export const Agenda = ({ sessions, currentId }: { readonly sessions: readonly Session[]; readonly currentId: number | null }) => {
  const { t } = useTranslation();
  return (
    <div className="agenda">
      {sessions.map((s) => (
        <section key={s.id} aria-labelledby={`session-${s.id}`}>
          <h3 id={`session-${s.id}`}>{s.title}</h3>
          <ol className="agenda-list">
            {s.items.map((i) => {
              const current = i.id === currentId || (currentId === null && i.status === 'current');
              return (
                <li key={i.id} className={`agenda-item ${current ? 'current' : i.status}`} aria-current={current ? 'step' : undefined}>
                  {i.title}
                  {current && <span className="badge ok">{t('agenda.now')}</span>}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
};
