/** Show-of-hands items: type the counts, see the decision of the rules core before recording it. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { formatDateShort, formatInteger } from '../../locale/vi.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
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
        <thead><tr><th scope="col">{t('console.votes.subject')}</th><th scope="col">{t('console.votes.agree')}</th><th scope="col">{t('console.votes.disagree')}</th><th scope="col">{t('console.votes.other')}</th><th scope="col">{t('console.votes.decision')}</th><th scope="col">{t('console.votes.date')}</th></tr></thead>
        <tbody>
          {(votes.data ?? []).map((v) => (
            <tr key={v.id}>
              <td>{v.subject}</td><td>{formatInteger(v.agree)}</td><td>{formatInteger(v.disagree)}</td><td>{formatInteger(v.other)}</td>
              <td>{v.passed ? <span className="badge ok">{t('console.votes.passed')}</span> : <span className="badge bad">{t('console.votes.notPassed')}</span>}</td>
              <td>{formatDateShort(v.recordedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
