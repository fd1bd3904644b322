/** A delegate nominated or self-nominated from the floor, found by name (accent-insensitive). */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CANDIDATE_SOURCES } from '../../api/index.ts';

type CandidateSource = (typeof CANDIDATE_SOURCES)[number];
import type { ApiError } from '../api/types.ts';
import { matchesQuery } from '../checkin/search-key.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import type { ElectionContext } from './election-context.ts';

export const NominateForm = ({ ctx }: { readonly ctx: ElectionContext }) => {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [source, setSource] = useState<CandidateSource>('committee-list');
  const [error, setError] = useState<ApiError | null>(null);
  const onList = new Set(ctx.round.candidates.map((c) => c.delegateId));
  const found = useMemo(() => ctx.delegates.filter((d) => !onList.has(d.delegate.id) && matchesQuery(query, d.delegate.fullName, d.delegate.code)).slice(0, 8),
    [ctx.delegates, query, onList]);
  return (
    <div className="nominate">
      <h3>{t('console.elections.nominate')}</h3>
      <div className="row">
        <label className="field" htmlFor={`${id}-q`}>{t('console.delegates.search')}</label>
        <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="field" htmlFor={`${id}-s`}>{t('console.elections.sourceLabel')}</label>
        {/* The convening committee's list is entered before the congress; nominations at the congress go to the opinion poll. */}
        <select id={`${id}-s`} value={source} onChange={(e) => setSource(e.target.value as CandidateSource)}>
          {CANDIDATE_SOURCES.map((s) => <option key={s} value={s}>{t(`console.elections.source.${s}`)}</option>)}
        </select>
      </div>
      {query.trim() !== '' && (
        <ul className="search-results">
          {found.map((d) => (
            <li key={d.delegate.id}>
              <ConfirmButton className="search-result" label={<><span className="name">{d.delegate.fullName}</span><span className="muted">{d.organisationName ?? ''}</span></>}
                confirm={{ message: t('floor.confirm.nominate', { name: d.delegate.fullName, source: t(`console.elections.source.${source}`) }), yes: t('floor.confirm.nominateYes') }}
                onConfirm={async () => {
                  const r = await ctx.api.addCandidate({ params: ctx.ref, body: { delegateId: d.delegate.id, source } });
                  setError(r.ok ? null : r.error);
                  if (r.ok) setQuery('');
                  ctx.reload();
                  return r;
                }} />
            </li>
          ))}
        </ul>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
};
