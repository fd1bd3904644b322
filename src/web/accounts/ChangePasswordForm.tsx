/** The user's own password: the current one, and a new one twice (checked here first, then by the server). */
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../api/auth.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export const ChangePasswordForm = ({ onDone }: { readonly onDone: () => void | Promise<void> }) => {
  const { t } = useTranslation();
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Pick<ApiError, 'message_vi' | 'message_en'> | string | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const wrong = next.length < PASSWORD_MIN ? t('accounts.password.tooShort', { min: PASSWORD_MIN })
      : next !== repeat ? t('accounts.password.mismatch') : next === current ? t('accounts.password.sameAsCurrent') : null;
    if (wrong !== null) {
      setError(wrong);
      return;
    }
    setBusy(true);
    const r = await api.changePassword({ body: { currentPassword: current, newPassword: next } });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setCurrent('');
    setNext('');
    setRepeat('');
    await onDone();
  };
  return (
    <form className="form change-password" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>{t('accounts.password.current')}</span>
        <input name="current-password" type="password" autoComplete="current-password" required value={current}
          onChange={(e) => setCurrent(e.target.value)} autoFocus />
      </label>
      <label className="field">
        <span>{t('accounts.password.next', { min: PASSWORD_MIN })}</span>
        <input name="new-password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} value={next}
          onChange={(e) => setNext(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('accounts.password.repeat')}</span>
        <input name="repeat-password" type="password" autoComplete="new-password" required value={repeat}
          onChange={(e) => setRepeat(e.target.value)} />
      </label>
      {error !== null && (typeof error === 'string' ? <p className="error" role="alert">{error}</p> : <ErrorMessage error={error} />)}
      <button type="submit" className="button primary" disabled={busy}>{t('accounts.password.submit')}</button>
    </form>
  );
};
