/** Sessions (preparatory / official) and their agenda items, in order. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { AgendaItem, ApiError, Session } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { TextAdder } from './TextAdder.tsx';

const ITEM_KINDS: ReadonlyArray<AgendaItem['kind']> = ['opening', 'report', 'discussion', 'speech', 'vote', 'election', 'closing', 'other'];

const ItemAdder = ({ onAdd }: { readonly onAdd: (title: string, kind: AgendaItem['kind']) => Promise<ApiResult<true>> }) => {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<AgendaItem['kind']>('other');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const r = await onAdd(title.trim(), kind);
    setError(r.ok ? null : r.error);
    if (r.ok) setTitle('');
  };
  return (
    <form className="form inline" onSubmit={(e) => void submit(e)}>
      <label className="field" htmlFor={`${id}-t`}>{t('console.setup.itemTitle')}</label>
      <input id={`${id}-t`} value={title} onChange={(e) => setTitle(e.target.value)} required />
      <label className="field" htmlFor={`${id}-k`}>{t('console.setup.itemKind')}</label>
      <select id={`${id}-k`} value={kind} onChange={(e) => setKind(e.target.value as AgendaItem['kind'])}>
        {ITEM_KINDS.map((k) => <option key={k} value={k}>{t(`console.setup.kinds.${k}`)}</option>)}
      </select>
      <button type="submit" className="button">{t('console.setup.add')}</button>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
};

export const AgendaSetup = ({ sessions, editable, onAddSession, onAddItem }: {
  readonly sessions: readonly Session[];
  readonly editable: boolean;
  readonly onAddSession: (kind: 'preparatory' | 'official', title: string) => Promise<ApiResult<true>>;
  readonly onAddItem: (sessionId: number, title: string, kind: AgendaItem['kind']) => Promise<ApiResult<true>>;
}) => {
  const { t } = useTranslation();
  return (
    <div>
      {sessions.map((s) => (
        <div key={s.id} className="session-setup">
          <h3>{s.title} <span className="badge">{t(`console.setup.sessionKinds.${s.kind}`)}</span></h3>
          <ol>{s.items.map((i) => <li key={i.id}>{i.title} <span className="muted">({t(`console.setup.kinds.${i.kind}`)})</span></li>)}</ol>
          {editable && <ItemAdder onAdd={(title, kind) => onAddItem(s.id, title, kind)} />}
        </div>
      ))}
      {editable && (
        <>
          <TextAdder label={t('console.setup.addPreparatory')} onAdd={(title) => onAddSession('preparatory', title)} />
          <TextAdder label={t('console.setup.addOfficial')} onAdd={(title) => onAddSession('official', title)} />
        </>
      )}
    </div>
  );
};
