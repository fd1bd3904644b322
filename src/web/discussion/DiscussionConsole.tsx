/**
 * The secretariat's discussion screen: the drafts (written or uploaded as Word, with their access level, the
 * deadline for comments and their versions compared), the discussion groups, the synthesis with its report, and
 * the resolution's adoption.
 */
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API, DiscussionAccess, DiscussionKind, type DiffView, type DiscussionDocumentView } from '../../api/index.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { formatDeadline, fromLocalInput, toLocalInput } from '../../locale/vi.ts';
import { DisabledReason } from '../ui/ConfirmButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { DocumentOutline } from './DocumentOutline.tsx';
import { GroupsSection } from './GroupsSection.tsx';
import { PaperComments } from './PaperComments.tsx';
import { ResolutionPanel } from './ResolutionPanel.tsx';
import { DocumentPicker } from './shared.tsx';
import { SynthesisPanel } from './SynthesisPanel.tsx';
import { FileInput } from '../ui/FileInput.tsx';

type Access = (typeof DiscussionAccess.options)[number];
type Kind = (typeof DiscussionKind.options)[number];

const NewDocumentForm = ({ onCreated }: { readonly onCreated: (id: number) => void }) => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const id = useId();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<Kind>('political-report');
  const [access, setAccess] = useState<Access>('delegates');
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await api.createDiscussionDocument({ params: { code: me.congress }, body: { title: title.trim(), kind, access, text: text.trim() === '' ? null : text } });
    setError(r.ok ? null : r.error);
    if (r.ok) { setTitle(''); setText(''); onCreated(r.value.id); }
  };
  const why = title.trim() === '' ? t('discussion.needTitle') : null;
  return (
    <form className="form body-card" onSubmit={(e) => void submit(e)}>
      <h2>{t('discussion.newDocument')}</h2>
      <label className="field" htmlFor={`${id}-t`}>{t('discussion.title')}</label>
      <input id={`${id}-t`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
      <label className="field" htmlFor={`${id}-k`}>{t('discussion.documentKind')}</label>
      <select id={`${id}-k`} value={kind} onChange={(e) => { const k = DiscussionKind.safeParse(e.target.value); if (k.success) setKind(k.data); }}>
        {DiscussionKind.options.map((k) => <option key={k} value={k}>{t(`discussion.kinds.${k}`)}</option>)}
      </select>
      <AccessSelect id={`${id}-a`} value={access} onChange={setAccess} />
      <label className="field" htmlFor={`${id}-x`}>{t('discussion.draftText')}</label>
      <textarea id={`${id}-x`} value={text} onChange={(e) => setText(e.target.value)} rows={8} />
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="button primary" disabled={why !== null}>{t('discussion.create')}</button>
      <DisabledReason reason={why} />
    </form>
  );
};

const AccessSelect = ({ id, value, onChange }: { readonly id: string; readonly value: Access; readonly onChange: (a: Access) => void }) => {
  const { t } = useTranslation();
  return (
    <>
      <label className="field" htmlFor={id}>{t('console.documents.visibility')}</label>
      <select id={id} value={value} onChange={(e) => { const a = DiscussionAccess.safeParse(e.target.value); if (a.success) onChange(a.data); }}>
        {DiscussionAccess.options.map((a) => <option key={a} value={a}>{t(`discussion.access.${a}`)}</option>)}
      </select>
    </>
  );
};

const Diff = ({ diff }: { readonly diff: DiffView }) => (
  <div className="diff">
    <p role="status">{diff.summary.text_vi}</p>
    {diff.changes.map((c, k) => (
      <p key={k} className={`diff-${c.kind}`}>
        <span className="badge">{(c.after ?? c.before)?.ref}</span>{' '}
        {c.words !== null ? c.words.map((w, j) => (w.op === 'added' ? <ins key={j}>{w.text}</ins> : w.op === 'removed' ? <del key={j}>{w.text}</del> : <span key={j}>{w.text}</span>))
          : c.kind === 'added' ? <ins>{c.after?.text}</ins> : <del>{c.before?.text}</del>}
      </p>
    ))}
  </div>
);

const DocumentSettings = ({ doc, onChanged }: { readonly doc: DiscussionDocumentView; readonly onChanged: () => void }) => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const id = useId();
  const params = { code: me.congress, id: doc.id };
  const [error, setError] = useState<ApiError | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [text, setText] = useState('');
  const [deadline, setDeadline] = useState(doc.commentDeadline === null ? '' : toLocalInput(doc.commentDeadline));
  const [saved, setSaved] = useState<string | null>(null);
  const [diff, setDiff] = useState<DiffView | null>(null);
  const done = (r: { ok: boolean; error?: ApiError }, note: string | null = null): void => {
    setError(r.ok ? null : r.error ?? null);
    setSaved(r.ok ? note : null);
    if (r.ok) onChanged();
  };
  const changeAccess = (access: Access): void => {
    if (!window.confirm(t('discussion.confirmAccess', { title: doc.title, access: t(`discussion.access.${access}`) }))) return;
    void api.updateDiscussionDocument({ params, body: { access } }).then((r) => done(r, t('discussion.accessSaved')));
  };
  const saveDeadline = (e: SubmitEvent): void => {
    e.preventDefault();
    const at = deadline === '' ? null : fromLocalInput(deadline);
    if (deadline !== '' && at === null) return;
    if (at === null && !window.confirm(t('discussion.confirmNoDeadline'))) return;
    if (at !== null && Date.parse(at) <= Date.now() && !window.confirm(t('discussion.confirmPastDeadline', { at: formatDeadline(at) }))) return;
    void api.updateDiscussionDocument({ params, body: { commentDeadline: at } }).then((r) => done(r, t('discussion.deadlineSaved')));
  };
  const upload = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (file === null) return;
    const form = new FormData();
    if (note.trim() !== '') form.append('note', note.trim());
    form.append('file', file);
    done(await api.uploadDiscussionDocx({ params, form }));
  };
  const addText = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    done(await api.addDiscussionTextVersion({ params, body: { text, note: note.trim() === '' ? null : note.trim() } }));
  };
  const compare = async (n: number): Promise<void> => {
    const r = await api.diffDiscussionVersions({ params, query: { from: n - 1, to: n } });
    setDiff(r.ok ? r.value : null);
    setError(r.ok ? null : r.error);
  };
  if (!can(me, API.updateDiscussionDocument)) return null;
  return (
    <div className="body-card">
      <h2>{doc.title}</h2>
      {doc.currentVersionId === null ? <p className="muted" role="status">{t('discussion.noVersionYet')}</p>
        : <DocumentOutline documentId={doc.id} versionId={doc.currentVersionId} />}
      {doc.access === 'secret' && <p className="muted">{t('discussion.secretNotOnPhones')}</p>}
      <AccessSelect id={`${id}-a`} value={doc.access} onChange={changeAccess} />
      <form className="form" onSubmit={saveDeadline}>
        <label className="field" htmlFor={`${id}-d`}>{t('discussion.deadline')}</label>
        <input id={`${id}-d`} type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        <button type="submit" className="button subtle small">{t('discussion.save')}</button>
        <span className="muted" role="status">
          {doc.open ? t('discussion.open') : t('discussion.closed')}
          {' — '}{doc.commentDeadline === null ? t('discussion.noDeadline') : t('discussion.deadlineAt', { at: formatDeadline(doc.commentDeadline) })}
        </span>
      </form>
      {saved !== null && <p role="status" className="ok-text">{saved}</p>}
      <h3>{t('discussion.versions')}</h3>
      <ul>
        {doc.versions.map((v) => (
          <li key={v.id}>
            {t('discussion.version', { number: v.number, units: v.units })}{v.fileName !== null && ` (${v.fileName})`}{v.note !== null && ` — ${v.note}`}
            {v.number > 1 && <button type="button" className="button subtle small" onClick={() => void compare(v.number)}>{t('discussion.compare')}</button>}
          </li>
        ))}
      </ul>
      {diff !== null && <Diff diff={diff} />}
      <label className="field" htmlFor={`${id}-n`}>{t('discussion.note')}</label>
      <input id={`${id}-n`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} />
      <form className="form" onSubmit={(e) => void upload(e)}>
        <label className="field" htmlFor={`${id}-f`}>{t('discussion.uploadDocx')}</label>
        <FileInput id={`${id}-f`} accept=".docx" onFiles={(files) => setFile(files[0] ?? null)} />
        <button type="submit" className="button primary" disabled={file === null}>{t('discussion.upload')}</button>
      </form>
      <form className="form" onSubmit={(e) => void addText(e)}>
        <label className="field" htmlFor={`${id}-x`}>{t('discussion.newTextVersion')}</label>
        <textarea id={`${id}-x`} value={text} onChange={(e) => setText(e.target.value)} rows={6} required />
        <button type="submit" className="button primary">{t('discussion.upload')}</button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
};

const DiscussionConsole = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const documents = useLiveResource(code, () => api.listDiscussionDocuments({ params: { code } }), ['discussion']);
  const [chosen, setChosen] = useState<number | null>(null);
  const docId = chosen ?? documents.data?.[0]?.id ?? null;
  const doc = documents.data?.find((d) => d.id === docId) ?? null;
  return (
    <div className="discussion-console">
      <h1>{t('discussion.documents')}</h1>
      {documents.error !== null && <ErrorMessage error={documents.error} />}
      {documents.data !== null && <DocumentPicker documents={documents.data} value={docId} onChange={setChosen} />}
      {doc !== null && <DocumentSettings key={doc.id} doc={doc} onChanged={documents.reload} />}
      {doc !== null && doc.currentVersionId !== null && <SynthesisPanel documentId={doc.id} />}
      {doc !== null && doc.currentVersionId !== null && <PaperComments documentId={doc.id} />}
      {doc !== null && doc.kind === 'draft-resolution' && doc.currentVersionId !== null && <ResolutionPanel documentId={doc.id} />}
      <GroupsSection />
      {can(me, API.createDiscussionDocument) && <NewDocumentForm onCreated={(id) => { setChosen(id); documents.reload(); }} />}
    </div>
  );
};

export default DiscussionConsole;
