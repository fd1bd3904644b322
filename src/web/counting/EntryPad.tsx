/**
 * Keyboard-first entry of one batch (src/counting's syntax): the ballot form in paper order, one line per
 * ballot, Enter to add it, Backspace on an empty line to take back the last ballot. The rows the line marks
 * are highlighted as the operator types; a line the syntax refuses is explained at once and nothing is sent.
 * The line empties as Enter sends it, so the next ballot can be typed while the server answers; an Enter pressed
 * before that answer sends the next line right after it (never lost, never twice), and a refused line comes back.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEntry, parseEntry, type CountingContext } from '../../counting/index.ts';
import { ballotLimit } from '../../rules/index.ts';
import type { Ballot, Mark } from '../../rules/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export interface EntryPadProps {
  readonly ctx: CountingContext;
  readonly batchLabel: string;
  readonly entered: number;
  readonly physicalCount: number;
  readonly closed: boolean;
  /** The ballot as its canonical line (`formatEntry`), which the server parses again. */
  readonly onEnter: (line: string, ballot: Ballot) => Promise<ApiResult<unknown>>;
  readonly onUndo: () => Promise<ApiResult<unknown>>;
}

const rowState = (ballot: Ballot | null, id: string): Mark | 'struck' | 'kept' | 'written' | null => {
  if (ballot === null) return null;
  if ('struck' in ballot) return ballot.struck.includes(id) ? 'struck' : 'kept';
  if ('marks' in ballot) return ballot.marks[id] ?? 'none';
  return ballot.writeIn === id ? 'written' : null;
};

export const EntryPad = ({ ctx, batchLabel, entered, physicalCount, closed, onEnter, onUndo }: EntryPadProps) => {
  const { t } = useTranslation();
  const inputId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [last, setLast] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const enterAfterAnswer = useRef(false);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const preview = text.trim() === '' ? null : parseEntry(ctx, text);
  const previewBallot = preview !== null && preview.ok ? preview.value : null;
  const full = entered >= physicalCount;
  // A ballot that keeps more names than seats is invalid (docs/rules.md §5): the operator is told before Enter.
  const limit = ballotLimit(ctx.spec);
  const kept = previewBallot !== null && ctx.form === 'strike-out' && 'struck' in previewBallot
    ? ctx.spec.candidates.length - previewBallot.struck.length : null;

  const run = async (action: () => Promise<ApiResult<unknown>>, after: () => void, refused?: string): Promise<void> => {
    setBusy(true);
    const r = await action();
    setBusy(false);
    if (r.ok) {
      setError(null);
      after();
    } else {
      setError(r.error);
      enterAfterAnswer.current = false;
      if (refused !== undefined) setText((typed) => (typed === '' ? refused : typed));
    }
    inputRef.current?.focus();
  };

  const enter = (): void => {
    const parsed = parseEntry(ctx, text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    if (full) {
      setError({ code: 'entry.over-physical', message_vi: t('counting.overPhysical', { n: physicalCount }), message_en: t('counting.overPhysical', { n: physicalCount, lng: 'en' }) });
      return;
    }
    const line = formatEntry(ctx, parsed.value);
    setText('');
    void run(() => onEnter(line, parsed.value), () => setLast(line), text);
  };

  // Runs after the render that shows the answer (the new count, so the next ballot's position is right).
  useEffect(() => {
    if (busy || !enterAfterAnswer.current) return;
    enterAfterAnswer.current = false;
    enter();
  });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (busy) enterAfterAnswer.current = true;
      else enter();
    } else if (e.key === 'Backspace' && text === '' && entered > 0) {
      e.preventDefault();
      if (!busy) void run(onUndo, () => setLast(null));
    }
  };

  return (
    <section className="entry-pad" aria-labelledby={`${inputId}-title`}>
      <div className="row">
        <h2 id={`${inputId}-title`}>{t('counting.entryTitle', { batch: batchLabel })}</h2>
        <p className={`running-count ${full ? 'full' : ''}`} data-testid="running-count" aria-live="polite">
          {t('counting.runningCount', { entered, physical: physicalCount })}
        </p>
      </div>
      <ol className="ballot-form" aria-label={t('counting.ballotForm')}>
        {ctx.spec.candidates.map((c, i) => {
          const state = rowState(previewBallot, c.id);
          return (
            <li key={c.id} className={`ballot-row ${state ?? ''}`} data-state={state ?? ''}>
              <span className="row-number">{i + 1}</span>
              <span className="row-name">{c.name}</span>
            </li>
          );
        })}
      </ol>
      <label className="field" htmlFor={inputId}>{t(`counting.syntax.${ctx.form}`)}</label>
      <input id={inputId} ref={inputRef} className="entry-line" value={text} disabled={closed} autoComplete="off" spellCheck={false}
        inputMode="numeric" aria-describedby={`${inputId}-help`} aria-invalid={preview !== null && !preview.ok}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown} autoFocus />
      {kept !== null && kept > limit && (
        <p className="warning-text" role="status" data-testid="over-seats">{t('floor.counting.overSeats', { kept, seats: limit })}</p>
      )}
      <p id={`${inputId}-help`} className="muted">{t('counting.keysHelp')}</p>
      {error !== null && <ErrorMessage error={error} />}
      {last !== null && <p className="muted" role="status">{t('counting.lastBallot', { line: last })}</p>}
    </section>
  );
};
