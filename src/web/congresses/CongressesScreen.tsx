/**
 * The server administrator's start: the congresses on this server (open one), and a new congress — from nothing or
 * as a copy of an earlier one. The first screen after the first sign-in on an empty server.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateLong } from '../../locale/vi.ts';
import type { ApiError, CongressView } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { CongressForm } from './CongressForm.tsx';

/** A full page load: the signed-in person's congress is chosen when the app starts (`?congress=`). */
export const openCongress = (code: string): void => window.location.assign(`/console?congress=${encodeURIComponent(code)}`);

export const CongressesScreen = () => {
  const { t } = useTranslation();
  const api = useApi();
  const [congresses, setCongresses] = useState<readonly CongressView[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void api.listCongresses().then((r) => (r.ok ? setCongresses(r.value) : setError(r.error)));
  }, [api]);
  return (
    <div className="congresses">
      <h1>{t('prepare.congress.title')}</h1>
      {error !== null && <ErrorMessage error={error} />}
      {congresses.length === 0 ? <p className="muted">{t('prepare.congress.none')}</p> : (
        <ul className="congress-list">
          {congresses.map((c) => (
            <li key={c.code}>
              <a href={`/console?congress=${encodeURIComponent(c.code)}`} onClick={(e) => { e.preventDefault(); openCongress(c.code); }}>
                {t('prepare.congress.line', { organisation: c.organisationName, ordinal: c.ordinal, start: c.termStartYear, end: c.termEndYear })}
              </a>
              <span className="muted"> — {formatDateLong(c.startDate)}, {c.venue}</span>
            </li>
          ))}
        </ul>
      )}
      <CongressForm earlier={congresses} onCreated={(c) => openCongress(c.code)} />
    </div>
  );
};

