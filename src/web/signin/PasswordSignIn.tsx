import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { Principal } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export const PasswordSignIn = ({ onSubmit }: { readonly onSubmit: (username: string, password: string) => Promise<ApiResult<Principal>> }) => {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiResult<Principal> | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const result = await onSubmit(username.trim(), password);
    setBusy(false);
    setError(result.ok ? null : result);
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>{t('signin.username')}</span>
        <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
      </label>
      <label className="field">
        <span>{t('signin.password')}</span>
        <input name="password" type="password" autoComplete="current-password" required value={password}
          onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error !== null && !error.ok && <ErrorMessage error={error.error} />}
      <button type="submit" className="button primary" disabled={busy}>{t('signin.submit')}</button>
    </form>
  );
};
