/** A new body: its kind, title and members (the first chosen is the head), found by name. */
import { useId, useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BodyKind, type Api, type BodyInputOf } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, DeskDelegate } from '../api/types.ts';
import { matchesQuery } from '../checkin/search-key.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

type NewBody = BodyInputOf<Api['createBody']>;

const KINDS = BodyKind.options;

export const NewBodyForm = ({ delegates, onCreate }: {
  readonly delegates: readonly DeskDelegate[];
  readonly onCreate: (body: NewBody) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<NewBody['kind']>('counting-board');
  const [title, setTitle] = useState('');
  const [query, setQuery] = useState('');
  const [members, setMembers] = useState<DeskDelegate[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const chosen = new Set(members.map((m) => m.delegate.id));
  const found = useMemo(() => delegates.filter((d) => !chosen.has(d.delegate.id) && matchesQuery(query, d.delegate.fullName, d.delegate.code)).slice(0, 8),
    [delegates, query, chosen]);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await onCreate({
      kind, title: title.trim() === '' ? t(`console.bodies.kinds.${kind}`) : title.trim(),
      members: members.map((m, i) => ({ delegateId: m.delegate.id, role: i === 0 ? 'head' : 'member' })),
    });
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setMembers([]);
      setTitle('');
    }
  };
  return (
    <form className="form body-card" onSubmit={(e) => void submit(e)}>
      <h2>{t('console.bodies.new')}</h2>
      <label className="field" htmlFor={`${id}-kind`}>{t('console.bodies.kind')}</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as NewBody['kind'])}>
        {KINDS.map((k) => <option key={k} value={k}>{t(`console.bodies.kinds.${k}`)}</option>)}
      </select>
      <label className="field" htmlFor={`${id}-title`}>{t('console.bodies.bodyTitle')}</label>
      <input id={`${id}-title`} value={title} placeholder={t(`console.bodies.kinds.${kind}`)} onChange={(e) => setTitle(e.target.value)} />
      <label className="field" htmlFor={`${id}-q`}>{t('console.bodies.addMember')}</label>
      <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      {query.trim() !== '' && (
        <ul className="search-results">
          {found.map((d) => (
            <li key={d.delegate.id}>
              <button type="button" className="search-result" onClick={() => { setMembers([...members, d]); setQuery(''); }}>
                <span className="name">{d.delegate.fullName}</span><span className="muted">{d.organisationName ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ol>
        {members.map((m, i) => (
          <li key={m.delegate.id}>
            {m.delegate.fullName}{i === 0 ? ` (${t('console.bodies.roles.head')})` : ''}
            <button type="button" className="button subtle small" onClick={() => setMembers(members.filter((x) => x !== m))}>{t('console.bodies.remove')}</button>
          </li>
        ))}
      </ol>
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="button primary" disabled={members.length === 0}>{t('console.bodies.create')}</button>
    </form>
  );
};
