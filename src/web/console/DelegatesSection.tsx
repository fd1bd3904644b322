/** The delegate list: search (accent-insensitive), filters, and the .xlsx import with row-level errors. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareNames } from '../../rules/index.ts';
import { formatDateShort, formatInteger } from '../../locale/vi.ts';
import { API } from '../../api/index.ts';
import { hrefOf } from '../api/client.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { loadDesk } from '../checkin/desk-data.ts';
import { matchesQuery } from '../checkin/search-key.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { ImportForm } from './ImportForm.tsx';

type Presence = 'all' | 'present' | 'absent';

/** The import's upload: one part "file". */
const fileForm = (file: File): FormData => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

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
  const rows = useMemo(() => (desk.data ?? [])
    .filter((r) => query.trim() === '' || matchesQuery(query, r.delegate.fullName, r.delegate.code))
    .filter((r) => presence === 'all' || (presence === 'present') === r.checkedIn)
    .filter((r) => standing === 'all' || r.delegate.standing === standing)
    .sort((a, b) => compareNames({ name: a.delegate.fullName, birthDate: a.delegate.birthDate }, { name: b.delegate.fullName, birthDate: b.delegate.birthDate })),
  [desk.data, query, presence, standing]);
  return (
    <div className="delegates">
      {office && (
        <>
          <ImportForm onImport={(file) => api.importDelegates({ params, form: fileForm(file) })} onDone={desk.reload} />
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
            <th scope="col">{t('console.delegates.code')}</th><th scope="col">{t('counting.name')}</th>
            <th scope="col">{t('console.delegates.birth')}</th><th scope="col">{t('console.delegates.organisation')}</th>
            <th scope="col">{t('console.delegates.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 500).map((r) => (
            <tr key={r.delegate.id}>
              <td>{r.delegate.code}</td>
              <td>{r.delegate.fullName}</td>
              <td>{r.delegate.birthDate === null ? '' : formatDateShort(r.delegate.birthDate)}</td>
              <td>{r.organisationName ?? ''}</td>
              <td>{r.checkedIn ? <span className="badge ok">{t('checkin.present')}</span> : t(`console.delegates.statuses.${r.delegate.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
