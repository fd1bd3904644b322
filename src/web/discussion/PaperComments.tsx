/**
 * The secretariat types in the paper comment forms delegates hand in (phiếu góp ý), keyboard first: the paragraph's
 * number, the delegate's number written on the form (empty when unsigned), the kind (Alt+1…5), the opinion and the
 * proposed wording — Enter records and the cursor returns to the paragraph number. The server keeps who typed each
 * form; one typed wrongly is voided with a reason.
 */
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView } from '../../api/index.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { kindShortcuts, UnitNumberField, useUnitByNumber } from './keyboard-entry.tsx';
import { KindSelect, takesWording, type OpinionKindName } from './shared.tsx';

export const PaperComments = ({ documentId }: { readonly documentId: number }) => {
  const { t } = useTranslation();
  const api = useApi();
  const code = useMe().congress;
  const id = useId();
  const delegates = useLiveResource(code, () => api.listDelegates({ params: { code } }), ['delegates']);
  const lookup = useUnitByNumber(code, documentId);
  const [author, setAuthor] = useState('');
  const [kind, setKind] = useState<OpinionKindName>('change');
  const [text, setText] = useState('');
  const [proposed, setProposed] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [entered, setEntered] = useState<readonly CommentView[]>([]);
  const numberRef = useRef<HTMLInputElement>(null);

  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const unit = lookup.unit;
    if (unit === null) return;
    const typed = author.trim();
    const delegateId = typed === '' ? null : delegates.data?.find((d) => d.code === typed)?.id;
    if (delegateId === undefined) {
      setError({ code: 'discussion.unknown-author', message_vi: t('discussion.paperUnknownAuthor', { code: typed, lng: 'vi' }), message_en: t('discussion.paperUnknownAuthor', { code: typed, lng: 'en' }) });
      return;
    }
    const r = await api.postDiscussionComment({ params: { code, id: documentId }, body: {
      unitId: unit.id, kind, text: text.trim(), proposedText: takesWording(kind) && proposed.trim() !== '' ? proposed.trim() : null, quote: null, delegateId,
    } });
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setEntered((list) => [r.value, ...list]);
      lookup.clear(); setAuthor(''); setText(''); setProposed('');
      numberRef.current?.focus();
    }
  };

  return (
    <section className="paper-comments" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('discussion.paper')}</h2>
      <form className="form body-card" onSubmit={(e) => void submit(e)} onKeyDown={kindShortcuts(setKind)} aria-label={t('discussion.paper')}>
        <UnitNumberField id={`${id}-n`} lookup={lookup} inputRef={numberRef} />
        <label className="field" htmlFor={`${id}-a`}>{t('discussion.paperAuthor')}</label>
        <input id={`${id}-a`} value={author} onChange={(e) => setAuthor(e.target.value)} list={`${id}-codes`} />
        <datalist id={`${id}-codes`}>{delegates.data?.map((d) => <option key={d.id} value={d.code}>{d.fullName}</option>)}</datalist>
        <label className="field" htmlFor={`${id}-k`}>{t('discussion.kind')} (Alt+1…5)</label>
        <KindSelect id={`${id}-k`} value={kind} onChange={setKind} />
        <label className="field" htmlFor={`${id}-t`}>{t('discussion.text')}</label>
        <textarea id={`${id}-t`} value={text} onChange={(e) => setText(e.target.value)} required maxLength={4000} rows={2} />
        {takesWording(kind) && (
          <>
            <label className="field" htmlFor={`${id}-p`}>{t('discussion.proposed')}</label>
            <textarea id={`${id}-p`} value={proposed} onChange={(e) => setProposed(e.target.value)} required={kind === 'change'} maxLength={4000} rows={2} />
          </>
        )}
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" className="button primary" disabled={lookup.unit === null}>{t('discussion.recordPaper')}</button>
      </form>
      {entered.length > 0 && (
        <>
          <h3>{t('discussion.paperEntered')}</h3>
          <ol className="opinions">
            {entered.map((c) => (
              <li key={c.id} data-testid="paper-comment">
                <strong>{c.unitCite}</strong> — {c.delegateName ?? t('discussion.unsigned')} — {t(`discussion.opinionKinds.${c.kind}`)}: {c.text}
                {c.proposedText !== null && <em> “{c.proposedText}”</em>}
                <ConfirmButton className="button subtle small" label={t('discussion.void')}
                  confirm={{ message: t('discussion.voidComment', { ref: c.unitCite }), yes: t('discussion.void'), reasonLabel: t('discussion.voidReason') }}
                  onConfirm={async (reason) => {
                    const r = await api.voidDiscussionComment({ params: { code, id: c.id }, body: { reason } });
                    if (r.ok) setEntered((list) => list.filter((x) => x.id !== c.id));
                    return r;
                  }} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
};
