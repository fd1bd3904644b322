import { useTranslation } from 'react-i18next';
import { useQrScanner } from './useQrScanner.ts';

/** The camera view with its status line; reports each QR code read. */
export const QrScanner = ({ enabled, onCode, label }: {
  readonly enabled: boolean;
  readonly onCode: (code: string) => void;
  readonly label: string;
}) => {
  const { t } = useTranslation();
  const { videoRef, status } = useQrScanner(enabled, onCode);
  return (
    <figure className="qr-scanner">
      <video ref={videoRef} aria-label={label} muted playsInline />
      <figcaption role="status" className={`scanner-status scanner-${status}`}>{t(`scanner.${status}`)}</figcaption>
    </figure>
  );
};
