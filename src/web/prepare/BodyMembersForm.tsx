/**
 * A body's members corrected before the congress approves it (a body copied from an earlier congress comes with
 * none): found by name, the first is the head; saved whole (PATCH …/bodies/:id).
 */
import { useId, useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyPatch } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, Body, DeskDelegate } from '../api/types.ts';
import { matchesQuery } from '../checkin/search-key.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

interface Chosen { readonly delegateId: number; readonly fullName: string }

export const BodyMembersForm = ({ body, delegates, onSave }: {
  readonly body: Body;
  readonly delegates: readonly DeskDelegate[];
  readonly onSave: (patch: BodyPatch) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const head = body.members.filter((m) => m.role === 'head');
  const [members, setMembers] = useState<readonly Chosen[]>([...head, ...body.members.filter((m) => m.role !== 'head')]);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const chosen = new Set(members.map((m) => m.delegateId));
  const found = useMemo(() => delegates.filter((d) => !chosen.has(d.delegate.id) && matchesQuery(query, d.delegate.fullName, d.delegate.code)).slice(0, 8),
    [delegates, query, members]);
  const unchanged = members.length === body.members.length && members.every((m, i) => m.delegateId === [...head, ...body.members.filter((x) => x.role !== 'head')][i]?.delegateId);
  const reason = members.length === 0 ? t('prepare.bodies.needMember') : unchanged ? t('prepare.form.nothing') : null;
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (reason !== null) return;
    const r = await onSave({ members: members.map((m, i) => ({ delegateId: m.delegateId, role: i === 0 ? 'head' : 'member' })) });
    setError(r.ok ? null : r.error);
    setSaved(r.ok);
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label={`${t('prepare.bodies.members')} — ${body.title}`}>
      <label className="field" htmlFor={`${id}-q`}>{t('console.bodies.addMember')}</label>
      <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      {query.trim() !== '' && (
        <ul className="search-results">
          {found.map((d) => (
            <li key={d.delegate.id}>
              <button type="button" className="search-result" onClick={() => { setMembers([...members, { delegateId: d.delegate.id, fullName: d.delegate.fullName }]); setQuery(''); setSaved(false); }}>
                <span className="name">{d.delegate.fullName}</span><span className="muted">{d.organisationName ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ol>
        {members.map((m, i) => (
          <li key={m.delegateId}>
            {m.fullName}{i === 0 ? ` (${t('console.bodies.roles.head')})` : ''}
            <button type="button" className="button subtle small" onClick={() => { setMembers(members.filter((x) => x !== m)); setSaved(false); }}>{t('console.bodies.remove')}</button>
          </li>
        ))}
      </ol>
      <div className="submit-line">
        <button type="submit" className="button" disabled={reason !== null}>{t('prepare.bodies.save')}</button>
        {reason !== null && <span className="muted small">{reason}</span>}
      </div>
      {saved && <p role="status" className="ok-text">{t('prepare.form.saved')}</p>}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
};
