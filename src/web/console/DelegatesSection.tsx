/**
 * The delegate list: search (accent-insensitive), filters, and the .xlsx import with row-level errors; below it the
 * credentials history (changes after the opening).
 */
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareNames } from '../../rules/index.ts';
import { formatDateShort, formatInteger } from '../../locale/vi.ts';
import { API, asDelegateId } from '../../api/index.ts';
import { hrefOf } from '../api/client.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { loadDesk } from '../checkin/desk-data.ts';
import { matchesQuery } from '../checkin/search-key.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { fileForm, ImportForm } from '../ui/ImportForm.tsx';
import { DelegateChanges } from './DelegateChanges.tsx';
import { CardActions, EditDelegateForm, NewDelegateForm, StatusForm } from '../prepare/DelegateForms.tsx';
import { thenReload } from '../app/then-reload.ts';

type Presence = 'all' | 'present' | 'absent';

export const DelegatesSection = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const { congress } = me;
  const params = { code: congress };
  const office = can(me, API.importDelegates);
  const desk = useLiveResource(congress, () => loadDesk(api, congress), ['delegates', 'attendance']);
  const [query, setQuery] = useState('');
  const [presence, setPresence] = useState<Presence>('all');
  const [standing, setStanding] = useState<'all' | 'official' | 'alternate'>('all');
  const [managing, setManaging] = useState<number | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const organisations = useLiveResource(congress, () => api.listOrganisations({ params }), ['congress']);
  const congressView = useLiveResource(congress, () => api.getCongress({ params }), ['congress']);
  const all = (desk.data ?? []).map((r) => r.delegate);
  const nameOf = new Map(all.map((d) => [d.id, d.fullName]));
  const opened = (desk.data ?? []).some((r) => r.checkedIn);
  const toggle = (id: number): void => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const rows = useMemo(() => (desk.data ?? [])
    .filter((r) => query.trim() === '' || matchesQuery(query, r.delegate.fullName, r.delegate.code))
    .filter((r) => presence === 'all' || (presence === 'present') === r.checkedIn)
    .filter((r) => standing === 'all' || r.delegate.standing === standing)
    .sort((a, b) => compareNames({ name: a.delegate.fullName, birthDate: a.delegate.birthDate }, { name: b.delegate.fullName, birthDate: b.delegate.birthDate })),
  [desk.data, query, presence, standing]);
  return (
    <div className="delegates">
      {office && (
        <NewDelegateForm organisations={organisations.data ?? []} members={congressView.data?.kind === 'members'}
          onCreate={(body) => thenReload(api.createDelegate({ params, body }), desk.reload)} />
      )}
      {office && (
        <>
          <ImportForm label={t('console.delegates.importLabel')} imported={(n) => t('console.delegates.imported', { n })}
            onImport={(file) => api.importDelegates({ params, form: fileForm(file) })} onDone={desk.reload} />
          <p className="row-links">
            <a href={hrefOf(API.delegateTemplate, params)} download>{t('console.delegates.template')}</a>
            {' · '}
            <a href={hrefOf(API.exportDelegates, params)} download>{t('console.delegates.export')}</a>
            {can(me, API.printCards) && (
              <>
                {' · '}
                <a href={hrefOf(API.printCards, params)} download data-testid="print-cards">{t('console.delegates.printCards')}</a>
                {rows.length > 0 && rows.length < (desk.data?.length ?? 0) && rows.length <= 2000 && (
                  <>
                    {' · '}
                    <a href={hrefOf(API.printCards, params, { ids: rows.map((r) => r.delegate.id) })} download data-testid="print-shown-cards">
                      {t('console.delegates.printShownCards', { n: rows.length })}
                    </a>
                  </>
                )}
                {' · '}
                {selected.size > 0
                  ? <a href={hrefOf(API.printCards, params, { ids: [...selected] })} download data-testid="print-selected-cards">{t('prepare.delegates.printSelected', { n: selected.size })}</a>
                  : <span className="muted">{t('prepare.delegates.noneSelected')}</span>}
              </>
            )}
          </p>
        </>
      )}
      <div className="filters" role="search">
        <label className="field">
          <span>{t('console.delegates.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('console.delegates.presence')}</span>
          <select value={presence} onChange={(e) => setPresence(e.target.value as Presence)}>
            <option value="all">{t('console.delegates.all')}</option>
            <option value="present">{t('checkin.present')}</option>
            <option value="absent">{t('console.delegates.absent')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('console.delegates.standing')}</span>
          <select value={standing} onChange={(e) => setStanding(e.target.value as 'all' | 'official' | 'alternate')}>
            <option value="all">{t('console.delegates.all')}</option>
            <option value="official">{t('delegate.standing.official')}</option>
            <option value="alternate">{t('delegate.standing.alternate')}</option>
          </select>
        </label>
      </div>
      {desk.error !== null && <ErrorMessage error={desk.error} />}
      <table className="data-table">
        <caption>{t('console.delegates.count', { shown: formatInteger(rows.length), total: formatInteger(desk.data?.length ?? 0) })}</caption>
        <thead>
          <tr>
            {office && <th scope="col"><span className="visually-hidden">{t('prepare.delegates.select', { name: '' })}</span></th>}
            <th scope="col">{t('console.delegates.code')}</th><th scope="col">{t('counting.name')}</th>
            <th scope="col">{t('console.delegates.birth')}</th><th scope="col">{t('console.delegates.organisation')}</th>
            <th scope="col">{t('console.delegates.status')}</th>
            {office && <th scope="col"><span className="visually-hidden">{t('prepare.delegates.manage')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 500).map((r) => (
            <Fragment key={r.delegate.id}>
              <tr data-testid="delegate-row">
                {office && (
                  <td><input type="checkbox" checked={selected.has(r.delegate.id)} onChange={() => toggle(r.delegate.id)}
                    aria-label={t('prepare.delegates.select', { name: r.delegate.fullName })} /></td>
                )}
                <td>{r.delegate.code}</td>
                <td>{r.delegate.fullName}</td>
                <td>{r.delegate.birthDate === null ? '' : formatDateShort(r.delegate.birthDate)}</td>
                <td>{r.organisationName ?? ''}</td>
                <td>
                  {r.checkedIn ? <span className="badge ok">{t('checkin.present')}</span> : t(`console.delegates.statuses.${r.delegate.status}`)}
                  {r.delegate.replacedById !== null && r.delegate.status === 'replaced' && (
                    <span className="muted"> ({t('prepare.delegates.replacedBy', { name: nameOf.get(r.delegate.replacedById) ?? '' })})</span>
                  )}
                  {r.delegate.cardRevoked && <span className="badge bad">{t('prepare.delegates.cardRevoked')}</span>}
                </td>
                {office && (
                  <td>
                    <button type="button" className="button subtle small" aria-expanded={managing === r.delegate.id}
                      aria-label={`${t('prepare.delegates.manage')} ${r.delegate.fullName}`}
                      onClick={() => setManaging(managing === r.delegate.id ? null : r.delegate.id)}>
                      {managing === r.delegate.id ? t('prepare.delegates.close') : t('prepare.delegates.manage')}
                    </button>
                  </td>
                )}
              </tr>
              {office && managing === r.delegate.id && (
                <tr>
                  <td colSpan={7}>
                    <div className="manage-panel" data-testid="manage-delegate">
                      {opened && <p className="muted">{t('prepare.delegates.afterOpening')}</p>}
                      <EditDelegateForm key={`edit-${r.delegate.id}`} delegate={r.delegate} organisations={organisations.data ?? []}
                        onSave={(body) => thenReload(api.updateDelegate({ params: { code: congress, id: asDelegateId(r.delegate.id) }, body }), desk.reload)} />
                      <StatusForm key={`status-${r.delegate.id}`} delegate={r.delegate} delegates={all}
                        onSave={(body) => thenReload(api.setDelegateStatus({ params: { code: congress, id: asDelegateId(r.delegate.id) }, body }), desk.reload)} />
                      <CardActions code={congress} delegate={r.delegate}
                        onReissue={() => thenReload(api.reissueCard({ params: { code: congress, id: asDelegateId(r.delegate.id) } }), desk.reload)}
                        onRevoke={() => thenReload(api.revokeCard({ params: { code: congress, id: asDelegateId(r.delegate.id) } }), desk.reload)} />
                    </div>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {can(me, API.delegateChanges) && <DelegateChanges congress={congress} settled={desk.data !== null} />}
    </div>
  );
};
