/**
 * What the secretariat does to a document already uploaded: change who may see it (a draft shown to delegates by
 * mistake is withdrawn from them at once), or remove it after confirming. Both are in the audit log.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Visibility as VisibilitySchema } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, DocumentItem } from '../api/types.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

type Visibility = (typeof VisibilitySchema.options)[number];

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
      <select id={`${id}-v`} value={document.visibility} onChange={(e) => {
        const chosen = VisibilitySchema.safeParse(e.target.value);
        if (chosen.success) void onVisibility(chosen.data).then((r) => setError(r.ok ? null : r.error));
      }}>
        {VisibilitySchema.options.map((v) => <option key={v} value={v}>{t(`console.documents.visibilities.${v}`)}</option>)}
      </select>{' '}
      <ConfirmButton label={t('console.documents.remove')}
        confirm={{ message: t('console.documents.removeWhat', { title: document.title, file: document.fileName }), yes: t('console.documents.removeYes') }}
        onConfirm={() => onRemove()} />
      {error !== null && <ErrorMessage error={error} />}
    </span>
  );
};
