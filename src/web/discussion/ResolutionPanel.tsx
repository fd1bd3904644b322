/**
 * The resolution: its parts, the new term's targets it adopts, the show-of-hands votes on the whole and on parts
 * (the one show-of-hands form, with the decision against N_base before recording), and the print.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { resolutionTargetsHeading } from '../../discussion/resolution-targets.ts';
import { hrefOf } from '../api/client.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { CountsForm } from '../ui/CountsForm.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { ResolutionTargetsEditor } from './ResolutionTargetsEditor.tsx';

export const ResolutionPanel = ({ documentId }: { readonly documentId: number }) => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const id = useId();
  const params = { code, id: documentId };
  const view = useLiveResource(code, () => api.getResolution({ params }), ['discussion', 'votes']);
  const attendance = useLiveResource(code, () => api.attendance({ params: { code } }), ['attendance']);
  const [partRef, setPartRef] = useState('');
  const v = view.data;
  return (
    <section aria-labelledby={`${id}-title`} className="resolution">
      <h2 id={`${id}-title`}>{t('discussion.resolution')}</h2>
      {view.error !== null && <ErrorMessage error={view.error} />}
      {v !== null && (
        <>
          {v.adopted && <p role="status" className="ok-text">{t('discussion.adopted')}</p>}
          <h3>{resolutionTargetsHeading(v.term)}</h3>
          <ResolutionTargetsEditor targets={v.targets} editable={can(me, API.saveResolutionTargets)}
            lockedReason={v.adopted ? t('discussion.targetsLocked') : null}
            onSave={async (targets) => {
              const r = await api.saveResolutionTargets({ params, body: { targets: [...targets] } });
              if (r.ok) view.reload();
              return r;
            }} />
          <ul>{v.votes.map((x) => <li key={x.voteId}>{x.subject}: {x.agree}/{x.base} — {x.passed ? t('discussion.passed') : t('discussion.failed')}</li>)}</ul>
          {can(me, API.recordResolutionVote) && (
            <CountsForm attendance={attendance.data} submitLabel={t('discussion.vote')}
              onSubmit={async (counts) => {
                const r = await api.recordResolutionVote({ params, body: { partRef, ...counts } });
                if (r.ok) view.reload();
                return r;
              }}>
              <label className="field" htmlFor={`${id}-p`}>{t('discussion.part')}</label>
              <select id={`${id}-p`} value={partRef} onChange={(e) => setPartRef(e.target.value)}>
                <option value="">{t('discussion.whole')}</option>
                {v.parts.filter((p) => p.ref !== '').map((p) => <option key={p.ref} value={p.ref}>{p.title}</option>)}
              </select>
            </CountsForm>
          )}
          <p>
            {t('discussion.printResolution')}:{' '}
            <a href={hrefOf(API.printResolution, params, { format: 'pdf' })}>{t('discussion.pdf')}</a>{' · '}
            <a href={hrefOf(API.printResolution, params, { format: 'docx' })}>{t('discussion.word')}</a>
          </p>
        </>
      )}
    </section>
  );
};
