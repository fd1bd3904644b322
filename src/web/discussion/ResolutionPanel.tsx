/** The resolution: its parts, the show-of-hands votes on the whole and on parts, and the print. */
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { hrefOf } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export const ResolutionPanel = ({ documentId }: { readonly documentId: number }) => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const id = useId();
  const view = useLiveResource(code, () => api.getResolution({ params: { code, id: documentId } }), ['discussion', 'votes']);
  const [partRef, setPartRef] = useState('');
  const [counts, setCounts] = useState({ agree: '', disagree: '', other: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await api.recordResolutionVote({ params: { code, id: documentId }, body: {
      partRef, agree: Number(counts.agree || '0'), disagree: Number(counts.disagree || '0'), other: Number(counts.other || '0'),
    } });
    setError(r.ok ? null : r.error);
    if (r.ok) { setCounts({ agree: '', disagree: '', other: '' }); view.reload(); }
  };
  const v = view.data;
  return (
    <section aria-labelledby={`${id}-title`} className="resolution">
      <h2 id={`${id}-title`}>{t('discussion.resolution')}</h2>
      {view.error !== null && <ErrorMessage error={view.error} />}
      {v !== null && (
        <>
          <p className="muted">{v.targets}</p>
          {v.adopted && <p role="status" className="ok-text">{t('discussion.adopted')}</p>}
          <ul>{v.votes.map((x) => <li key={x.voteId}>{x.subject}: {x.agree}/{x.base} — {x.passed ? t('discussion.passed') : t('discussion.failed')}</li>)}</ul>
          {can(me, API.recordResolutionVote) && (
            <form className="form body-card" onSubmit={(e) => void submit(e)}>
              <label className="field" htmlFor={`${id}-p`}>{t('discussion.part')}</label>
              <select id={`${id}-p`} value={partRef} onChange={(e) => setPartRef(e.target.value)}>
                <option value="">{t('discussion.whole')}</option>
                {v.parts.filter((p) => p.ref !== '').map((p) => <option key={p.ref} value={p.ref}>{p.title}</option>)}
              </select>
              {(['agree', 'disagree', 'other'] as const).map((k) => (
                <span key={k}>
                  <label className="field" htmlFor={`${id}-${k}`}>{t(`discussion.${k}`)}</label>
                  <input id={`${id}-${k}`} inputMode="numeric" value={counts[k]} required={k === 'agree'}
                    onChange={(e) => setCounts({ ...counts, [k]: e.target.value.replace(/\D/gu, '') })} />
                </span>
              ))}
              {error !== null && <ErrorMessage error={error} />}
              <button type="submit" className="button primary">{t('discussion.vote')}</button>
            </form>
          )}
          <p>
            {t('discussion.printResolution')}:{' '}
            <a href={hrefOf(API.printResolution, { code, id: documentId }, { format: 'pdf' })}>{t('discussion.pdf')}</a>{' · '}
            <a href={hrefOf(API.printResolution, { code, id: documentId }, { format: 'docx' })}>{t('discussion.word')}</a>
          </p>
        </>
      )}
    </section>
  );
};
