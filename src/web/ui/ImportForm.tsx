import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { FileInput } from './FileInput.tsx';

/** The import's answer; a refused file carries every row at fault in `error.issues`. */
type ImportAnswer = ApiResult<{ readonly imported: number }>;

/** The import's upload: one part "file". */
export const fileForm = (file: File): FormData => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

/**
 * Upload a .xlsx or .csv list (delegates, organisations); nothing is imported unless the whole file is valid, and
 * every bad row is listed by row and column.
 */
export const ImportForm = ({ label, imported, onImport, onDone }: {
  /** What the file lists, as the label of the file field. */
  readonly label: string;
  /** The line shown once `n` rows are imported. */
  readonly imported: (n: number) => string;
  readonly onImport: (file: File) => Promise<ImportAnswer>;
  readonly onDone: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (file === null) return;
    setBusy(true);
    const r = await onImport(file);
    setBusy(false);
    setAnswer(r);
    if (r.ok) onDone();
  };
  return (
    <form className="form import-form" onSubmit={(e) => void submit(e)}>
      <label className="field" htmlFor={id}>{label}</label>
      <FileInput id={id} accept=".xlsx,.csv" onFiles={(files) => setFile(files[0] ?? null)} />
      <button type="submit" className="button" disabled={file === null || busy}>{t('console.delegates.import')}</button>
      {busy && <progress aria-label={t('console.delegates.importing')} />}
      {answer !== null && answer.ok && <p role="status" className="ok-text">{imported(answer.value.imported)}</p>}
      {answer !== null && !answer.ok && (
        <>
          <ErrorMessage error={answer.error} />
          {answer.error.issues !== undefined && answer.error.issues.length > 0 && (
            <table className="data-table issues">
              <thead><tr><th scope="col">{t('console.delegates.row')}</th><th scope="col">{t('console.delegates.column')}</th><th scope="col">{t('console.delegates.problem')}</th></tr></thead>
              <tbody>
                {answer.error.issues.map((issue, i) => (
                  <tr key={i}><td>{issue.row}</td><td>{issue.column ?? ''}</td><td>{i18n.language === 'en' ? issue.message_en : issue.message_vi}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </form>
  );
};
