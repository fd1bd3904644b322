/** A delegate's phone: own check-in status, the agenda with the current item, documents (opened in the browser), published results, own contributions and registering one. */
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { Agenda } from '../ui/Agenda.tsx';
import { DocumentList } from '../ui/DocumentList.tsx';
import { CurrentSpeech } from './CurrentSpeech.tsx';
import { MySpeeches } from './MySpeeches.tsx';
import { MyStatus } from './MyStatus.tsx';
import { PublishedResults } from './PublishedResults.tsx';
import { SpeakForm } from './SpeakForm.tsx';

const DelegatePage = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const params = { code };
  const congress = useLiveResource(code, () => api.getCongress({ params }), ['congress', 'current-item']);
  const sessions = useLiveResource(code, () => api.listSessions({ params }), ['current-item', 'congress']);
  // The delegate's own record (GET …/me): the check-ins list is for staff only.
  const record = useLiveResource(code, () => api.myRecord({ params }), ['attendance', 'delegates', 'congress']);
  const attendance = useLiveResource(code, () => api.attendance({ params }), ['attendance', 'current-item']);
  const documents = useLiveResource(code, () => api.listDocuments({ params }), ['documents']);
  const elections = useLiveResource(code, () => api.listElections({ params }), ['election', 'result']);
  const speakers = useLiveResource(code, () => api.listSpeakers({ params }), ['speaker']);
  return (
    <div className="delegate-page">
      <h1>{t('delegate.hello', { name: me.displayName })}</h1>
      {speakers.data !== null && <CurrentSpeech speakers={speakers.data} />}
      <MyStatus record={record.data} error={record.error} currentSessionId={attendance.data?.sessionId ?? null}
        freshCheckin={attendance.data?.session?.freshCheckin ?? false} />
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('delegate.agenda')}</h2>
        {sessions.data !== null && <Agenda sessions={sessions.data} currentId={congress.data?.currentAgendaItemId ?? null} />}
      </section>
      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{t('delegate.documents')}</h2>
        {documents.data !== null && <DocumentList documents={documents.data} congress={code} />}
      </section>
      {elections.data !== null && <PublishedResults elections={elections.data} />}
      {speakers.data !== null && <MySpeeches speakers={speakers.data} delegateId={me.delegateId} />}
      <SpeakForm onRegister={async (title, text) => {
        const r = await api.registerSpeaker({ params, body: { speakerName: me.displayName, title, delegateId: me.delegateId, text } });
        speakers.reload();
        return r;
      }} />
    </div>
  );
};

export default DelegatePage;
