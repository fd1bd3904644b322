/** The big answer the desk staff and the delegate both see, in its own colour for each case. */
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../locale/vi.ts';
import type { Confirmation } from './desk-data.ts';

export const CheckinConfirmation = ({ confirmation }: { readonly confirmation: Confirmation | null }) => {
  const { t, i18n } = useTranslation();
  if (confirmation === null) {
    return <section className="confirmation idle" aria-live="assertive"><p>{t('checkin.waiting')}</p></section>;
  }
  if ('message_vi' in confirmation) {
    return (
      <section className={`confirmation ${confirmation.kind}`} aria-live="assertive" data-testid="confirmation" data-ok="false" data-kind={confirmation.kind}>
        <p className="confirmation-mark" aria-hidden="true">{confirmation.kind === 'refused' ? '✗' : '!'}</p>
        <p className="confirmation-title">{confirmation.kind === 'refused' ? t('checkin.refused') : t('checkin.notAdmitted')}</p>
        <p>{i18n.language === 'en' ? confirmation.message_en : confirmation.message_vi}</p>
      </section>
    );
  }
  const c = confirmation;
  const note = c.standing === 'alternate'
    ? (c.replaces !== null ? t('checkin.alternateReplacing', { name: c.replaces }) : t('checkin.alternate'))
    : c.kind === 'not-voting' ? t('checkin.notVoting') : null;
  return (
    <section className={`confirmation ${c.kind}`} aria-live="assertive" data-testid="confirmation" data-ok="true" data-kind={c.kind}>
      <p className="confirmation-mark" aria-hidden="true">✓</p>
      <p className="confirmation-title">{c.kind === 'already' ? t('checkin.already') : t('checkin.accepted')}</p>
      <p className="confirmation-name">{c.fullName}</p>
      {note !== null && <p className="confirmation-note" data-testid="confirmation-note">{note}</p>}
      {c.organisationName !== null && <p>{c.organisationName}</p>}
      {c.seat !== null && <p>{t('checkin.seat', { seat: c.seat })}</p>}
      {c.kind === 'already' && (
        <p>{t('checkin.alreadyAt', { time: formatTime(new Date(c.at)), session: c.sessionTitle, desk: c.desk ?? '—', method: t(`attendance.method.${c.method}`) })}</p>
      )}
    </section>
  );
};
