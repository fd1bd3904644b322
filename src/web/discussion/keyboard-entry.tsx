/**
 * What the two keyboard-first entry forms share — a group's secretary recording the group's opinions and the
 * secretariat typing in paper comment forms: the paragraph found by its number (its text shown before anything is
 * sent, an unknown number said at once), and Alt+1…5 for the kind of opinion.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { OpinionKind, type UnitView } from '../../api/index.ts';
import { useApi } from '../app/api-context.tsx';
import type { OpinionKindName } from './shared.tsx';

export interface UnitByNumber {
  readonly number: string;
  readonly unit: UnitView | null;
  readonly unknown: boolean;
  readonly setNumber: (n: string) => void;
  readonly find: () => Promise<void>;
  readonly clear: () => void;
}

export const useUnitByNumber = (code: string, documentId: number | null): UnitByNumber => {
  const api = useApi();
  const [number, setNumber] = useState('');
  const [unit, setUnit] = useState<UnitView | null>(null);
  const [unknown, setUnknown] = useState(false);
  const find = async (): Promise<void> => {
    setUnit(null);
    setUnknown(false);
    if (documentId === null || !/^\d+$/u.test(number.trim())) return;
    const r = await api.listDiscussionUnits({ params: { code, id: documentId }, query: { number: Number(number.trim()), limit: 1 } });
    if (r.ok && r.value.units[0] !== undefined) setUnit(r.value.units[0]); else setUnknown(true);
  };
  // The paragraph shown is the typed number's in the document chosen now: looked up again when the document is first
  // known (a number typed while the documents were still loading) or another one is chosen.
  const latestFind = useRef(find);
  latestFind.current = find;
  useEffect(() => { void latestFind.current(); }, [documentId]);
  return { number, unit, unknown, setNumber, find, clear: () => { setNumber(''); setUnit(null); setUnknown(false); } };
};

export const UnitNumberField = ({ id, lookup, inputRef }: { readonly id: string; readonly lookup: UnitByNumber; readonly inputRef: RefObject<HTMLInputElement | null> }) => {
  const { t } = useTranslation();
  return (
    <>
      <label className="field" htmlFor={id}>{t('discussion.number')}</label>
      <input id={id} ref={inputRef} inputMode="numeric" autoFocus value={lookup.number} required
        onChange={(e) => lookup.setNumber(e.target.value)} onBlur={() => void lookup.find()} />
      {lookup.unit !== null && <p className="muted unit-preview">{lookup.unit.ref}: {lookup.unit.text}</p>}
      {lookup.unknown && <p role="alert" className="error-text">{t('discussion.unknownNumber')}</p>}
    </>
  );
};

/** Alt+1…5 chooses the kind of opinion, in the order the kinds are listed. */
export const kindShortcuts = (setKind: (k: OpinionKindName) => void) => (e: KeyboardEvent<HTMLFormElement>): void => {
  const kind = e.altKey ? OpinionKind.options[Number(e.key) - 1] : undefined;
  if (kind !== undefined) {
    e.preventDefault();
    setKind(kind);
  }
};
