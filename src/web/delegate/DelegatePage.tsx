/** A delegate's phone: own check-in status, the agenda with the current item, documents, register to speak. */
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { Agenda } from '../ui/Agenda.tsx';
import { DocumentList } from '../ui/DocumentList.tsx';
import { SpeakForm } from './SpeakForm.tsx';

const DelegatePage = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const congress = useLiveResource(code, () => api.congress(code), ['congress', 'current-item']);
  const sessions = useLiveResource(code, () => api.sessions(code), ['current-item', 'congress']);
  const checkins = useLiveResource(code, () => api.checkins(code), ['attendance']);
  const documents = useLiveResource(code, () => api.documents(code), ['documents']);
  const mine = checkins.data?.find((c) => c.delegateId === me.delegateId) ?? null;
  return (
    <div className="delegate-page">
      <h1>{t('delegate.hello', { name: me.displayName })}</h1>
      <section className={`checkin-status ${mine !== null ? 'ok' : checkins.error !== null ? 'unknown' : 'pending'}`} aria-live="polite">
        {checkins.error !== null ? t('delegate.statusUnknown')
          : checkins.data === null ? t('common.loading') : mine !== null ? t('delegate.checkedIn') : t('delegate.notCheckedIn')}
      </section>
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('delegate.agenda')}</h2>
        {sessions.data !== null && <Agenda sessions={sessions.data} currentId={congress.data?.currentAgendaItemId ?? null} />}
      </section>
      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{t('delegate.documents')}</h2>
        {documents.data !== null && <DocumentList documents={documents.data} congress={code} />}
      </section>
      <SpeakForm onRegister={(title) => api.registerToSpeak(code, me.displayName, title, me.delegateId)} />
    </div>
  );
};

export default DelegatePage;
