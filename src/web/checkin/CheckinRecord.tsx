/**
 * The record of check-ins of the congress, newest first: a voided one stays, struck through with its reason. The chair
 * and the secretariat void a check-in with a reason; the desk records a delegate leaving; the chair sets which session
 * requires a fresh check-in.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { formatTime } from '../../locale/vi.ts';
import type { ApiError, RecordedCheckin } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

const SHOWN = 50;

export const CheckinRecord = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const params = { code };
  const checkins = useLiveResource(code, () => api.congressCheckins({ params }), ['attendance', 'delegates']);
  const sessions = useLiveResource(code, () => api.listSessions({ params }), ['current-item', 'congress', 'attendance']);
  const [voiding, setVoiding] = useState<RecordedCheckin | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const title = new Map((sessions.data ?? []).map((s) => [s.id, s.title]));
  const after = (r: { ok: true } | { ok: false; error: ApiError }): void => {
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setVoiding(null);
      setReason('');
    }
    checkins.reload();
    sessions.reload();
  };
  const rows = [...(checkins.data ?? [])].reverse().slice(0, SHOWN);
  return (
    <section className="checkin-record" aria-labelledby="checkin-record-title">
      <h2 id="checkin-record-title">{t('attendance.record')}</h2>
      {can(me, API.setCheckinPolicy) && (sessions.data ?? []).map((s) => (
        <label key={s.id} className="field inline">
          <input type="checkbox" checked={s.freshCheckin} data-testid={`fresh-${s.id}`}
            onChange={(e) => void api.setCheckinPolicy({ params: { code, id: s.id }, body: { freshCheckin: e.target.checked } }).then(after)} />
          <span>{t('attendance.freshToggle', { title: s.title })}</span>
        </label>
      ))}
      {error !== null && <ErrorMessage error={error} />}
      {rows.length === 0 && <p className="muted">{t('attendance.recordEmpty')}</p>}
      <ol>
        {rows.map((c) => (
          <li key={c.id} className={c.voidedAt !== null ? 'voided' : c.leftAt !== null ? 'left' : ''} data-testid="checkin-row">
            <span className="what">
              <strong>{c.fullName}</strong> · {title.get(c.sessionId) ?? ''} · {formatTime(new Date(c.at))} · {c.desk ?? '—'} · {t(`attendance.method.${c.method}`)}
            </span>
            {c.voidedAt !== null && <span className="muted">{t('attendance.voided', { reason: c.voidReason ?? '' })}</span>}
            {c.leftAt !== null && c.voidedAt === null && <span className="muted">{t('attendance.left', { time: formatTime(new Date(c.leftAt)) })}</span>}
            {c.voidedAt === null && c.leftAt === null && can(me, API.leaveCheckin) && (
              <button type="button" className="button subtle" onClick={() => void api.leaveCheckin({ params: { code, id: c.id }, body: { reason: null } }).then(after)}>
                {t('attendance.leave')}
              </button>
            )}
            {c.voidedAt === null && can(me, API.voidCheckin) && (
              <button type="button" className="button subtle" onClick={() => { setVoiding(c); setReason(''); }}>{t('attendance.void')}</button>
            )}
          </li>
        ))}
      </ol>
      {voiding !== null && (
        <form className="form" onSubmit={(e) => {
          e.preventDefault();
          void api.voidCheckin({ params: { code, id: voiding.id }, body: { reason: reason.trim() } }).then(after);
        }}>
          <label className="field">
            <span>{t('attendance.voidReason', { name: voiding.fullName })}</span>
            <input value={reason} required maxLength={300} onChange={(e) => setReason(e.target.value)} autoFocus data-testid="void-reason" />
          </label>
          <div className="row">
            <button type="submit" className="button danger" disabled={reason.trim() === ''}>{t('attendance.voidConfirm')}</button>
            <button type="button" className="button subtle" onClick={() => setVoiding(null)}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
    </section>
  );
};
