import { useTranslation } from 'react-i18next';
import { attendanceStatus } from '../../rules/index.ts';
import { formatInteger } from '../../locale/vi.ts';
import type { Attendance } from '../api/types.ts';
import { useAttendanceSessionText } from './AttendanceSession.tsx';

/** Attendance in one line, under the results and targets on the hall screen. */
export const AttendanceLine = ({ attendance }: { readonly attendance: Attendance }) => {
  const { t } = useTranslation();
  const status = attendanceStatus(attendance.base, attendance.present);
  const sessionText = useAttendanceSessionText(attendance);
  const session = attendance.session?.freshCheckin === true ? sessionText : null;
  return (
    <p className={`attendance-line ${status.nothingCanPass ? 'warning' : ''}`} aria-live="polite">
      <strong data-testid="present">{formatInteger(attendance.present)}</strong> {t('attendance.present')} ·{' '}
      <strong>{formatInteger(attendance.base)}</strong> {t('attendance.base')} ·{' '}
      <strong>{formatInteger(attendance.summoned)}</strong> {t('attendance.summoned')}
      {session !== null && ` · ${session}`}
      {status.nothingCanPass && ` · ${t('attendance.nothingCanPass', { threshold: formatInteger(status.threshold) })}`}
    </p>
  );
};
