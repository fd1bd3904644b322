/**
 * Reads QR codes from the camera in the browser: getUserMedia, one frame per animation frame drawn to a canvas
 * and handed to jsQR. The same code is reported again only after `repeatMs`, so a card held in front of the
 * camera is read once.
 */
import jsQR from 'jsqr';
import { useEffect, useRef, useState, type RefObject } from 'react';

export type ScannerStatus = 'starting' | 'scanning' | 'denied' | 'unavailable' | 'stopped';

const MAX_WIDTH = 640;

export const useQrScanner = (
  enabled: boolean,
  onCode: (code: string) => void,
  repeatMs = 3000,
): { readonly videoRef: RefObject<HTMLVideoElement | null>; readonly status: ScannerStatus } => {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [status, setStatus] = useState<ScannerStatus>('stopped');
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    if (!enabled) {
      setStatus('stopped');
      return;
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined on plain http outside localhost
    if (navigator.mediaDevices?.getUserMedia === undefined) {
      setStatus('unavailable');
      return;
    }
    let stream: MediaStream | null = null;
    let frame = 0;
    let stopped = false;
    let last = { code: '', at: 0 };
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const tick = (): void => {
      if (stopped) return;
      const video = videoRef.current;
      if (video !== null && context !== null && video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        const scale = Math.min(1, MAX_WIDTH / video.videoWidth);
        const w = Math.round(video.videoWidth * scale);
        const h = Math.round(video.videoHeight * scale);
        if (canvas.width !== w) canvas.width = w;
        if (canvas.height !== h) canvas.height = h;
        context.drawImage(video, 0, 0, w, h);
        const image = context.getImageData(0, 0, w, h);
        const found = jsQR(image.data, w, h, { inversionAttempts: 'dontInvert' });
        const now = performance.now();
        if (found !== null && found.data !== '' && (found.data !== last.code || now - last.at > repeatMs)) {
          last = { code: found.data, at: now };
          onCodeRef.current(found.data);
        }
      }
      frame = requestAnimationFrame(tick);
    };

    setStatus('starting');
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false })
      .then(async (s) => {
        if (stopped) {
          s.getTracks().forEach((t) => t.stop());
          return;
        }
        stream = s;
        const video = videoRef.current;
        if (video !== null) {
          video.srcObject = s;
          video.muted = true;
          video.playsInline = true;
          await video.play().catch(() => undefined);
        }
        setStatus('scanning');
        frame = requestAnimationFrame(tick);
      })
      .catch((e: unknown) => {
        if (!stopped) setStatus(e instanceof DOMException && e.name === 'NotAllowedError' ? 'denied' : 'unavailable');
      });
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [enabled, repeatMs]);

  return { videoRef, status };
};
