/**
 * The server administrator's accounts: who may sign in, whether they are server administrators, disabled, held by
 * failed sign-ins (and until when), when they last signed in; create an account, disable or enable it, give it a
 * new password, unlock it. A password the server makes is shown here once.
 */
import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AccountView } from '../../api/auth.ts';
import { formatDateShort, formatTime } from '../../locale/vi.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { userOf, useSession } from '../app/session.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

type Account = z.infer<typeof AccountView>;
type Shown = { readonly username: string; readonly password: string };

const when = (iso: string): { date: string; time: string } => ({ date: formatDateShort(iso), time: formatTime(new Date(iso)) });

const NewPassword = ({ shown, onClose }: { readonly shown: Shown; readonly onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <div className="new-password-panel" role="status" aria-live="polite">
      <h2>{t('accounts.shown.title', { username: shown.username })}</h2>
      <p><output className="new-password" aria-label={t('signin.password')}>{shown.password}</output></p>
      <p className="muted">{t('accounts.shown.help')}</p>
      <button type="button" className="button" onClick={onClose}>{t('accounts.shown.close')}</button>
    </div>
  );
};

const CreateForm = ({ onCreated }: { readonly onCreated: (shown: Shown | null) => void }) => {
  const { t } = useTranslation();
  const api = useApi();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [isServerAdmin, setServerAdmin] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const r = await api.createUser({ body: { username: username.trim(), displayName, isServerAdmin } });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setUsername('');
    setDisplayName('');
    setServerAdmin(false);
    onCreated(r.value.password === null ? null : { username: r.value.username, password: r.value.password });
  };
  return (
    <form className="form create-account" onSubmit={(e) => void submit(e)} aria-labelledby="create-account-title">
      <h2 id="create-account-title">{t('accounts.create.title')}</h2>
      <label className="field">
        <span>{t('accounts.create.username')}</span>
        <input name="username" required autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('accounts.create.displayName')}</span>
        <input name="displayName" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <label className="account-check">
        <input type="checkbox" name="isServerAdmin" checked={isServerAdmin} onChange={(e) => setServerAdmin(e.target.checked)} />
        <span>{t('accounts.create.serverAdmin')}</span>
      </label>
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="button primary" disabled={busy}>{t('accounts.create.submit')}</button>
    </form>
  );
};

const AccountsScreen = () => {
  const { t } = useTranslation();
  const api = useApi();
  const [accounts, setAccounts] = useState<readonly Account[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  // One's own account is neither disabled nor reset here (the server refuses it too): one's password is changed with the current one.
  const selfId = userOf(useSession().state)?.id ?? null;
  const load = useCallback(async () => {
    const r = await api.listUsers();
    if (r.ok) setAccounts(r.value);
    else setError(r.error);
  }, [api]);
  useEffect(() => { void load(); }, [load]);

  const act = async <T,>(change: Promise<ApiResult<T>>, then?: (value: T) => void): Promise<void> => {
    const r = await change;
    if (r.ok) {
      setError(null);
      then?.(r.value);
    } else setError(r.error);
    await load();
  };
  const disable = (a: Account): void => {
    if (!window.confirm(t('accounts.list.confirmDisable', { username: a.username }))) return;
    void act(api.setUserDisabled({ params: { id: a.id }, body: { disabled: true } }));
  };
  const reset = (a: Account): void => {
    if (!window.confirm(t('accounts.list.confirmReset', { username: a.username }))) return;
    void act(api.resetPassword({ params: { id: a.id } }), (v) => setShown(v));
  };

  const status = (a: Account): string[] => {
    const out = [a.disabledAt === null ? t('accounts.list.active') : t('accounts.list.disabled')];
    if (a.lockedUntil !== null) out.push(t('accounts.list.lockedUntil', when(a.lockedUntil)));
    if (a.mustChangePassword) out.push(t('accounts.list.mustChange'));
    return out;
  };

  return (
    <section className="accounts" aria-labelledby="accounts-title">
      <h1 id="accounts-title">{t('accounts.list.title')}</h1>
      {shown !== null && <NewPassword shown={shown} onClose={() => setShown(null)} />}
      {error !== null && <ErrorMessage error={error} />}
      {accounts === null ? <p className="loading" role="status">{t('common.loading')}</p> : (
        <table className="data-table accounts-table">
          <thead>
            <tr>
              <th scope="col">{t('accounts.list.username')}</th>
              <th scope="col">{t('accounts.list.displayName')}</th>
              <th scope="col">{t('accounts.list.serverAdmin')}</th>
              <th scope="col">{t('accounts.list.status')}</th>
              <th scope="col">{t('accounts.list.lastSignIn')}</th>
              <th scope="col">{t('accounts.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} data-username={a.username}>
                <th scope="row">{a.username}</th>
                <td>{a.displayName}</td>
                <td>{a.isServerAdmin ? t('accounts.list.yes') : t('accounts.list.no')}</td>
                <td>{status(a).join('; ')}</td>
                <td>{a.lastSignInAt === null ? t('accounts.list.never') : `${when(a.lastSignInAt).time} ${when(a.lastSignInAt).date}`}</td>
                <td><div className="account-actions">
                  {a.id === selfId ? null : a.disabledAt === null
                    ? <button type="button" className="button" onClick={() => disable(a)}>{t('accounts.list.disable')}</button>
                    : <button type="button" className="button" onClick={() => void act(api.setUserDisabled({ params: { id: a.id }, body: { disabled: false } }))}>
                      {t('accounts.list.enable')}</button>}
                  {a.id !== selfId && <button type="button" className="button" onClick={() => reset(a)}>{t('accounts.list.reset')}</button>}
                  {a.lockedUntil !== null && <button type="button" className="button" onClick={() => void act(api.unlockUser({ params: { id: a.id } }))}>
                    {t('accounts.list.unlock')}</button>}
                </div></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateForm onCreated={(s) => { setShown(s); void load(); }} />
    </section>
  );
};

export default AccountsScreen;
