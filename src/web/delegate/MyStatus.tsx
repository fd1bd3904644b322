/**
 * The delegate's own record on their phone: the check-in of the session in progress in large type, then name,
 * number, seat, organisation, status, and the check-in of every session with its time.
 */
import { useTranslation } from 'react-i18next';
import type { MyDelegateView } from '../../api/me.ts';
import { formatTime } from '../../locale/vi.ts';
import type { ApiError } from '../api/types.ts';

export interface MyStatusProps {
  readonly record: MyDelegateView | null;
  readonly error: ApiError | null;
  /** The session check-ins go to now (the attendance view's); null before anything has started. */
  readonly currentSessionId: number | null;
  /** The session in progress requires a fresh check-in: only a check-in to it counts (otherwise any makes one present). */
  readonly freshCheckin?: boolean;
}

export const MyStatus = ({ record, error, currentSessionId, freshCheckin = false }: MyStatusProps) => {
  const { t } = useTranslation();
  if (record === null) {
    return (
      <section className={`checkin-status ${error !== null ? 'unknown' : 'pending'}`} aria-live="polite" data-testid="my-checkin">
        {error !== null ? t('delegate.statusUnknown') : t('common.loading')}
      </section>
    );
  }
  const sessions = [...record.sessions].sort((a, b) => a.position - b.position);
  const current = sessions.find((s) => s.sessionId === currentSessionId) ?? sessions[0] ?? null;
  const summoned = record.status === 'summoned';
  // Attendance of the congress: the first check-in makes the delegate present, whatever session is in progress now.
  const first = freshCheckin ? (current?.checkedInAt === null ? undefined : current) : sessions.find((s) => s.checkedInAt !== null);
  const headline = !summoned ? t('delegate.notExpected', { status: t(`console.delegates.statuses.${record.status}`) })
    : current === null ? t('delegate.noSession')
      : first?.checkedInAt !== undefined && first.checkedInAt !== null
        ? (first.sessionId === current.sessionId ? t('delegate.checkedInAt', { session: current.title, time: formatTime(new Date(first.checkedInAt)) })
          : t('delegate.presentSince', { session: first.title, time: formatTime(new Date(first.checkedInAt)) }))
        : t('delegate.notCheckedInTo', { session: current.title });
  const tone = !summoned || current === null ? 'unknown' : first !== undefined && first !== null ? 'ok' : 'pending';
  return (
    <>
      <section className={`checkin-status ${tone}`} aria-live="polite" data-testid="my-checkin">{headline}</section>
      <section className="my-record" aria-labelledby="my-record-title">
        <h2 id="my-record-title">{t('delegate.myRecord')}</h2>
        <dl className="my-facts">
          <dt>{t('delegate.code')}</dt><dd>{record.code}</dd>
          <dt>{t('delegate.seat')}</dt><dd>{record.seat ?? t('delegate.noSeat')}</dd>
          <dt>{t('delegate.organisation')}</dt><dd>{record.organisationName ?? '—'}</dd>
          <dt>{t('delegate.status')}</dt><dd>{t(`console.delegates.statuses.${record.status}`)}</dd>
        </dl>
        {sessions.length > 0 && (
          <ul className="my-sessions" aria-label={t('delegate.sessionsLabel')}>
            {sessions.map((s) => (
              <li key={s.sessionId} className={s.checkedInAt !== null ? 'ok' : 'pending'} data-testid="my-session">
                <span>{s.title}</span>{' '}
                <strong>{s.checkedInAt !== null ? t('delegate.sessionCheckedIn', { time: formatTime(new Date(s.checkedInAt)) }) : t('delegate.sessionNotCheckedIn')}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
};
