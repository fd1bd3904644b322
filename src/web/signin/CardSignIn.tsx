import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, Principal } from '../api/types.ts';
import { QrScanner } from '../qr/QrScanner.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { parseCardPayload } from './card-payload.ts';

const notACard: ApiError = {
  code: 'card.unreadable',
  message_vi: 'Mã QR này không phải thẻ đại biểu.',
  message_en: 'This QR code is not a delegate card.',
};

/** A delegate holds their card in front of the phone's camera. */
export const CardSignIn = ({ onCard }: { readonly onCard: (congress: string, token: string) => Promise<ApiResult<Principal>> }) => {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const onCode = (code: string): void => {
    if (busy) return;
    const card = parseCardPayload(code);
    const congress = card?.congress ?? new URLSearchParams(window.location.search).get('congress');
    if (card === null || congress === null) {
      setError(notACard);
      return;
    }
    setBusy(true);
    void onCard(congress, card.token).then((r) => {
      setBusy(false);
      setError(r.ok ? null : r.error);
    });
  };
  return (
    <div className="card-signin">
      <p>{t('signin.cardHelp')}</p>
      <QrScanner enabled={!busy} onCode={onCode} label={t('signin.cardCamera')} />
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
};
