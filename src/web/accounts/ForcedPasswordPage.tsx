/** Signed in with a given password (first start, a new account, a reset): choose one's own before anything else. */
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

const ForcedPasswordPage = () => {
  const { t } = useTranslation();
  const { state, refresh, signOut } = useSession();
  const name = state.status === 'must-change' ? state.principal.displayName : '';
  return (
    <main id="main" className="signin">
      <div className="signin-card">
        <header className="signin-header">
          <h1>{t('accounts.password.forcedTitle')}</h1>
          <p><strong>{name}</strong></p>
          <p className="muted">{t('accounts.password.forcedHelp')}</p>
          <LanguageSwitch />
        </header>
        <ChangePasswordForm onDone={refresh} />
        <p><button type="button" className="button subtle" onClick={() => void signOut()}>{t('common.signOut')}</button></p>
      </div>
    </main>
  );
};

export default ForcedPasswordPage;
