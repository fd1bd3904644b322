/**
 * Download links of the printed documents (issue 6, src/api/printouts.ts): per election round (ballots; minutes and
 * input log once counted) and for the congress (cards, credentials, attendance, show-of-hands). The server decides
 * who may print; a refusal is its JSON message.
 */
import { useTranslation } from 'react-i18next';
import { PRINTOUTS, printoutPaths, type PrintFormat, type PrintoutKey } from '../../api/printouts.ts';

const COUNTED = new Set(['counted', 'published', 'approved']);

const useLabel = (): ((key: PrintoutKey) => string) => {
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (key) => {
    const p = PRINTOUTS.find((x) => x.key === key)!;
    return en ? p.label_en : p.label_vi;
  };
};

const Links = ({ items }: { readonly items: ReadonlyArray<readonly [PrintoutKey, ReadonlyArray<readonly [PrintFormat, string]>]> }) => {
  const label = useLabel();
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

export const RoundPrintLinks = ({ congress, electionId, round, status }: {
  readonly congress: string; readonly electionId: number; readonly round: number; readonly status: string;
}) => {
  const p = printoutPaths(congress);
  const counted = COUNTED.has(status);
  return (
    <Links items={[
      ['ballots', [['pdf', p.ballots(electionId, round)]]],
      ...(counted
        ? [['minutes', [['pdf', p.minutes(electionId, round)], ['docx', p.minutes(electionId, round, 'docx')]]],
          ['input-log', [['pdf', p.inputLog(electionId, round)], ['docx', p.inputLog(electionId, round, 'docx')]]]] as const
        : []),
    ]} />
  );
};

export const CongressPrintLinks = ({ congress, cards }: { readonly congress: string; readonly cards: boolean }) => {
  const p = printoutPaths(congress);
  return (
    <Links items={[
      ...(cards ? [['delegate-cards', [['pdf', p.delegateCards()]]]] as const : []),
      ['credentials-report', [['pdf', p.credentialsReport()], ['docx', p.credentialsReport('docx')]]],
      ['attendance-report', [['pdf', p.attendanceReport()], ['docx', p.attendanceReport('docx')]]],
      ['show-of-hands', [['pdf', p.showOfHands()], ['docx', p.showOfHands('docx')]]],
    ]} />
  );
};
