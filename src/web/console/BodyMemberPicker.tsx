/** Members chosen by name or code from the congress's delegates; for a body the first chosen is its head. */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskDelegate } from '../api/types.ts';
import { matchesQuery } from '../checkin/search-key.ts';

export interface ChosenMember { readonly delegateId: number; readonly fullName: string }

export const BodyMemberPicker = ({ delegates, members, onChange, label, firstIsHead = true }: {
  readonly delegates: readonly DeskDelegate[];
  readonly members: readonly ChosenMember[];
  readonly onChange: (members: readonly ChosenMember[]) => void;
  /** The search field's label (a body's by default). */
  readonly label?: string;
  readonly firstIsHead?: boolean;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const found = useMemo(() => {
    const chosen = new Set(members.map((m) => m.delegateId));
    return delegates.filter((d) => !chosen.has(d.delegate.id) && matchesQuery(query, d.delegate.fullName, d.delegate.code)).slice(0, 8);
  }, [delegates, query, members]);
  return (
    <>
      <label className="field" htmlFor={`${id}-q`}>{label ?? t('console.bodies.addMember')}</label>
      <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      {query.trim() !== '' && (
        <ul className="search-results">
          {found.map((d) => (
            <li key={d.delegate.id}>
              <button type="button" className="search-result" onClick={() => { onChange([...members, { delegateId: d.delegate.id, fullName: d.delegate.fullName }]); setQuery(''); }}>
                <span className="name">{d.delegate.fullName}</span><span className="muted">{d.organisationName ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ol>
        {members.map((m, i) => (
          <li key={m.delegateId}>
            {m.fullName}{i === 0 && firstIsHead ? ` (${t('console.bodies.roles.head')})` : ''}
            <button type="button" className="button subtle small" onClick={() => onChange(members.filter((x) => x !== m))}>{t('console.bodies.remove')}</button>
          </li>
        ))}
      </ol>
    </>
  );
};
