/** Sessions (preparatory / official) and their agenda items, in order; items move up and down within a session. */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { AgendaItem, ApiError, Session } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { TextAdder } from './TextAdder.tsx';
import type { AgendaItemPatch, SessionPatch } from '../../api/index.ts';
import { DeleteButton, ItemEditForm, SessionEditForm, sessionWhen } from '../prepare/AgendaEdits.tsx';

const ITEM_KINDS: ReadonlyArray<AgendaItem['kind']> = ['opening', 'report', 'discussion', 'speech', 'vote', 'election', 'closing', 'other'];

const ItemAdder = ({ onAdd }: { readonly onAdd: (title: string, kind: AgendaItem['kind']) => Promise<ApiResult<unknown>> }) => {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<AgendaItem['kind']>('other');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
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

/** The session's item ids with `id` swapped with its neighbour before (-1) or after (+1); null at either end. */
export const movedOrder = (items: readonly Pick<AgendaItem, 'id'>[], id: number, delta: -1 | 1): number[] | null => {
  const ids = items.map((i) => i.id);
  const at = ids.indexOf(id);
  const other = at + delta;
  if (at < 0 || other < 0 || other >= ids.length) return null;
  [ids[at], ids[other]] = [ids[other]!, ids[at]!];
  return ids;
};

type Direction = 'up' | 'down';

/** One session's items with ↑/↓ buttons; after a move the focus follows the item (keyboard users keep their place). */
const ItemList = ({ session, editable, onReorder, edits }: {
  readonly session: Session;
  readonly editable: boolean;
  readonly onReorder: (itemIds: readonly number[]) => Promise<ApiResult<unknown>>;
  readonly edits?: AgendaEditHandlers | undefined;
}) => {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const busy = useRef(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The item to focus once the reloaded list (a new `items` array) arrives; applied once, then forgotten.
  const [focus, setFocus] = useState<{ readonly id: number; readonly dir: Direction; readonly before: Session['items'] } | null>(null);
  useEffect(() => {
    if (focus === null || session.items === focus.before) return;
    setFocus(null);
    const find = (dir: Direction) => list.current?.querySelector<HTMLButtonElement>(`button[data-move="${focus.id}:${dir}"]:not([disabled])`) ?? null;
    const target = find(focus.dir) ?? find(focus.dir === 'up' ? 'down' : 'up');
    if (target !== null && document.activeElement !== target) target.focus();
  }, [focus, session.items]);
  const move = async (id: number, dir: Direction): Promise<void> => {
    const order = movedOrder(session.items, id, dir === 'up' ? -1 : 1);
    if (order === null || busy.current) return;
    busy.current = true;
    try {
      const r = await onReorder(order);
      setError(r.ok ? null : r.error);
      if (r.ok) setFocus({ id, dir, before: session.items });
    } finally {
      busy.current = false;
    }
  };
  const last = session.items.length - 1;
  return (
    <>
      <ol ref={list}>{session.items.map((i, index) => (
        <li key={i.id} data-testid="agenda-item">
          {editing === i.id && edits !== undefined ? (
            <ItemEditForm item={i} onSave={(patch) => edits.onUpdateItem(i.id, patch)} onDone={() => setEditing(null)} />
          ) : <>{i.title} <span className="muted">({t(`console.setup.kinds.${i.kind}`)})</span></>}
          {editable && edits !== undefined && editing !== i.id && (
            <>
              {' '}
              <button type="button" className="button subtle small" aria-label={`${t('prepare.agenda.rename')} ${i.title}`}
                onClick={() => setEditing(i.id)}>{t('prepare.agenda.rename')}</button>
              <DeleteButton label={t('prepare.agenda.deleteItemLabel', { title: i.title })} text={t('prepare.agenda.deleteItem')}
                busyReason={i.status === 'pending' ? null : t('prepare.agenda.itemBusy')} onDelete={() => edits.onDeleteItem(i.id)} />
            </>
          )}
          {editable && (
            <>
              {' '}
              <button type="button" className="button subtle small" data-move={`${i.id}:up`} disabled={index === 0}
                aria-label={t('console.setup.itemUp', { title: i.title })} onClick={() => void move(i.id, 'up')}>↑</button>
              <button type="button" className="button subtle small" data-move={`${i.id}:down`} disabled={index === last}
                aria-label={t('console.setup.itemDown', { title: i.title })} onClick={() => void move(i.id, 'down')}>↓</button>
            </>
          )}
        </li>
      ))}</ol>
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
};

/** Editing and deleting in place (src/web/prepare/AgendaEdits.tsx); without them the agenda is only added to and reordered. */
export interface AgendaEditHandlers {
  readonly onUpdateSession: (id: number, patch: SessionPatch) => Promise<ApiResult<unknown>>;
  readonly onDeleteSession: (id: number) => Promise<ApiResult<unknown>>;
  readonly onUpdateItem: (id: number, patch: AgendaItemPatch) => Promise<ApiResult<unknown>>;
  readonly onDeleteItem: (id: number) => Promise<ApiResult<unknown>>;
}

const SessionHeading = ({ session, editable, edits }: { readonly session: Session; readonly editable: boolean; readonly edits?: AgendaEditHandlers | undefined }) => {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (editing && edits !== undefined) {
    return <SessionEditForm session={session} onSave={(patch) => edits.onUpdateSession(session.id, patch)} onDone={() => setEditing(false)} />;
  }
  const when = sessionWhen(session);
  return (
    <h3>
      {session.title} <span className="badge">{t(`console.setup.sessionKinds.${session.kind}`)}</span>
      <span className="muted small"> {when ?? t('prepare.agenda.noDate')}</span>
      {editable && edits !== undefined && (
        <>
          <button type="button" className="button subtle small" aria-label={`${t('prepare.agenda.rename')} ${session.title}`}
            onClick={() => setEditing(true)}>{t('prepare.agenda.rename')}</button>
          {session.items.length === 0 && (
            <DeleteButton label={`${t('prepare.agenda.deleteSession')} ${session.title}`} text={t('prepare.agenda.deleteSession')}
              busyReason={null} onDelete={() => edits.onDeleteSession(session.id)} />
          )}
        </>
      )}
    </h3>
  );
};

export const AgendaSetup = ({ sessions, editable, onAddSession, onAddItem, onReorder, edits }: {
  readonly sessions: readonly Session[];
  readonly editable: boolean;
  readonly onAddSession: (kind: 'preparatory' | 'official', title: string) => Promise<ApiResult<unknown>>;
  readonly onAddItem: (sessionId: number, title: string, kind: AgendaItem['kind']) => Promise<ApiResult<unknown>>;
  /** Puts the session's items in this order (all of them, each once). */
  readonly onReorder: (sessionId: number, itemIds: readonly number[]) => Promise<ApiResult<unknown>>;
  readonly edits?: AgendaEditHandlers;
}) => {
  const { t } = useTranslation();
  return (
    <div>
      {sessions.map((s) => (
        <div key={s.id} className="session-setup">
          <SessionHeading session={s} editable={editable} edits={edits} />
          <ItemList session={s} editable={editable} onReorder={(ids) => onReorder(s.id, ids)} edits={edits} />
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
