/** Search by name (accent-insensitive) or code; Enter on a single match or a click checks the delegate in. */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareNames } from '../../rules/index.ts';
import type { DeskDelegate } from '../api/types.ts';
import { matchesQuery } from './search-key.ts';

const LIMIT = 12;

export const DelegateSearch = ({ delegates, onPick }: {
  readonly delegates: readonly DeskDelegate[];
  readonly onPick: (row: DeskDelegate) => void;
}) => {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const id = useId();
  const found = useMemo(
    () => delegates.filter((d) => matchesQuery(query, d.delegate.fullName, d.delegate.code))
      .sort((a, b) => compareNames({ name: a.delegate.fullName, birthDate: a.delegate.birthDate }, { name: b.delegate.fullName, birthDate: b.delegate.birthDate }))
      .slice(0, LIMIT),
    [delegates, query],
  );
  const pick = (row: DeskDelegate): void => {
    onPick(row);
    setQuery('');
  };
  return (
    <div className="delegate-search">
      <label className="field" htmlFor={id}>{t('checkin.searchLabel')}</label>
      <input id={id} type="search" value={query} autoComplete="off" placeholder={t('checkin.searchPlaceholder')}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          const first = found[0];
          if (e.key === 'Enter' && found.length === 1 && first !== undefined) pick(first);
        }} />
      {query.trim() !== '' && (
        <ul className="search-results" aria-label={t('checkin.results', { count: found.length })}>
          {found.length === 0 && <li className="muted">{t('checkin.noMatch')}</li>}
          {found.map((row) => (
            <li key={row.delegate.id}>
              <button type="button" className="search-result" onClick={() => pick(row)}>
                <span className="name">{row.delegate.fullName}</span>
                <span className="muted">{row.delegate.code}{row.organisationName !== null ? ` · ${row.organisationName}` : ''}</span>
                {row.checkedIn && <span className="badge ok">{t('checkin.present')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
