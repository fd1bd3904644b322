/** The congress at a glance: who it is, attendance against N_base, the agenda with "make current". */
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { formatDateLong } from '../../locale/vi.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { CheckinRecord } from '../checkin/CheckinRecord.tsx';
import { AttendancePanel } from '../hall/AttendancePanel.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { ChecklistPanel } from '../prepare/ChecklistPanel.tsx';

export const OverviewSection = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const params = { code };
  const congress = useLiveResource(code, () => api.getCongress({ params }), ['congress', 'current-item']);
  const attendance = useLiveResource(code, () => api.attendance({ params }), ['attendance', 'delegates']);
  const sessions = useLiveResource(code, () => api.listSessions({ params }), ['current-item', 'congress']);
  const canSteer = can(me, API.setCurrentItem);
  const c = congress.data;
  return (
    <div className="overview">
      {c !== null && (
        <section className="congress-card">
          <p className="muted">{c.higherOrganisationName}</p>
          <h2>{c.organisationName}</h2>
          <p>{t('hall.congressTitle', { ordinal: c.ordinal, start: c.termStartYear, end: c.termEndYear })}</p>
          <p>{c.venue}, {c.place}, {formatDateLong(c.startDate)}</p>
        </section>
      )}
      {congress.error !== null && <ErrorMessage error={congress.error} />}
      {can(me, API.createDelegate) && <ChecklistPanel />}
      {attendance.data !== null && <AttendancePanel attendance={attendance.data} compact />}
      {can(me, API.voidCheckin) && <CheckinRecord />}
      <section aria-labelledby="agenda-steer">
        <h2 id="agenda-steer">{t('console.overview.agenda')}</h2>
        {(sessions.data ?? []).map((s) => (
          <div key={s.id}>
            <h3>{s.title}</h3>
            <ol className="agenda-list">
              {s.items.map((i) => {
                const current = i.id === c?.currentAgendaItemId;
                return (
                  <li key={i.id} className={`agenda-item ${current ? 'current' : i.status}`}>
                    <span>{i.title}</span>
                    <button type="button" className="button subtle" disabled={!canSteer || current}
                      title={!canSteer ? t('console.needRole') : undefined}
                      onClick={() => void api.setCurrentItem({ params, body: { agendaItemId: i.id } }).then(() => congress.reload())}>
                      {current ? t('agenda.now') : t('console.overview.makeCurrent')}
                    </button>
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
      </section>
    </div>
  );
};
