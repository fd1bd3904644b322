/**
 * The congress administrator gives users their roles at this congress and takes them back: every role of
 * src/api/access.ts, a counting-board member for one election of the congress.
 */
import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ROLES, type Role } from '../../api/access.ts';
import type { AssignableUser, RoleGrant } from '../../api/auth.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, ElectionView } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

type Grant = z.infer<typeof RoleGrant>;
type User = z.infer<typeof AssignableUser>;

const RolesScreen = () => {
  const { t } = useTranslation();
  const api = useApi();
  const { congress: code } = useMe();
  const [grants, setGrants] = useState<readonly Grant[] | null>(null);
  const [users, setUsers] = useState<readonly User[]>([]);
  const [elections, setElections] = useState<readonly ElectionView[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<Role>('secretariat');
  const [electionId, setElectionId] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const [g, u, e] = await Promise.all([api.listRoles({ params: { code } }), api.listAssignableUsers({ params: { code } }),
      api.listElections({ params: { code } })]);
    if (g.ok) setGrants(g.value);
    else setError(g.error);
    if (u.ok) setUsers(u.value);
    if (e.ok) setElections(e.value);
  }, [api, code]);
  useEffect(() => { void load(); }, [load]);

  const after = async (r: ApiResult<unknown>): Promise<boolean> => {
    setError(r.ok ? null : r.error);
    await load();
    return r.ok;
  };
  const grant = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const scoped = role === 'counting-board';
    const ok = await after(await api.grantRole({ params: { code }, body: {
      userId: Number(userId), role, electionId: scoped && electionId !== '' ? Number(electionId) : null,
    } }));
    setBusy(false);
    if (ok) setUserId('');
  };
  const revoke = async (g: Grant): Promise<void> => {
    if (!window.confirm(t('accounts.roles.confirmRevoke', { role: t(`accounts.roles.names.${g.role}`), name: g.displayName ?? g.username }))) return;
    await after(await api.revokeRole({ params: { code, id: g.id } }));
  };
  const electionTitle = (id: number | null): string => (id === null ? '' : elections.find((x) => x.id === id)?.title ?? `#${id}`);

  return (
    <section className="roles" aria-labelledby="roles-title">
      <h1 id="roles-title">{t('accounts.roles.title')}</h1>
      {error !== null && <ErrorMessage error={error} />}
      <form className="form grant-role" onSubmit={(e) => void grant(e)}>
        <label className="field">
          <span>{t('accounts.roles.user')}</span>
          <select name="userId" required value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t('accounts.roles.chooseUser')}</option>
            {users.map((u) => <option key={u.id} value={u.id}>{`${u.displayName} (${u.username})`}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('accounts.roles.role')}</span>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`accounts.roles.names.${r}`)}</option>)}
          </select>
        </label>
        {role === 'counting-board' && (
          <label className="field">
            <span>{t('accounts.roles.election')}</span>
            <select name="electionId" required value={electionId} onChange={(e) => setElectionId(e.target.value)}>
              <option value="">{t('accounts.roles.chooseElection')}</option>
              {elections.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
            </select>
          </label>
        )}
        <button type="submit" className="button primary" disabled={busy}>{t('accounts.roles.grant')}</button>
      </form>
      <h2>{t('accounts.roles.current')}</h2>
      {grants === null ? <p className="loading" role="status">{t('common.loading')}</p> : grants.length === 0 ? <p>{t('accounts.roles.none')}</p> : (
        <table className="data-table roles-table">
          <thead>
            <tr>
              <th scope="col">{t('accounts.roles.user')}</th>
              <th scope="col">{t('accounts.roles.role')}</th>
              <th scope="col">{t('accounts.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.id}>
                <th scope="row">{`${g.displayName ?? g.username} (${g.username})`}</th>
                <td>{t(`accounts.roles.names.${g.role}`)}{g.electionId === null ? '' : ` — ${electionTitle(g.electionId)}`}</td>
                <td><button type="button" className="button" onClick={() => void revoke(g)}>{t('accounts.roles.revoke')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

export default RolesScreen;
