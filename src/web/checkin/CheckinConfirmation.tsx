/** The big green or red answer the desk staff and the delegate both see. */
import { useTranslation } from 'react-i18next';
import type { Confirmation } from './desk-data.ts';

export const CheckinConfirmation = ({ confirmation }: { readonly confirmation: Confirmation | null }) => {
  const { t, i18n } = useTranslation();
  if (confirmation === null) {
    return <section className="confirmation idle" aria-live="assertive"><p>{t('checkin.waiting')}</p></section>;
  }
  if (!confirmation.ok) {
    return (
      <section className="confirmation refused" aria-live="assertive" data-testid="confirmation" data-ok="false">
        <p className="confirmation-mark" aria-hidden="true">✗</p>
        <p className="confirmation-title">{t('checkin.refused')}</p>
        <p>{i18n.language === 'en' ? confirmation.message_en : confirmation.message_vi}</p>
      </section>
    );
  }
  return (
    <section className="confirmation accepted" aria-live="assertive" data-testid="confirmation" data-ok="true">
      <p className="confirmation-mark" aria-hidden="true">✓</p>
      <p className="confirmation-title">{confirmation.already ? t('checkin.already') : t('checkin.accepted')}</p>
      <p className="confirmation-name">{confirmation.fullName}</p>
      {confirmation.organisationName !== null && <p>{confirmation.organisationName}</p>}
      {confirmation.seat !== null && <p>{t('checkin.seat', { seat: confirmation.seat })}</p>}
    </section>
  );
};
