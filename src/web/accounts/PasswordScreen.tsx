/** Any signed-in user changes their own password (from the shell's menu). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

const PasswordScreen = () => {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  return (
    <section className="account-password" aria-labelledby="password-title">
      <h1 id="password-title">{t('accounts.password.title')}</h1>
      {done && <p className="ok-text" role="status">{t('accounts.password.done')}</p>}
      <ChangePasswordForm onDone={() => setDone(true)} />
    </section>
  );
};

export default PasswordScreen;
