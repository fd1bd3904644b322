/**
 * One scanned sheet the reader was not sure of, for the counting board: the crop of the rows to look at, the
 * reader's reasons, and the ballot as the board reads it on paper — prefilled from the reader's proposal —
 * sent as DecideSheetBody. Keyboard: Tab through the checkboxes and choices, Space toggles, the button sends.
 */
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountingContext } from '../../counting/index.ts';
import type { DecideSheetBody, DecidedSheet, ScanSheetView } from '../../api/scan.ts';
import type { Mark } from '../../rules/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { decisionBody, initialDecision, type DecisionState } from './scan-decision.ts';

const MARKS: readonly Mark[] = ['agree', 'disagree', 'both', 'none'];

export interface ScanSheetFormProps {
  readonly ctx: CountingContext;
  readonly sheet: ScanSheetView;
  readonly onDecide: (body: DecideSheetBody) => Promise<ApiResult<DecidedSheet>>;
}

export const ScanSheetForm = ({ ctx, sheet, onDecide }: ScanSheetFormProps) => {
  const { t, i18n } = useTranslation();
  const id = useId();
  const candidates = ctx.spec.candidates;
  const ids = candidates.map((c) => c.id);
  const [state, setState] = useState<DecisionState>(() => initialDecision(ctx.form, ids, sheet));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const decided = sheet.decision !== null;
  const flagged = new Set(sheet.reasons.map((r) => r.candidateId).filter((c): c is string => c !== null));
  const nameOf = new Map(candidates.map((c, i) => [c.id, `${i + 1}. ${c.name}`]));
  const say = (m: { readonly message_vi: string; readonly message_en: string }): string => (i18n.language === 'en' ? m.message_en : m.message_vi);

  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const r = await onDecide(decisionBody(state, ids));
    setBusy(false);
    setError(r.ok ? null : r.error);
  };

  const c = state.choice;
  return (
    <article className="scan-sheet" aria-labelledby={`${id}-title`} data-testid="scan-sheet" data-position={sheet.position}>
      <h3 id={`${id}-title`}>{t('scan.sheet', { n: sheet.position })}</h3>
      {sheet.crop === null
        ? <p className="muted">{t('scan.noCrop')}</p>
        : <img className="scan-crop" src={sheet.crop} alt={t('scan.crop', { n: sheet.position })} />}
      {sheet.reasons.length > 0 && (
        <>
          <h4>{t('scan.reasons')}</h4>
          <ul className="scan-reasons">
            {sheet.reasons.map((r, i) => (
              <li key={i}>{r.candidateId !== null && nameOf.has(r.candidateId) ? `${nameOf.get(r.candidateId)}: ` : ''}{say(r)}</li>
            ))}
          </ul>
        </>
      )}
      <form className="scan-decision" onSubmit={(e) => void submit(e)}>
        {c.kind === 'struck' && (
          <fieldset disabled={decided}>
            <legend>{t('scan.struckLegend')}</legend>
            <ol className="scan-rows">
              {candidates.map((cand, i) => (
                <li key={cand.id} className={flagged.has(cand.id) ? 'flagged' : ''}>
                  <label>
                    <input type="checkbox" checked={c.struck.has(cand.id)} aria-label={t('scan.struckName', { n: i + 1, name: cand.name })}
                      onChange={(e) => {
                        const next = new Set(c.struck);
                        if (e.target.checked) next.add(cand.id);
                        else next.delete(cand.id);
                        setState({ ...state, choice: { kind: 'struck', struck: next } });
                      }} />
                    <span className="row-number">{i + 1}</span> <span className="row-name">{cand.name}</span> <span className="muted">{t('scan.struck')}</span>
                  </label>
                </li>
              ))}
            </ol>
          </fieldset>
        )}
        {c.kind === 'marks' && (
          <fieldset disabled={decided}>
            <legend>{t('scan.marksLegend')}</legend>
            <ol className="scan-rows">
              {candidates.map((cand, i) => (
                <li key={cand.id} className={flagged.has(cand.id) ? 'flagged' : ''}>
                  <label htmlFor={`${id}-mark-${cand.id}`}><span className="row-number">{i + 1}</span> {cand.name}</label>{' '}
                  <select id={`${id}-mark-${cand.id}`} value={c.marks[cand.id] ?? 'none'}
                    onChange={(e) => setState({ ...state, choice: { kind: 'marks', marks: { ...c.marks, [cand.id]: e.target.value as Mark } } })}>
                    {MARKS.map((m) => <option key={m} value={m}>{t(`scan.marks.${m}`)}</option>)}
                  </select>
                </li>
              ))}
            </ol>
          </fieldset>
        )}
        {c.kind === 'write-in' && (
          <fieldset disabled={decided}>
            <legend>{t('scan.writeInLegend')}</legend>
            <select aria-label={t('scan.writeInLegend')} value={c.writeIn ?? ''}
              onChange={(e) => setState({ ...state, choice: { kind: 'write-in', writeIn: e.target.value === '' ? null : e.target.value } })}>
              <option value="">{t('scan.writeInNone')}</option>
              {candidates.map((cand, i) => <option key={cand.id} value={cand.id}>{`${i + 1}. ${cand.name}`}</option>)}
            </select>
          </fieldset>
        )}
        <fieldset disabled={decided} className="scan-flags">
          <legend className="visually-hidden">{t('scan.flags')}</legend>
          <label>
            <input type="checkbox" checked={state.unstamped} onChange={(e) => setState({ ...state, unstamped: e.target.checked })} /> {t('scan.unstamped')}
          </label>
          <label>
            <input type="checkbox" checked={state.notIssued} onChange={(e) => setState({ ...state, notIssued: e.target.checked })} /> {t('scan.notIssued')}
          </label>
          <label>
            <input type="checkbox" checked={state.identifyingMarks} onChange={(e) => setState({ ...state, identifyingMarks: e.target.checked })} /> {t('scan.identifyingMarks')}
          </label>
          <label htmlFor={`${id}-writeins`}>{t('scan.writeIns')}</label>
          <input id={`${id}-writeins`} type="number" min={0} max={1000} value={state.writeIns}
            onChange={(e) => setState({ ...state, writeIns: Math.max(0, Math.min(1000, Math.trunc(Number(e.target.value) || 0))) })} />
        </fieldset>
        {error !== null && <ErrorMessage error={error} />}
        {decided
          ? <p className="ok-text" role="status">{t('scan.decided')}</p>
          : <button type="submit" className="button primary" disabled={busy}>{t('scan.decide')}</button>}
      </form>
    </article>
  );
};
