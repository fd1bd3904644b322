/**
 * The check-in desk: it names its congress, the session it checks in for and itself ("Bàn 1"); camera (when the
 * device has one) or search; then a sound and a big answer in the colour of its case; attendance follows live.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import type { CheckinOutcome } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useRouter } from '../app/router.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { AttendancePanel } from '../hall/AttendancePanel.tsx';
import { QrScanner } from '../qr/QrScanner.tsx';
import { useHasCamera } from '../qr/useHasCamera.ts';
import { parseCardPayload } from '../signin/card-payload.ts';
import { beep } from './beep.ts';
import { CheckinConfirmation } from './CheckinConfirmation.tsx';
import { CheckinRecord } from './CheckinRecord.tsx';
import { checkIn, confirmationOf, isRepeat, loadDesk, type Confirmation } from './desk-data.ts';
import { DelegateSearch } from './DelegateSearch.tsx';

const notACard: CheckinOutcome = {
  ok: false, code: 'card.unreadable', message_vi: 'Mã QR này không phải thẻ đại biểu của đại hội này.', message_en: 'This QR code is not a delegate card of this congress.',
};
const DESK_KEY = 'daihoi.desk';

const storedDesk = (): string | null => {
  try {
    return window.localStorage.getItem(DESK_KEY);
  } catch {
    return null;
  }
};

const CheckinDesk = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const { congress } = me;
  const { search } = useRouter();
  const hasCamera = useHasCamera();
  const [cameraWanted, setCameraWanted] = useState(true);
  const [desk, setDesk] = useState<string>(() => search.get('desk') ?? storedDesk() ?? t('checkin.defaultDesk'));
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const lastCard = useRef<{ token: string; at: number } | null>(null);
  const info = useLiveResource(congress, () => api.getCongress({ params: { code: congress } }), ['congress']);
  const attendance = useLiveResource(congress, () => api.attendance({ params: { code: congress } }), ['attendance', 'delegates', 'current-item']);
  const rows = useLiveResource(congress, () => loadDesk(api, congress), ['attendance', 'delegates', 'current-item']);
  const camera = hasCamera === true && cameraWanted;
  const deskName = desk.trim() === '' ? t('checkin.defaultDesk') : desk.trim();

  const show = (outcome: CheckinOutcome): void => {
    beep(outcome.ok);
    setConfirmation(confirmationOf(outcome));
    attendance.reload();
    rows.reload();
  };
  const onCode = (code: string): void => {
    const card = parseCardPayload(code);
    if (card === null || (card.congress !== null && card.congress !== congress)) {
      show(notACard);
      return;
    }
    // The same card still in front of the camera: answered already, nothing to do.
    if (isRepeat(lastCard.current, card.token, Date.now())) return;
    lastCard.current = { token: card.token, at: Date.now() };
    void checkIn(api, congress, { cardToken: card.token }, deskName).then(show);
  };
  const setDeskName = (name: string): void => {
    setDesk(name);
    try {
      window.localStorage.setItem(DESK_KEY, name);
    } catch {
      // A private window keeps the name for this page only.
    }
  };

  const session = attendance.data?.session ?? null;
  const heading = attendance.data === null ? t('common.loading') : session === null ? t('checkin.noSession')
    : t(session.freshCheckin ? 'checkin.forFresh' : 'checkin.forCongress', { desk: deskName, session: session.title });
  return (
    <div className="checkin">
      <header className="desk-heading">
        <h1 data-testid="desk-heading">{heading}</h1>
        {info.data !== null && <p className="muted">{info.data.organisationName} · {t('hall.congressTitle', { ordinal: info.data.ordinal, start: info.data.termStartYear, end: info.data.termEndYear })}</p>}
        <label className="field inline">
          <span>{t('checkin.deskLabel')}</span>
          <input value={desk} maxLength={50} onChange={(e) => setDeskName(e.target.value)} data-testid="desk-name" />
        </label>
      </header>
      <div className="checkin-input">
        <div className="row">
          <h2>{t('checkin.scanTitle')}</h2>
          {hasCamera === true && (
            <button type="button" className="button subtle" aria-pressed={cameraWanted} onClick={() => setCameraWanted((c) => !c)}>
              {cameraWanted ? t('checkin.cameraOff') : t('checkin.cameraOn')}
            </button>
          )}
        </div>
        {hasCamera === false && <p className="muted" data-testid="no-camera">{t('checkin.noCamera')}</p>}
        {camera && <QrScanner enabled={camera} label={t('checkin.cameraLabel')} onCode={onCode} />}
        <DelegateSearch delegates={rows.data ?? []}
          onPick={(row) => void checkIn(api, congress, { delegateId: row.delegate.id }, deskName).then(show)} />
      </div>
      <div className="checkin-output">
        <CheckinConfirmation confirmation={confirmation} />
        {attendance.data !== null && <AttendancePanel attendance={attendance.data} compact />}
        {(can(me, API.voidCheckin) || can(me, API.leaveCheckin)) && <CheckinRecord />}
      </div>
    </div>
  );
};

export default CheckinDesk;
