/** Sign in: staff with a username and password; a delegate by scanning the QR code of their card or typing the code printed on it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { Principal } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { useRouter } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { CardSignIn } from './CardSignIn.tsx';
import { PasswordSignIn } from './PasswordSignIn.tsx';

type Method = 'password' | 'card';

const SignInPage = () => {
  const { t } = useTranslation();
  const { adopt, state } = useSession();
  const { navigate, search } = useRouter();
  const api = useApi();
  const [method, setMethod] = useState<Method>('password');

  // The sign-in answers say who signed in in different shapes; `me` gives the full principal.
  const done = async (signedIn: ApiResult<unknown>): Promise<ApiResult<Principal>> => {
    const result = signedIn.ok ? await api.me() : signedIn;
    if (result.ok && (await adopt(result.value))) {
      const next = search.get('next');
      // The router guard sends a user who may not open `next` to their own landing screen.
      navigate(next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    }
    return result;
  };

  return (
    <main id="main" className="signin">
      <div className="signin-card">
        <header className="signin-header">
          <h1>{t('app.name')}</h1>
          <p className="muted">{t('app.tagline')}</p>
          <LanguageSwitch />
        </header>
        <div role="tablist" aria-label={t('signin.method')} className="tabs">
          {(['password', 'card'] as const).map((m) => (
            <button key={m} id={`tab-${m}`} type="button" role="tab" aria-selected={method === m} aria-controls={`panel-${m}`}
              className="tab" onClick={() => setMethod(m)}>
              {t(`signin.${m}Tab`)}
            </button>
          ))}
        </div>
        <section id={`panel-${method}`} role="tabpanel" aria-labelledby={`tab-${method}`}>
          {method === 'password'
            ? <PasswordSignIn onSubmit={async (username, password) => done(await api.signIn({ body: { username, password } }))} />
            : <CardSignIn onCard={async (card) => done(await (card.kind === 'card' ? api.signInWithCard({ body: { congress: card.congress, token: card.token } })
              : api.signInAnywhere({ body: card.kind === 'token' ? { token: card.token } : { code: card.code } })))} />}
        </section>
        {state.status === 'anonymous' && state.problem === 'no-congress' && <p className="error" role="alert">{t('signin.noCongress')}</p>}
      </div>
    </main>
  );
};

export default SignInPage;
