import { useTranslation } from 'react-i18next';
import { attendanceStatus } from '../../rules/index.ts';
import { formatInteger } from '../../locale/vi.ts';
import type { Attendance } from '../api/types.ts';
import { AttendanceSession } from './AttendanceSession.tsx';

/** Present against N_base, the session in progress (and who came back when it requires a fresh check-in), with the rules core's warning when nothing can pass. */
export const AttendancePanel = ({ attendance, compact = false }: { readonly attendance: Attendance; readonly compact?: boolean }) => {
  const { t } = useTranslation();
  const status = attendanceStatus(attendance.base, attendance.present);
  return (
    <section className={`attendance ${status.nothingCanPass ? 'warning' : ''} ${compact ? 'compact' : ''}`} aria-live="polite"
      aria-label={t('attendance.title')}>
      <div className="attendance-numbers">
        <div>
          <span className="big-number" data-testid="present">{formatInteger(attendance.present)}</span>
          <span className="label">{t('attendance.present')}</span>
        </div>
        <div>
          <span className="big-number" data-testid="base">{formatInteger(attendance.base)}</span>
          <span className="label">{t('attendance.base')}</span>
        </div>
        <div>
          <span className="big-number">{formatInteger(attendance.summoned)}</span>
          <span className="label">{t('attendance.summoned')}</span>
        </div>
      </div>
      <AttendanceSession attendance={attendance} />
      {status.nothingCanPass
        ? <p className="attendance-warning" role="alert">{t('attendance.nothingCanPass', { threshold: formatInteger(status.threshold) })}</p>
        : <p className="attendance-note">{t('attendance.threshold', { threshold: formatInteger(status.threshold) })}</p>}
    </section>
  );
};
