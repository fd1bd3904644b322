/**
 * Setting up the congress step by step: the open settings of docs/rules.md (each recorded in the minutes), the
 * member organisations, the sessions and their agenda items.
 */
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { thenReload } from '../app/then-reload.ts';
import { useLiveResource } from '../app/useLiveResource.ts';
import { hrefOf } from '../api/client.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { fileForm } from '../ui/ImportForm.tsx';
import { AgendaSetup } from './AgendaSetup.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { TargetsEditor } from './TargetsEditor.tsx';
import { OrganisationsEditor } from '../prepare/OrganisationsEditor.tsx';

export const SetupSection = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const params = { code };
  const congress = useLiveResource(code, () => api.getCongress({ params }), ['congress']);
  const organisations = useLiveResource(code, () => api.listOrganisations({ params }), ['congress', 'delegates']);
  const sessions = useLiveResource(code, () => api.listSessions({ params }), ['current-item', 'congress']);
  const targets = useLiveResource(code, () => api.getTargets({ params }), ['targets']);
  return (
    <div className="setup">
      <section className="body-card" aria-labelledby="setup-settings">
        <h2 id="setup-settings">{t('console.setup.settings')}</h2>
        {congress.data !== null && (
          <SettingsForm settings={congress.data.settings} disabledReason={can(me, API.updateSettings) ? null : t('console.needRole')}
            onSave={(patch) => thenReload(api.updateSettings({ params, body: patch }), congress.reload)} />
        )}
        {congress.error !== null && <ErrorMessage error={congress.error} />}
      </section>
      <section className="body-card" aria-labelledby="setup-orgs" id="organisations">
        <h2 id="setup-orgs">{t('console.setup.organisations', { n: (organisations.data ?? []).filter((o) => o.role === 'member' && o.active).length })}</h2>
        {organisations.error !== null && <ErrorMessage error={organisations.error} />}
        <OrganisationsEditor organisations={organisations.data ?? []} editable={can(me, API.updateOrganisation)}
          importer={{
            templateHref: hrefOf(API.organisationTemplate, params),
            onImport: (file) => api.importOrganisations({ params, form: fileForm(file) }),
            onDone: organisations.reload,
          }}
          onCreate={(body) => thenReload(api.createOrganisation({ params, body }), organisations.reload)}
          onUpdate={(id, body) => thenReload(api.updateOrganisation({ params: { code, id }, body }), organisations.reload)} />
      </section>
      <section className="body-card" aria-labelledby="setup-agenda" id="agenda">
        <h2 id="setup-agenda">{t('console.setup.agenda')}</h2>
        <AgendaSetup sessions={sessions.data ?? []} editable={can(me, API.createSession)}
          onAddSession={(kind, title) => thenReload(api.createSession({ params, body: { kind, title } }), sessions.reload)}
          onAddItem={(id, title, kind) => thenReload(api.createAgendaItem({ params: { code, id }, body: { title, kind } }), sessions.reload)}
          onReorder={(id, items) => thenReload(api.reorderAgenda({ params: { code, id }, body: { items: [...items] } }), sessions.reload)}
          edits={{
            onUpdateSession: (id, body) => thenReload(api.updateSession({ params: { code, id }, body }), sessions.reload),
            onDeleteSession: (id) => thenReload(api.deleteSession({ params: { code, id } }), sessions.reload),
            onUpdateItem: (id, body) => thenReload(api.updateAgendaItem({ params: { code, id }, body }), sessions.reload),
            onDeleteItem: (id) => thenReload(api.deleteAgendaItem({ params: { code, id } }), sessions.reload),
          }} />
      </section>
      <section className="body-card" aria-labelledby="setup-targets">
        <h2 id="setup-targets">{t('console.targets.title')}</h2>
        {targets.error !== null && <ErrorMessage error={targets.error} />}
        {targets.data !== null && (
          <TargetsEditor targets={targets.data.targets} editable={can(me, API.saveTargets)}
            onSave={(list) => thenReload(api.saveTargets({ params, body: { targets: [...list] } }), targets.reload)} />
        )}
      </section>
    </div>
  );
};
