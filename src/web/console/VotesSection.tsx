/** Show-of-hands items: type the counts, see the decision of the rules core before recording it. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { formatDateShort, formatInteger } from '../../locale/vi.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { CountsForm } from '../ui/CountsForm.tsx';

export const VotesSection = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const { congress } = me;
  const id = useId();
  const params = { code: congress };
  const attendance = useLiveResource(congress, () => api.attendance({ params }), ['attendance']);
  const votes = useLiveResource(congress, () => api.listVotes({ params }), ['votes']);
  const [subject, setSubject] = useState('');
  return (
    <div className="votes">
      <CountsForm attendance={attendance.data} submitLabel={t('console.votes.record')}
        disabledReason={can(me, API.recordVote) ? null : t('console.needRole')}
        extraReason={subject.trim() === '' ? t('floor.votes.needSubject') : null}
        onSubmit={async (counts) => {
          const r = await api.recordVote({ params, body: { subject: subject.trim(), kind: 'other', ...counts } });
          if (r.ok) {
            setSubject('');
            votes.reload();
          }
          return r;
        }}>
        <label className="field" htmlFor={`${id}-subject`}>{t('console.votes.subject')}</label>
        <input id={`${id}-subject`} value={subject} onChange={(e) => setSubject(e.target.value)} required />
      </CountsForm>
      <table className="data-table">
        <thead><tr><th scope="col">{t('console.votes.subject')}</th><th scope="col">{t('console.votes.agree')}</th><th scope="col">{t('console.votes.disagree')}</th><th scope="col">{t('console.votes.other')}</th><th scope="col">{t('console.votes.decision')}</th><th scope="col">{t('console.votes.date')}</th><th scope="col"><span className="sr-only">{t('floor.votes.void')}</span></th></tr></thead>
        <tbody>
          {(votes.data ?? []).map((v) => (
            <tr key={v.id} className={v.voided === null ? undefined : 'voided'} data-testid={`vote-${v.id}`}>
              <td><span className="record-text">{v.subject}</span>
                {v.voided !== null && <div className="void-note">{t('floor.votes.voidedBy', { by: v.voided.by, reason: v.voided.reason })}</div>}</td>
              <td><span className="record-text">{formatInteger(v.agree)}</span></td><td><span className="record-text">{formatInteger(v.disagree)}</span></td>
              <td><span className="record-text">{formatInteger(v.other)}</span></td>
              <td>{v.voided !== null ? <span className="badge">{t('floor.votes.voided')}</span>
                : v.passed ? <span className="badge ok">{t('console.votes.passed')}</span> : <span className="badge bad">{t('console.votes.notPassed')}</span>}</td>
              <td>{formatDateShort(v.recordedAt)}</td>
              <td>
                {v.voided === null && can(me, API.voidVote) && (
                  <ConfirmButton label={t('floor.votes.void')} testId={`void-vote-${v.id}`}
                    confirm={{ message: t('floor.votes.voidWhat', { subject: v.subject }), yes: t('floor.votes.voidYes'), reasonLabel: t('floor.votes.voidReason') }}
                    onConfirm={async (reason) => {
                      const r = await api.voidVote({ params: { code: congress, id: v.id }, body: { reason } });
                      if (r.ok) votes.reload();
                      return r;
                    }} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
