/**
 * Setting up the congress step by step: the open settings of RULES.md (each recorded in the minutes), the
 * member organisations, the sessions and their agenda items.
 */
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/api-context.tsx';
import { hasRole, useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { AgendaSetup } from './AgendaSetup.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { TargetsEditor } from './TargetsEditor.tsx';
import { TextAdder } from './TextAdder.tsx';

export const SetupSection = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const congress = useLiveResource(code, () => api.congress(code), ['congress']);
  const organisations = useLiveResource(code, () => api.organisations(code), ['congress', 'delegates']);
  const sessions = useLiveResource(code, () => api.sessions(code), ['current-item', 'congress']);
  const targets = useLiveResource(code, () => api.targets(code), ['targets']);
  const office = hasRole(me, 'admin', 'secretariat');
  return (
    <div className="setup">
      <section className="body-card" aria-labelledby="setup-settings">
        <h2 id="setup-settings">{t('console.setup.settings')}</h2>
        {congress.data !== null && (
          <SettingsForm settings={congress.data.settings} disabledReason={hasRole(me, 'admin') ? null : t('console.needRole')}
            onSave={async (patch) => { const r = await api.updateSettings(code, patch); congress.reload(); return r; }} />
        )}
        {congress.error !== null && <ErrorMessage error={congress.error} />}
      </section>
      <section className="body-card" aria-labelledby="setup-orgs">
        <h2 id="setup-orgs">{t('console.setup.organisations', { n: organisations.data?.length ?? 0 })}</h2>
        <ul className="org-list">{(organisations.data ?? []).map((o) => <li key={o.id}>{o.name}</li>)}</ul>
        {office && <TextAdder label={t('console.setup.addOrganisation')} onAdd={async (name) => { const r = await api.addOrganisation(code, name); organisations.reload(); return r; }} />}
      </section>
      <section className="body-card" aria-labelledby="setup-agenda">
        <h2 id="setup-agenda">{t('console.setup.agenda')}</h2>
        <AgendaSetup sessions={sessions.data ?? []} editable={office}
          onAddSession={async (kind, title) => { const r = await api.addSession(code, kind, title); sessions.reload(); return r; }}
          onAddItem={async (sessionId, title, kind) => { const r = await api.addAgendaItem(code, sessionId, title, kind); sessions.reload(); return r; }}
          onReorder={async (sessionId, ids) => { const r = await api.reorderAgenda(code, sessionId, ids); sessions.reload(); return r; }} />
      </section>
      <section className="body-card" aria-labelledby="setup-targets">
        <h2 id="setup-targets">{t('console.targets.title')}</h2>
        {targets.error !== null && <ErrorMessage error={targets.error} />}
        {targets.data !== null && (
          <TargetsEditor targets={targets.data.targets} editable={office}
            onSave={async (list) => { const r = await api.saveTargets(code, list); targets.reload(); return r; }} />
        )}
      </section>
    </div>
  );
};
