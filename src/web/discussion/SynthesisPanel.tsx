/** The secretariat's synthesis of one document: opinions grouped per paragraph with their support, and the answer. */
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API, SynthesisStatus, type SynthesisUnitView } from '../../api/index.ts';
import { hrefOf } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

type Status = (typeof SynthesisStatus.options)[number];

const AnswerForm = ({ unit, onSaved }: { readonly unit: SynthesisUnitView; readonly onSaved: () => void }) => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const id = useId();
  const [status, setStatus] = useState<Status>(unit.status);
  const [newText, setNewText] = useState(unit.newText ?? unit.clusters[0]?.opinions.find((o) => o.proposedText !== null)?.proposedText ?? '');
  const [explanation, setExplanation] = useState(unit.explanation ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const save = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await api.setDiscussionSynthesis({ params: { code: me.congress, id: unit.unitId }, body: {
      status, newText: status === 'accepted' ? newText.trim() || null : null, explanation: status === 'pending' || status === 'accepted' ? (explanation.trim() || null) : explanation.trim() || null,
    } });
    setError(r.ok ? null : r.error);
    if (r.ok) onSaved();
  };
  if (!can(me, API.setDiscussionSynthesis)) return <p><span className="badge">{t(`discussion.statuses.${unit.status}`)}</span></p>;
  return (
    <form className="form answer-form" onSubmit={(e) => void save(e)}>
      <label className="field" htmlFor={`${id}-s`}>{t('discussion.statuses.pending')} / {t('discussion.statuses.accepted')} …</label>
      <select id={`${id}-s`} value={status} onChange={(e) => { const s = SynthesisStatus.safeParse(e.target.value); if (s.success) setStatus(s.data); }}>
        {SynthesisStatus.options.map((s) => <option key={s} value={s}>{t(`discussion.statuses.${s}`)}</option>)}
      </select>
      {status === 'accepted' && (
        <>
          <label className="field" htmlFor={`${id}-n`}>{t('discussion.newText')}</label>
          <textarea id={`${id}-n`} value={newText} onChange={(e) => setNewText(e.target.value)} rows={3} required />
        </>
      )}
      {(status === 'explained' || status === 'not-accepted') && (
        <>
          <label className="field" htmlFor={`${id}-e`}>{t('discussion.explanation')}</label>
          <textarea id={`${id}-e`} value={explanation} onChange={(e) => setExplanation(e.target.value)} rows={3} required />
        </>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="button primary small">{t('discussion.save')}</button>
    </form>
  );
};

export const SynthesisPanel = ({ documentId }: { readonly documentId: number }) => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const synthesis = useLiveResource(code, () => api.getDiscussionSynthesis({ params: { code, id: documentId } }), ['discussion']);
  const s = synthesis.data;
  return (
    <section aria-labelledby="synthesis-title" className="synthesis">
      <h2 id="synthesis-title">{t('discussion.synthesis')}</h2>
      <p>
        {t('discussion.report')}:{' '}
        <a href={hrefOf(API.printDiscussionReport, { code, id: documentId }, { format: 'pdf' })}>{t('discussion.pdf')}</a>{' · '}
        <a href={hrefOf(API.printDiscussionReport, { code, id: documentId }, { format: 'docx' })}>{t('discussion.word')}</a>
      </p>
      {synthesis.error !== null && <ErrorMessage error={synthesis.error} />}
      {s !== null && (
        <>
          <p role="status">{t('discussion.totals', { ...s.totals })}</p>
          {s.units.map((u) => (
            <article key={`${u.unitId}-${u.status}`} className="synthesis-unit body-card" data-unit={u.number ?? ''}>
              <h3>{u.number === null ? u.ref : t('discussion.paragraph', { number: u.number })} <span className="muted">{u.ref}</span></h3>
              <blockquote>{u.text}</blockquote>
              <ul className="clusters">
                {u.clusters.map((c) => (
                  <li key={c.opinions[0]!.key} className="cluster">
                    <strong>{c.supportText}</strong> ({t(`discussion.opinionKinds.${c.kind}`)}): {c.representative}
                    {c.opinions.some((o) => o.carried !== null) && (
                      <span className="badge carried">
                        {c.opinions.some((o) => o.carried === 'similar') ? t('discussion.carriedSimilar') : t('discussion.carriedSame')}
                      </span>
                    )}
                    {c.opinions.length > 1 && (
                      <ul className="cluster-members">
                        {c.opinions.map((o) => <li key={o.key}>{o.author}: {o.text}{o.proposedText !== null && <em> “{o.proposedText}”</em>}</li>)}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
              <AnswerForm unit={u} onSaved={synthesis.reload} />
            </article>
          ))}
          {s.removed.length > 0 && (
            <article className="synthesis-removed body-card" aria-labelledby="synthesis-removed">
              <h3 id="synthesis-removed">{t('discussion.removedTitle', { count: s.removed.length })}</h3>
              <ul>
                {s.removed.map((o) => (
                  <li key={o.key} data-comment={o.key}>
                    <span className="muted">{t('discussion.removedFrom', { number: o.versionNumber, ref: o.ref })}</span>{' '}
                    <q>{o.unitText}</q> — {o.author} ({t(`discussion.opinionKinds.${o.kind}`)}): {o.text}
                    {o.proposedText !== null && <em> “{o.proposedText}”</em>}
                  </li>
                ))}
              </ul>
            </article>
          )}
        </>
      )}
    </section>
  );
};
