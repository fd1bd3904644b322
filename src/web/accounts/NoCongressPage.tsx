/** A signed-in user with no role at any congress: what they can still do (their password; the accounts, for a server administrator). */
import { useTranslation } from 'react-i18next';

const NoCongressPage = () => {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="no-congress-title">
      <h1 id="no-congress-title">{t('accounts.noCongress.title')}</h1>
      <p>{t('accounts.noCongress.help')}</p>
    </section>
  );
};

export default NoCongressPage;
