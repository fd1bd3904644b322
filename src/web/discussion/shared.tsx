/** Pieces the discussion screens share: choosing a document, the opinion kinds, the comment form's fields. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OpinionKind, READ_PAGE_SIZE, type DiscussionDocumentView } from '../../api/index.ts';

export type OpinionKindName = (typeof OpinionKind.options)[number];
const KINDS: readonly OpinionKindName[] = OpinionKind.options;

export const isOpinionKind = (v: string): v is OpinionKindName => (KINDS as readonly string[]).includes(v);

export const DocumentPicker = ({ documents, value, onChange }: {
  readonly documents: readonly DiscussionDocumentView[];
  readonly value: number | null;
  readonly onChange: (id: number) => void;
}) => {
  const { t } = useTranslation();
  const id = useId();
  if (documents.length === 0) return <p className="muted">{t('discussion.none')}</p>;
  return (
    <div className="form">
      <label className="field" htmlFor={id}>{t('discussion.choose')}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        <option value="" disabled>—</option>
        {documents.map((d) => (
          <option key={d.id} value={d.id}>{d.title} ({t(`discussion.access.${d.access}`)})</option>
        ))}
      </select>
    </div>
  );
};

export const KindSelect = ({ id, value, onChange }: { readonly id: string; readonly value: OpinionKindName; readonly onChange: (k: OpinionKindName) => void }) => {
  const { t } = useTranslation();
  return (
    <select id={id} value={value} onChange={(e) => { if (isOpinionKind(e.target.value)) onChange(e.target.value); }}>
      {KINDS.map((k, i) => <option key={k} value={k}>{i + 1}. {t(`discussion.opinionKinds.${k}`)}</option>)}
    </select>
  );
};

/** Whether a kind of opinion carries proposed wording. */
export const takesWording = (k: OpinionKindName): boolean => k === 'change' || k === 'addition';

/** Previous / next page of a document's units (READ_PAGE_SIZE at a time), disabled at either end. */
export const Pager = ({ offset, total, onOffset }: { readonly offset: number; readonly total: number; readonly onOffset: (offset: number) => void }) => {
  const { t } = useTranslation();
  return (
    <div className="pager row-actions">
      <button type="button" className="button subtle" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - READ_PAGE_SIZE))}>{t('discussion.previous')}</button>
      <button type="button" className="button subtle" disabled={offset + READ_PAGE_SIZE >= total} onClick={() => onOffset(offset + READ_PAGE_SIZE)}>{t('discussion.next')}</button>
    </div>
  );
};
