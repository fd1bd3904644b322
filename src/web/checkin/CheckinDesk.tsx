/** The check-in desk: camera or search, then a sound and a big confirmation; attendance follows live. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinOutcome } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { AttendancePanel } from '../hall/AttendancePanel.tsx';
import { QrScanner } from '../qr/QrScanner.tsx';
import { parseCardPayload } from '../signin/card-payload.ts';
import { beep } from './beep.ts';
import { CheckinConfirmation } from './CheckinConfirmation.tsx';
import { checkIn, confirmationOf, loadDesk, type Confirmation } from './desk-data.ts';
import { DelegateSearch } from './DelegateSearch.tsx';

const DESK = 'web';

const notACard: CheckinOutcome = { ok: false, message_vi: 'Mã QR này không phải thẻ đại biểu.', message_en: 'This QR code is not a delegate card.' };

const CheckinDesk = () => {
  const { t } = useTranslation();
  const api = useApi();
  const { congress } = useMe();
  const [camera, setCamera] = useState(true);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const attendance = useLiveResource(congress, () => api.attendance({ params: { code: congress } }), ['attendance', 'delegates']);
  const desk = useLiveResource(congress, () => loadDesk(api, congress), ['attendance', 'delegates']);

  const show = (outcome: CheckinOutcome): void => {
    beep(outcome.ok);
    setConfirmation(confirmationOf(outcome, desk.data ?? []));
    attendance.reload();
    desk.reload();
  };
  const onCode = (code: string): void => {
    const card = parseCardPayload(code);
    if (card === null || (card.congress !== null && card.congress !== congress)) show(notACard);
    else void checkIn(api, congress, { cardToken: card.token }, DESK).then(show);
  };

  return (
    <div className="checkin">
      <h1 className="visually-hidden">{t('screens.checkin')}</h1>
      <div className="checkin-input">
        <div className="row">
          <h2>{t('checkin.scanTitle')}</h2>
          <button type="button" className="button subtle" aria-pressed={camera} onClick={() => setCamera((c) => !c)}>
            {camera ? t('checkin.cameraOff') : t('checkin.cameraOn')}
          </button>
        </div>
        {camera && <QrScanner enabled={camera} label={t('checkin.cameraLabel')} onCode={onCode} />}
        <DelegateSearch delegates={desk.data ?? []}
          onPick={(row) => void checkIn(api, congress, { delegateId: row.delegate.id }, DESK).then(show)} />
      </div>
      <div className="checkin-output">
        <CheckinConfirmation confirmation={confirmation} />
        {attendance.data !== null && <AttendancePanel attendance={attendance.data} compact />}
      </div>
    </div>
  );
};

export default CheckinDesk;
