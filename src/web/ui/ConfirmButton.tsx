/**
 * The one button for a step of consequence: disabled with the reason said beside it (never greyed in silence), and,
 * for an irreversible step, a confirmation dialog saying what will happen before anything is sent. The dialog can
 * ask for a reason (a void, a take-over, an override): the step is not sent without one.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export interface ConfirmSpec {
  /** What will happen, in a sentence the reader understands (Vietnamese first through i18n). */
  readonly message: ReactNode;
  /** The label of the confirming button ("Bắt đầu bỏ phiếu"). */
  readonly yes: string;
  /** Ask for a reason, with this label; the reason is passed to `onConfirm`. */
  readonly reasonLabel?: string;
}

/** A disabled control says why: this is the reason line under it (one definition for every screen). */
export const DisabledReason = ({ reason, id }: { readonly reason: string | null; readonly id?: string }) =>
  reason === null ? null : <span className="disabled-reason muted" id={id} role="note">{reason}</span>;

export const ConfirmButton = ({ label, onConfirm, confirm, disabledReason = null, className = 'button', testId }: {
  readonly label: ReactNode;
  readonly onConfirm: (reason: string) => Promise<ApiResult<unknown>> | undefined;
  /** Null: the step is reversible and is sent at once. */
  readonly confirm: ConfirmSpec | null;
  readonly disabledReason?: string | null;
  readonly className?: string;
  readonly testId?: string;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [open]);
  const send = async (): Promise<void> => {
    setBusy(true);
    const r = await onConfirm(reason.trim());
    setBusy(false);
    if (r !== undefined && !r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setOpen(false);
    setReason('');
  };
  const needsReason = confirm?.reasonLabel !== undefined;
  return (
    <span className="confirm-button">
      <button type="button" className={className} disabled={disabledReason !== null || busy} data-testid={testId}
        aria-describedby={disabledReason === null ? undefined : `${id}-why`}
        onClick={() => (confirm === null ? void send() : setOpen(true))}>
        {label}
      </button>
      <DisabledReason reason={disabledReason} id={`${id}-why`} />
      {confirm === null && error !== null && <ErrorMessage error={error} />}
      {confirm !== null && (
        <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${id}-what`} onClose={() => setOpen(false)}>
          <p id={`${id}-what`} className="confirm-what">{confirm.message}</p>
          {needsReason && (
            <label className="field" htmlFor={`${id}-reason`}>
              <span>{confirm.reasonLabel}</span>
              <textarea id={`${id}-reason`} value={reason} rows={2} onChange={(e) => setReason(e.target.value)} />
            </label>
          )}
          {error !== null && <ErrorMessage error={error} />}
          <div className="row">
            <button type="button" className="button primary" disabled={busy || (needsReason && reason.trim() === '')} onClick={() => void send()}>
              {confirm.yes}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
          </div>
          {needsReason && reason.trim() === '' && <DisabledReason reason={t('common.reasonRequired')} />}
        </dialog>
      )}
    </span>
  );
};
