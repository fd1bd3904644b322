/** The congress documents, and uploading one with who may see it. */
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API, DOCUMENT_TYPES } from '../../api/index.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { thenReload } from '../app/then-reload.ts';
import { DocumentList } from '../ui/DocumentList.tsx';
import { DocumentActions } from './DocumentActions.tsx';
import { VisibilitySelect, type Visibility } from './VisibilitySelect.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { FileInput } from '../ui/FileInput.tsx';
import { CongressPrintLinks } from './PrintLinks.tsx';

const ACCEPT = Object.keys(DOCUMENT_TYPES).map((extension) => `.${extension}`).join(',');

/** The upload: its title, who may see it, and the file. */
const documentForm = (title: string, visibility: Visibility, file: File): FormData => {
  const form = new FormData();
  form.append('title', title);
  form.append('visibility', visibility);
  form.append('file', file);
  return form;
};

export const DocumentsSection = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const { congress } = me;
  const params = { code: congress };
  const id = useId();
  const documents = useLiveResource(congress, () => api.listDocuments({ params }), ['documents']);
  const congressView = useLiveResource(congress, () => api.getCongress({ params }), ['congress']);
  const [title, setTitle] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('delegates');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (file === null) return;
    const r = await api.uploadDocument({ params, form: documentForm(title.trim(), visibility, file) });
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setTitle('');
      documents.reload();
    }
  };
  return (
    <div>
      {documents.error !== null && <ErrorMessage error={documents.error} />}
      {documents.data !== null && (
        <DocumentList documents={documents.data} congress={congress} actions={can(me, API.updateDocument) ? (d) => (
          <DocumentActions document={d}
            onVisibility={(v) => thenReload(api.updateDocument({ params: { code: congress, id: d.id }, body: { visibility: v } }), documents.reload)}
            onRemove={() => thenReload(api.deleteDocument({ params: { code: congress, id: d.id } }), documents.reload)} />
        ) : undefined} />
      )}
      <CongressPrintLinks congress={congress} members={congressView.data?.kind === 'members'} />
      {can(me, API.uploadDocument) && (
        <form className="form body-card" onSubmit={(e) => void submit(e)}>
          <h2>{t('console.documents.upload')}</h2>
          <label className="field" htmlFor={`${id}-t`}>{t('console.documents.docTitle')}</label>
          <input id={`${id}-t`} value={title} onChange={(e) => setTitle(e.target.value)} required />
          <label className="field" htmlFor={`${id}-v`}>{t('console.documents.visibility')}</label>
          <VisibilitySelect id={`${id}-v`} value={visibility} onChange={setVisibility} />
          <label className="field" htmlFor={`${id}-f`}>{t('console.documents.file')}</label>
          <FileInput id={`${id}-f`} accept={ACCEPT} onFiles={(files) => setFile(files[0] ?? null)} required />
          {error !== null && <ErrorMessage error={error} />}
          <button type="submit" className="button primary" disabled={file === null}>{t('console.documents.send')}</button>
        </form>
      )}
    </div>
  );
};
