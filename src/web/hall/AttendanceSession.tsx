/** The session in progress under the attendance numbers, and — when it requires a fresh check-in — how many came back. */
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../locale/vi.ts';
import type { Attendance } from '../api/types.ts';

export const useAttendanceSessionText = (a: Attendance): string | null => {
  const { t } = useTranslation();
  if (a.session === undefined) return null;
  if (a.session === null) return t('attendance.noSession');
  if (a.session.freshCheckin) {
    return t('attendance.fresh', { title: a.session.title, present: formatInteger(a.present), inCongress: formatInteger(a.presentInCongress ?? a.present) });
  }
  return t('attendance.session', { title: a.session.title });
};

export const AttendanceSession = ({ attendance }: { readonly attendance: Attendance }) => {
  const { t } = useTranslation();
  const text = useAttendanceSessionText(attendance);
  const notVoting = attendance.presentNotVoting ?? 0;
  return (
    <>
      {text !== null && <p className={`attendance-session ${attendance.session?.freshCheckin === true ? 'fresh' : ''}`} data-testid="attendance-session">{text}</p>}
      {notVoting > 0 && <p className="attendance-note">{t('attendance.notVoting', { n: formatInteger(notVoting) })}</p>}
    </>
  );
};
