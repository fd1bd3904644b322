/**
 * The current version as the server split it — headings and numbered paragraphs, a page at a time — so the
 * secretariat checks the split before delegates comment (a "Mật" document included: the office reads it).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { READ_PAGE_SIZE, readPageOf, type UnitsPage } from '../../api/index.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Pager } from './shared.tsx';

export const DocumentOutline = ({ documentId, versionId }: { readonly documentId: number; readonly versionId: number }) => {
  const { t } = useTranslation();
  const api = useApi();
  const code = useMe().congress;
  const [shown, setShown] = useState(false);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<UnitsPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!shown) return;
    let live = true;
    void api.listDiscussionUnits({ params: { code, id: documentId }, query: { offset, limit: READ_PAGE_SIZE } }).then((r) => {
      if (!live) return;
      setPage(r.ok ? r.value : null);
      setError(r.ok ? null : r.error);
    });
    return () => { live = false; };
  }, [api, code, documentId, versionId, offset, shown]);
  return (
    <details className="document-outline" onToggle={(e) => setShown(e.currentTarget.open)}>
      <summary>{t('discussion.outline')}</summary>
      {error !== null && <ErrorMessage error={error} />}
      {page !== null && (
        <>
          <p className="muted" role="status">{t('discussion.page', readPageOf(offset, page.total))}</p>
          <ol className="units">
            {page.units.map((u) => (
              <li key={u.id} className={`unit ${u.kind} level-${u.level}`} data-unit={u.number ?? ''}>
                {u.kind === 'heading' ? <strong>{u.text}</strong> : <><span className="badge">{t('discussion.paragraph', { number: u.number })}</span> {u.text}</>}
              </li>
            ))}
          </ol>
          <Pager offset={offset} total={page.total} onOffset={setOffset} />
        </>
      )}
    </details>
  );
};
