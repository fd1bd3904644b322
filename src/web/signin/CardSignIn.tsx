import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeCardCode } from '../../api/card-code.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, Principal } from '../api/types.ts';
import { QrScanner } from '../qr/QrScanner.tsx';
import { useHasCamera } from '../qr/useHasCamera.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { parseCardPayload } from './card-payload.ts';

const notACard: ApiError = {
  code: 'card.unreadable',
  message_vi: 'Mã QR này không phải thẻ đại biểu.',
  message_en: 'This QR code is not a delegate card.',
};

/** How the card identifies its delegate: the congress and token of its QR code, the token alone, or the typed code. */
export type CardCredential =
  | { readonly kind: 'card'; readonly congress: string; readonly token: string }
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'code'; readonly code: string };

/**
 * A delegate signs in with their card, from any sign-in page: by holding its QR code in front of the camera (it names
 * the congress; a card printed with the token alone is found by the token, unique on the server), or by typing the
 * code printed under it.
 */
export const CardSignIn = ({ onCard }: { readonly onCard: (card: CardCredential) => Promise<ApiResult<Principal>> }) => {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [typed, setTyped] = useState('');
  const hasCamera = useHasCamera();
  const send = (card: CardCredential): void => {
    setBusy(true);
    void onCard(card).then((r) => {
      setBusy(false);
      setError(r.ok ? null : r.error);
    });
  };
  const onCode = (code: string): void => {
    if (busy) return;
    const card = parseCardPayload(code);
    if (card === null) {
      setError(notACard);
      return;
    }
    const congress = card.congress ?? new URLSearchParams(window.location.search).get('congress');
    send(congress === null ? { kind: 'token', token: card.token } : { kind: 'card', congress, token: card.token });
  };
  const submit = (e: SubmitEvent): void => {
    e.preventDefault();
    const code = normalizeCardCode(typed);
    if (code === null) {
      setError({ code: 'card.code-malformed', message_vi: t('signin.codeMalformed'), message_en: t('signin.codeMalformed') });
      return;
    }
    send({ kind: 'code', code });
  };
  return (
    <div className="card-signin">
      <p>{t('signin.cardHelp')}</p>
      {hasCamera === false ? <p className="muted" data-testid="no-camera">{t('scanner.unavailable')}</p>
        : <QrScanner enabled={!busy && hasCamera === true} onCode={onCode} label={t('signin.cardCamera')} />}
      <form className="form card-code-form" onSubmit={submit}>
        <p>{t('signin.codeHelp')}</p>
        <label className="field" htmlFor={id}>{t('signin.codeLabel')}</label>
        <input id={id} name="card-code" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoCapitalize="characters"
          spellCheck={false} maxLength={16} placeholder="ABCDE-FGHJK" required />
        <button type="submit" className="button primary" disabled={busy}>{t('signin.codeSubmit')}</button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
};
