/**
 * Download links of the printed documents (src/api/endpoints/printouts.ts): per election round (ballots; minutes
 * and input log once counted) and for the congress (cards, credentials, attendance, show-of-hands). Each link shows
 * to those the server lets print it; a refusal is its JSON message.
 */
import { useTranslation } from 'react-i18next';
import { API, PRINTOUTS, type PrintFormat, type PrintoutKey } from '../../api/index.ts';
import { hrefOf } from '../api/client.ts';
import type { RoundRef } from '../api/refs.ts';
import { can } from '../app/can.ts';
import { Link } from '../app/router.tsx';
import { useMe } from '../app/session.tsx';
import { DELEGATE_CHANGES_HREF } from './DelegateChanges.tsx';

const COUNTED = new Set(['counted', 'published', 'approved']);

type Files = ReadonlyArray<readonly [PrintFormat, string]>;
type Item = readonly [PrintoutKey, Files];

/** The files of a printout, one per format it comes in. */
const filesOf = (key: PrintoutKey, href: (format: PrintFormat) => string): Files =>
  (PRINTOUTS.find((p) => p.key === key)?.formats ?? []).map((format) => [format, href(format)] as const);

const useLabel = (): ((key: PrintoutKey) => string) => {
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (key) => {
    const p = PRINTOUTS.find((x) => x.key === key);
    return p === undefined ? key : en ? p.label_en : p.label_vi;
  };
};

const Links = ({ items }: { readonly items: readonly Item[] }) => {
  const label = useLabel();
  if (items.length === 0) return null;
  return (
    <p className="print-links">
      {items.map(([key, files], i) => (
        <span key={key}>
          {i > 0 && ' · '}
          {label(key)}:{' '}
          {files.map(([format, href], j) => (
            <span key={format}>{j > 0 && ', '}<a href={href} download>{format === 'pdf' ? 'PDF' : 'Word'}</a></span>
          ))}
        </span>
      ))}
    </p>
  );
};

export const RoundPrintLinks = ({ round, status }: { readonly round: RoundRef; readonly status: string }) => {
  const me = useMe();
  const scope = { electionId: round.electionId };
  const counted = COUNTED.has(status);
  const items: Item[] = [];
  if (can(me, API.printBallots, scope)) items.push(['ballots', filesOf('ballots', () => hrefOf(API.printBallots, round))]);
  if (counted && can(me, API.printMinutes, scope)) items.push(['minutes', filesOf('minutes', (format) => hrefOf(API.printMinutes, round, { format }))]);
  if (counted && can(me, API.printInputLog, scope)) items.push(['input-log', filesOf('input-log', (format) => hrefOf(API.printInputLog, round, { format }))]);
  return <Links items={items} />;
};

/**
 * A congress of members has no credentials committee (docs/rules.md §2) to sign a credentials report: its history of
 * changes after the opening is on the delegates screen instead, and the attendance report prints it.
 */
export const CongressPrintLinks = ({ congress, members }: { readonly congress: string; readonly members: boolean }) => {
  const { t } = useTranslation();
  const me = useMe();
  const params = { code: congress };
  const items: Item[] = [];
  if (can(me, API.printCards)) items.push(['delegate-cards', filesOf('delegate-cards', () => hrefOf(API.printCards, params))]);
  if (!members && can(me, API.printCredentials)) items.push(['credentials-report', filesOf('credentials-report', (format) => hrefOf(API.printCredentials, params, { format }))]);
  if (can(me, API.printAttendance)) items.push(['attendance-report', filesOf('attendance-report', (format) => hrefOf(API.printAttendance, params, { format }))]);
  if (can(me, API.printShowOfHands)) items.push(['show-of-hands', filesOf('show-of-hands', (format) => hrefOf(API.printShowOfHands, params, { format }))]);
  return (
    <>
      <Links items={items} />
      {members && can(me, API.delegateChanges) && (
        <p className="muted" data-testid="credentials-history-link">
          {t('prepare.changes.membersNote')} <Link to={DELEGATE_CHANGES_HREF}>{t('prepare.changes.open')}</Link>
        </p>
      )}
    </>
  );
};
