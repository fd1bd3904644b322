/** Sessions (preparatory / official) and their agenda items, in order; items move up and down within a session. */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { AgendaItem, ApiError, Session } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { TextAdder } from './TextAdder.tsx';

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
const ItemList = ({ session, editable, onReorder }: {
  readonly session: Session;
  readonly editable: boolean;
  readonly onReorder: (itemIds: readonly number[]) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
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
          {i.title} <span className="muted">({t(`console.setup.kinds.${i.kind}`)})</span>
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

export const AgendaSetup = ({ sessions, editable, onAddSession, onAddItem, onReorder }: {
  readonly sessions: readonly Session[];
  readonly editable: boolean;
  readonly onAddSession: (kind: 'preparatory' | 'official', title: string) => Promise<ApiResult<unknown>>;
  readonly onAddItem: (sessionId: number, title: string, kind: AgendaItem['kind']) => Promise<ApiResult<unknown>>;
  /** Puts the session's items in this order (all of them, each once). */
  readonly onReorder: (sessionId: number, itemIds: readonly number[]) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  return (
    <div>
      {sessions.map((s) => (
        <div key={s.id} className="session-setup">
          <h3>{s.title} <span className="badge">{t(`console.setup.sessionKinds.${s.kind}`)}</span></h3>
          <ItemList session={s} editable={editable} onReorder={(ids) => onReorder(s.id, ids)} />
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
