/**
 * The credentials report's history on the delegates screen: every change to a delegate after the congress opened
 * (its first check-in) — when, who recorded it, the delegate, the status before → after or what else changed, the
 * reason — read from the audit log (GET delegate-changes). At a congress of members there is no credentials
 * committee (docs/rules.md §2), so this is where the history is read; the printed reports carry it too.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DelegateChangeView } from '../../api/index.ts';
import { formatDateShort, formatTime } from '../../locale/vi.ts';
import { useApi } from '../app/api-context.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

/** The fields of an edit (keys of UpdateDelegateBody) under their labels on the delegate form. */
const FIELD_LABELS = {
  code: 'prepare.delegates.code', fullName: 'prepare.delegates.fullName', gender: 'prepare.delegates.gender', birthDate: 'prepare.delegates.birthDate',
  ethnicity: 'prepare.delegates.ethnicity', education: 'prepare.delegates.education', politicalTheory: 'prepare.delegates.politicalTheory',
  partyJoinDate: 'prepare.delegates.partyJoinDate', position: 'prepare.delegates.position', organisationId: 'prepare.delegates.organisation',
  category: 'prepare.delegates.category', standing: 'prepare.delegates.standing', isConveningMember: 'prepare.delegates.convening', seat: 'prepare.delegates.seat',
} as const;
const isField = (f: string): f is keyof typeof FIELD_LABELS => f in FIELD_LABELS;

const SECTION_ID = 'delegate-changes';
/** Where the documents page sends a congress of members to read the history (the section, scrolled to). */
export const DELEGATE_CHANGES_HREF = `/console/delegates#${SECTION_ID}`;

/** `settled`: what is above the history on the page is loaded (its height known), so a jump to the history stays there. */
export const DelegateChanges = ({ congress, settled = true }: { readonly congress: string; readonly settled?: boolean }) => {
  const { t } = useTranslation();
  const api = useApi();
  const history = useLiveResource(congress, () => api.delegateChanges({ params: { code: congress } }), ['delegates', 'attendance']);
  const status = (s: DelegateChangeView['from']): string => (s === null ? t('prepare.changes.unknown') : t(`console.delegates.statuses.${s}`));
  const what = (c: DelegateChangeView): string => {
    switch (c.kind) {
      case 'status':
        return `${status(c.from)} → ${status(c.to)}${c.replacedBy === null ? '' : ` (${t('prepare.delegates.replacedBy', { name: c.replacedBy })})`}`;
      case 'edited':
        return t('prepare.changes.edited', { fields: c.fields.map((f) => (isField(f) ? t(FIELD_LABELS[f]) : f)).join(', ') });
      default:
        return t(`prepare.changes.kinds.${c.kind}`);
    }
  };
  const data = history.data;
  const section = useRef<HTMLElement>(null);
  const ready = data !== null && settled;
  // The browser's own jump to the #anchor happens before the page is loaded and laid out: jump once it is.
  useEffect(() => {
    if (ready && window.location.hash === `#${SECTION_ID}`) section.current?.scrollIntoView({ block: 'start' });
  }, [ready]);
  return (
    <section ref={section} id={SECTION_ID} className="delegate-changes" aria-labelledby="delegate-changes-title" data-testid="delegate-changes">
      <h2 id="delegate-changes-title">{t('prepare.changes.title')}</h2>
      {history.error !== null && <ErrorMessage error={history.error} />}
      {data === null ? (history.error === null && <p className="loading" role="status">{t('common.loading')}</p>)
        : data.openedAt === null ? <p className="muted">{t('prepare.changes.notOpened')}</p>
          : (
            <>
              <p className="muted">{t('prepare.changes.since', { time: formatTime(new Date(data.openedAt)), date: formatDateShort(data.openedAt) })}</p>
              {data.changes.length === 0 ? <p>{t('prepare.changes.none')}</p> : (
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('prepare.changes.at')}</th><th scope="col">{t('prepare.changes.by')}</th>
                      <th scope="col">{t('prepare.delegates.fullName')}</th><th scope="col">{t('prepare.changes.what')}</th>
                      <th scope="col">{t('prepare.delegates.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.changes.map((c) => (
                      <tr key={c.id} data-testid="delegate-change">
                        <td>{`${formatTime(new Date(c.at))} ${formatDateShort(c.at)}`}</td>
                        <td>{c.by}</td>
                        <td>{c.fullName}</td>
                        <td>{what(c)}</td>
                        <td>{c.reason ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
    </section>
  );
};
