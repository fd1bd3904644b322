import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { hrefOf } from '../api/client.ts';
import type { DocumentItem } from '../api/types.ts';

const sizeText = (bytes: number): string => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

/** Documents the reader may see, each a link served by the congress server; the secretariat's actions beside each. */
export const DocumentList = ({ documents, congress, actions }: {
  readonly documents: readonly DocumentItem[];
  readonly congress: string;
  readonly actions?: (d: DocumentItem) => ReactNode;
}) => {
  const { t } = useTranslation();
  if (documents.length === 0) return <p className="muted">{t('documents.none')}</p>;
  return (
    <ul className="document-list">
      {documents.map((d) => (
        <li key={d.id}>
          <a href={hrefOf(API.getDocument, { code: congress, id: d.id })} target="_blank" rel="noopener">{d.title}</a>
          <span className="muted"> · {d.fileName} · {sizeText(d.size)}</span>
          {actions !== undefined && <> {actions(d)}</>}
        </li>
      ))}
    </ul>
  );
};
