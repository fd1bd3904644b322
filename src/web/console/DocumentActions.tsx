/**
 * What the secretariat does to a document already uploaded: change who may see it (a draft shown to delegates by
 * mistake is withdrawn from them at once), or remove it after confirming. Both are in the audit log.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, DocumentItem } from '../api/types.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { VisibilitySelect, type Visibility } from './VisibilitySelect.tsx';

export const DocumentActions = ({ document, onVisibility, onRemove }: {
  readonly document: DocumentItem;
  readonly onVisibility: (visibility: Visibility) => Promise<ApiResult<unknown>>;
  readonly onRemove: () => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <span className="document-actions">
      <label className="visually-hidden" htmlFor={`${id}-v`}>{t('console.documents.visibilityOf', { title: document.title })}</label>
      <VisibilitySelect id={`${id}-v`} value={document.visibility}
        onChange={(v) => void onVisibility(v).then((r) => setError(r.ok ? null : r.error))} />{' '}
      <ConfirmButton label={t('console.documents.remove')}
        confirm={{ message: t('console.documents.removeWhat', { title: document.title, file: document.fileName }), yes: t('console.documents.removeYes') }}
        onConfirm={() => onRemove()} />
      {error !== null && <ErrorMessage error={error} />}
    </span>
  );
};
