/**
 * A delegate's phone: the drafts they may read, one page of paragraphs at a time (never the whole document), and a
 * comment on a paragraph — agree, change with the proposed wording, addition, removal, other — which they change or
 * withdraw until the deadline. "Mật" documents never reach this page: the server does not send them to a delegate.
 */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDeadline } from '../../locale/vi.ts';
import { READ_PAGE_SIZE as PAGE, readPageOf, type CommentView, type UnitView } from '../../api/index.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { forgetPreload, preloadedPage } from '../app/preload.ts';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ConfirmButton, DisabledReason } from '../ui/ConfirmButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { DocumentPicker, KindSelect, Pager, takesWording, type OpinionKindName } from './shared.tsx';

type CommentFields = { kind: OpinionKindName; text: string; proposedText: string | null; quote: string | null };

/** A new comment on a paragraph, or (`editing`) the delegate's own comment changed before the deadline. */
const CommentForm = ({ unit, onSend, editing = null, onCancel }: {
  readonly unit: UnitView; readonly onSend: (b: CommentFields) => Promise<ApiError | null>; readonly editing?: CommentView | null; readonly onCancel?: () => void;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<OpinionKindName>(editing?.kind ?? 'change');
  const [text, setText] = useState(editing?.text ?? '');
  const [proposed, setProposed] = useState(editing?.proposedText ?? '');
  const [quote, setQuote] = useState(editing?.quote ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await onSend({ kind, text: text.trim(), proposedText: takesWording(kind) && proposed.trim() !== '' ? proposed.trim() : null, quote: quote.trim() === '' ? null : quote.trim() });
    setError(r);
    if (r === null && editing !== null) return;
    if (r === null) {
      setSent(true);
      setText('');
      setProposed('');
      setQuote('');
    }
  };
  return (
    <form className="form comment-form" onSubmit={(e) => void submit(e)} aria-label={editing === null ? t('discussion.comment') : t('discussion.editComment')}>
      <label className="field" htmlFor={`${id}-k`}>{t('discussion.kind')}</label>
      <KindSelect id={`${id}-k`} value={kind} onChange={setKind} />
      <label className="field" htmlFor={`${id}-t`}>{t('discussion.text')}</label>
      <textarea id={`${id}-t`} value={text} onChange={(e) => setText(e.target.value)} required maxLength={4000} rows={3} />
      {takesWording(kind) && (
        <>
          <label className="field" htmlFor={`${id}-p`}>{t('discussion.proposed')}</label>
          <textarea id={`${id}-p`} value={proposed} onChange={(e) => setProposed(e.target.value)} required={kind === 'change'} maxLength={4000} rows={3}
            placeholder={unit.text.slice(0, 200)} />
        </>
      )}
      <label className="field" htmlFor={`${id}-q`}>{t('discussion.quote')}</label>
      <input id={`${id}-q`} value={quote} onChange={(e) => setQuote(e.target.value)} maxLength={1000} />
      {error !== null && <ErrorMessage error={error} />}
      {sent && <p role="status" className="ok-text">{t('discussion.sent')}</p>}
      <button type="submit" className="button primary">{editing === null ? t('discussion.send') : t('discussion.saveComment')}</button>
      {onCancel !== undefined && <button type="button" className="button subtle" onClick={onCancel}>{t('discussion.cancelEdit')}</button>}
    </form>
  );
};

const ReadPage = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const documents = useLiveResource(code, () => api.listDiscussionDocuments({ params: { code } }), ['discussion']);
  // /read?doc=12 opens that document (a link the secretariat sends); otherwise the first one.
  const [docId, setDocId] = useState<number | null>(() => {
    const n = Number(new URLSearchParams(window.location.search).get('doc'));
    return Number.isInteger(n) && n > 0 ? n : null;
  });
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const chosen = docId ?? documents.data?.[0]?.id ?? null;
  const doc = documents.data?.find((d) => d.id === chosen) ?? null;
  // The first page of /read?doc=ID may be in the page itself (on 3G a request costs over half a second).
  const [embedded] = useState(() => (docId === null ? null : preloadedPage(code, docId)));
  useEffect(forgetPreload, []);
  const page = useLiveResource(code, () => (chosen === null ? Promise.resolve({ ok: true as const, value: null })
    : api.listDiscussionUnits({ params: { code, id: chosen }, query: { offset, limit: PAGE } })), ['discussion'], embedded);
  const mine = useLiveResource(code, () => (chosen === null ? Promise.resolve({ ok: true as const, value: [] as CommentView[] })
    : api.listDiscussionComments({ params: { code, id: chosen } })), ['discussion']);
  const { reload } = page;
  const reloadMine = mine.reload;
  // Another document or page: load again (the first load is the resources' own; a second one costs a phone on 3G).
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) { mounted.current = true; return; }
    reload();
    reloadMine();
  }, [chosen, offset, reload, reloadMine]);
  const p = page.data;
  const withdraw = async (c: CommentView) => {
    const r = await api.voidDiscussionComment({ params: { code, id: c.id }, body: { reason: 'Đại biểu rút góp ý' } });
    if (r.ok) { mine.reload(); page.reload(); }
    return r;
  };
  return (
    <div className="read-page">
      <h1>{t('discussion.documents')}</h1>
      {documents.error !== null && <ErrorMessage error={documents.error} />}
      {documents.data !== null && <DocumentPicker documents={documents.data} value={chosen} onChange={(id) => { setDocId(id); setOffset(0); setOpen(null); }} />}
      {doc !== null && <p className="muted">{doc.open ? t('discussion.open') : t('discussion.closed')}{doc.commentDeadline !== null && ` — ${t('discussion.deadlineAt', { at: formatDeadline(doc.commentDeadline) })}`}</p>}
      {page.error !== null && <ErrorMessage error={page.error} />}
      {p !== null && (
        <>
          <p className="muted" role="status">{t('discussion.page', readPageOf(offset, p.total))}</p>
          <ol className="units">
            {p.units.map((u) => (
              <li key={u.id} className={`unit ${u.kind} level-${u.level}`} data-unit={u.number ?? ''}>
                {u.kind === 'heading' ? <h2 className="unit-heading">{u.text}</h2> : (
                  <>
                    <p><span className="badge">{t('discussion.paragraph', { number: u.number })}</span> {u.text}</p>
                    {u.comments > 0 && <p className="muted">{t('discussion.yourComments', { count: u.comments })}</p>}
                    {doc?.open === true && (
                      <button type="button" className="button subtle small" aria-expanded={open === u.id} onClick={() => setOpen(open === u.id ? null : u.id)}>
                        {t('discussion.comment')}
                      </button>
                    )}
                    {open === u.id && (
                      <CommentForm unit={u} onSend={async (b) => {
                        const r = await api.postDiscussionComment({ params: { code, id: p.documentId }, body: { unitId: u.id, ...b } });
                        if (r.ok) { mine.reload(); page.reload(); }
                        return r.ok ? null : r.error;
                      }} />
                    )}
                    {(mine.data ?? []).filter((c) => c.unitId === u.id).map((c) => (editing === c.id ? (
                      <CommentForm key={c.id} unit={u} editing={c} onCancel={() => setEditing(null)} onSend={async (b) => {
                        const r = await api.updateDiscussionComment({ params: { code, id: c.id }, body: b });
                        if (r.ok) { setEditing(null); mine.reload(); }
                        return r.ok ? null : r.error;
                      }} />
                    ) : (
                      <div key={c.id} className={`my-comment ${c.voided ? 'voided' : ''}`} data-comment={c.id}>
                        <strong>{t(`discussion.opinionKinds.${c.kind}`)}:</strong> {c.text}
                        {c.proposedText !== null && <em> — “{c.proposedText}”</em>}
                        {c.updatedAt !== c.createdAt && !c.voided && <span className="muted"> ({t('discussion.edited')})</span>}
                        {c.voided ? <span className="badge">{t('discussion.withdrawn')}</span> : c.editable ? (
                          <>
                            <button type="button" className="button subtle small" onClick={() => setEditing(c.id)}>{t('discussion.editComment')}</button>
                            <ConfirmButton label={t('discussion.withdraw')} className="button subtle small" onConfirm={() => withdraw(c)}
                              confirm={{ message: t('discussion.withdrawConfirm'), yes: t('discussion.withdraw') }} />
                          </>
                        ) : <DisabledReason reason={t('discussion.closed')} />}
                      </div>
                    )))}
                  </>
                )}
              </li>
            ))}
          </ol>
          {(mine.data ?? []).some((c) => c.carried === 'removed' && !c.voided) && (
            <section className="removed-comments" aria-labelledby="removed-comments">
              <h2 id="removed-comments">{t('discussion.yourRemoved')}</h2>
              <ul>
                {(mine.data ?? []).filter((c) => c.carried === 'removed' && !c.voided).map((c) => (
                  <li key={c.id} data-comment={c.id}><span className="muted">{c.unitCite}:</span> <strong>{t(`discussion.opinionKinds.${c.kind}`)}:</strong> {c.text}</li>
                ))}
              </ul>
            </section>
          )}
          <Pager offset={offset} total={p.total} onOffset={setOffset} />
        </>
      )}
    </div>
  );
};

export default ReadPage;
