/**
 * A congress that counts by hand: the counting board enters the totals of its signed paper minutes (ballots
 * collected, invalid per reason, votes per name), named as signed by the board's head — the only way to a result
 * besides the board's batches. Refused totals are explained; nothing is sent twice (the round is counted after).
 */
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../locale/vi.ts';
import { INVALID_REASON_LABELS, INVALID_REASONS, type ElectionSpec, type InvalidReason } from '../../rules/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export interface HandTotals {
  readonly collected: number;
  readonly invalidByReason: Partial<Record<InvalidReason, number>>;
  readonly votes: readonly { readonly candidateId: string; readonly votes: number }[];
  readonly blank?: number;
  readonly unrecognized?: number;
  readonly signedBy: string;
}

const whole = (text: string): number | null => (/^\d{1,7}$/u.test(text.trim()) ? Number(text.trim()) : null);

export const HandCountForm = ({ spec, collected, head, onSend }: {
  readonly spec: ElectionSpec;
  readonly collected: number | null;
  /** The head of the election's counting board, as the minutes name them (null: unknown to this screen). */
  readonly head: string | null;
  readonly onSend: (totals: HandTotals) => Promise<ApiResult<unknown>>;
}) => {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const poll = spec.kind === 'secretary-poll';
  const [fields, setFields] = useState<Record<string, string>>({ collected: collected?.toString() ?? '', signedBy: head ?? '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const set = (key: string, value: string): void => setFields((f) => ({ ...f, [key]: value }));
  const number = (key: string): number | null => whole((fields[key] ?? '') === '' ? '0' : fields[key] ?? '0');
  const keys = ['collected', ...INVALID_REASONS.map((r) => `invalid:${r}`), ...spec.candidates.map((c) => `votes:${c.id}`), ...(poll ? ['blank', 'unrecognized'] : [])];
  const bad = keys.filter((k) => (fields[k] ?? '') !== '' && whole(fields[k] ?? '') === null);
  const missing = keys.filter((k) => (k === 'collected' || k.startsWith('votes:')) && (fields[k] ?? '').trim() === '');
  const signed = (fields['signedBy'] ?? '').trim() !== '';
  const why = bad.length > 0 ? t('counting.hand.notNumbers') : missing.length > 0 ? t('counting.hand.missing') : !signed ? t('counting.hand.needSigner') : null;

  const totals = (): HandTotals => ({
    collected: number('collected') ?? 0,
    invalidByReason: Object.fromEntries(INVALID_REASONS.map((r): [string, number] => [r, number(`invalid:${r}`) ?? 0]).filter(([, n]) => n !== 0)),
    votes: spec.candidates.map((c) => ({ candidateId: c.id, votes: number(`votes:${c.id}`) ?? 0 })),
    ...(poll ? { blank: number('blank') ?? 0, unrecognized: number('unrecognized') ?? 0 } : {}),
    signedBy: (fields['signedBy'] ?? '').trim(),
  });
  const submit = (e: SubmitEvent): void => {
    e.preventDefault();
    if (why === null) setConfirming(true);
  };
  const send = async (): Promise<void> => {
    setConfirming(false);
    const r = await onSend(totals());
    setError(r.ok ? null : r.error);
  };
  const input = (key: string, label: string) => (
    <label className="field" key={key}>
      <span>{label}</span>
      <input inputMode="numeric" value={fields[key] ?? ''} onChange={(e) => set(key, e.target.value)} aria-invalid={bad.includes(key)} />
    </label>
  );
  return (
    <form className="hand-count" onSubmit={submit} aria-labelledby="hand-count-title">
      <h2 id="hand-count-title">{t('counting.hand.title')}</h2>
      <p className="muted">{t('counting.hand.explain')}</p>
      {input('collected', t('counting.hand.collected'))}
      <fieldset>
        <legend>{t('counting.hand.invalid')}</legend>
        {INVALID_REASONS.map((r) => input(`invalid:${r}`, en ? INVALID_REASON_LABELS[r].en : INVALID_REASON_LABELS[r].vi))}
      </fieldset>
      <fieldset>
        <legend>{t('counting.hand.votes')}</legend>
        {spec.candidates.map((c, i) => input(`votes:${c.id}`, `${i + 1}. ${c.name}`))}
        {poll && input('blank', t('counting.hand.blank'))}
        {poll && input('unrecognized', t('counting.hand.unrecognized'))}
      </fieldset>
      <label className="field">
        <span>{t('counting.hand.signedBy')}</span>
        <input value={fields['signedBy'] ?? ''} onChange={(e) => set('signedBy', e.target.value)} />
      </label>
      <button type="submit" className="button primary" disabled={why !== null}>{t('counting.hand.send')}</button>
      {why !== null && <p className="muted" role="status">{why}</p>}
      {confirming && (
        <div role="alertdialog" aria-labelledby="hand-count-confirm" className="confirm">
          <p id="hand-count-confirm">{t('counting.hand.confirm', { collected: formatInteger(number('collected') ?? 0), head: (fields['signedBy'] ?? '').trim() })}</p>
          <button type="button" className="button primary" onClick={() => void send()}>{t('counting.hand.confirmYes')}</button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
};
