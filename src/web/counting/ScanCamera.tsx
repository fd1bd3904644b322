/**
 * "Chụp ảnh": ballots photographed with the device's rear camera where there is no scanner — one ballot per shot.
 * The live picture is outlined green once the four registration marks are seen (found by photo-worker.ts on a
 * shrunk frame, off the page's thread); a shot too small, too skewed or without its four marks is refused at once
 * with the reason, and a shot read below 180 dpi is told at once that a closer one reads better; a shot is the
 * camera's full-resolution photo where the browser takes one (still-capture.ts), else the video frame. Each shot is
 * then read at once by the server (`checkShot`) as the batch's reading will read it: one it refuses (blurred, a mark
 * cut off…) is not queued — the board takes it again while the ballot is in hand, or keeps it for the board to look
 * at; the shots are queued in order and handed to the scan panel, which uploads them as the batch.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShotCheck } from '../../api/scan.ts';
import { formatInteger } from '../../locale/vi.ts';
import type { ApiResult } from '../api/client.ts';
import { greyCopy, type PhotoCheck, type PhotoCheckRequest } from './photo-check.ts';
import { photoBeatsFrame, stillCameraOf, takeStill } from './still-capture.ts';

export interface ScanCameraProps {
  /** Ballots in the batch (how many shots are expected). */
  readonly total: number;
  readonly disabled: boolean;
  /** The shots so far, in order, as JPEG files (anh-001.jpg, …). */
  readonly onShots: (files: readonly File[]) => void;
  /** Reads one shot at once on the server: its refusal, or null. */
  readonly check: (shot: File) => Promise<ApiResult<ShotCheck>>;
}

/** The long side of the frame copy looked at live, and of the copy a shot is judged on. */
const LIVE_LONG = 640;
const SHOT_LONG = 1000;

export const ScanCamera = ({ total, disabled, onShots, check }: ScanCameraProps) => {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const [live, setLive] = useState<PhotoCheck | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [shots, setShots] = useState<File[]>([]);
  const [checking, setChecking] = useState(false);
  /** A shot the server refused, kept aside: taken again, or kept for the board. */
  const [refused, setRefused] = useState<File | null>(null);
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const overlayRef = useRef<HTMLCanvasElement | null>(null);
  const workerRef = useRef<Worker | null>(null);
  const trackRef = useRef<MediaStreamTrack | undefined>(undefined);
  const waiting = useRef(new Map<number, (c: PhotoCheck) => void>());
  const nextId = useRef(0);

  const ask = (copy: Omit<PhotoCheckRequest, 'id'>): Promise<PhotoCheck> => new Promise((resolve) => {
    const id = ++nextId.current;
    waiting.current.set(id, resolve);
    workerRef.current?.postMessage({ ...copy, id } satisfies PhotoCheckRequest, [copy.grey.buffer]);
  });

  useEffect(() => {
    if (!open) return undefined;
    let stream: MediaStream | null = null;
    let stopped = false;
    let busy = false;
    const worker = new Worker(new URL('./photo-worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = worker;
    worker.onmessage = (e: MessageEvent<PhotoCheck>) => {
      const resolve = waiting.current.get(e.data.id);
      waiting.current.delete(e.data.id);
      resolve?.(e.data);
    };
    const look = async (): Promise<void> => {
      const video = videoRef.current;
      if (stopped || busy || video === null || video.videoWidth === 0) return;
      busy = true;
      const copy = greyCopy(video, video.videoWidth, video.videoHeight, LIVE_LONG);
      const seen = await ask(copy);
      busy = false;
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the clean-up while the worker looked
      if (stopped) return;
      setLive(seen);
      const canvas = overlayRef.current;
      if (canvas === null) return;
      const ctx = canvas.getContext('2d');
      if (ctx === null) return;
      canvas.width = copy.width;
      canvas.height = copy.height;
      ctx.clearRect(0, 0, copy.width, copy.height);
      if (seen.corners === null) return;
      const [a, b, c, d] = seen.corners as [{ x: number; y: number }, { x: number; y: number }, { x: number; y: number }, { x: number; y: number }];
      ctx.strokeStyle = seen.refusal === null ? '#1a9a3a' : '#c0392b';
      ctx.lineWidth = 4;
      ctx.beginPath();
      ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.lineTo(d.x, d.y); ctx.lineTo(c.x, c.y); ctx.closePath();
      ctx.stroke();
    };
    const timer = setInterval(() => void look(), 250);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined on plain http outside localhost
    if (navigator.mediaDevices?.getUserMedia === undefined) setFailed(true);
    else {
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 3840 }, height: { ideal: 2160 } }, audio: false })
        .then((s) => {
          if (stopped) { s.getTracks().forEach((tr) => tr.stop()); return; }
          stream = s;
          trackRef.current = s.getVideoTracks()[0];
          const video = videoRef.current;
          if (video !== null) { video.srcObject = s; void video.play().catch(() => undefined); }
        })
        .catch(() => setFailed(true));
    }
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
      trackRef.current = undefined;
      worker.terminate();
      workerRef.current = null;
      waiting.current.clear();
    };
  }, [open]);

  const shoot = async (): Promise<void> => {
    const video = videoRef.current;
    if (video === null || video.videoWidth === 0) return;
    // The camera's full-resolution photo where the browser takes one (still-capture.ts), else the video frame.
    const still = await takeStill(stillCameraOf(trackRef.current));
    const photo = still.kind === 'photo' ? await createImageBitmap(still.blob).catch(() => null) : null;
    const frame = { width: video.videoWidth, height: video.videoHeight };
    const source = photo !== null && photoBeatsFrame(photo, frame) ? photo : null;
    const canvas = document.createElement('canvas');
    canvas.width = source?.width ?? frame.width;
    canvas.height = source?.height ?? frame.height;
    canvas.getContext('2d')?.drawImage(source ?? video, 0, 0);
    photo?.close();
    const judged = await ask(greyCopy(canvas, canvas.width, canvas.height, SHOT_LONG));
    if (!judged.seen || judged.refusal !== null) {
      setRefusal(judged.refusal ?? t('scan.photo.looking'));
      setNotice(null);
      return;
    }
    setNotice(judged.notice);
    // The camera's own JPEG is sent as it is (no second compression); a frame or another format is encoded here.
    const blob = source !== null && still.kind === 'photo' && still.blob.type === 'image/jpeg' ? still.blob
      : await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
    if (blob === null) return;
    const file = new File([blob], `anh-${String(shots.length + 1).padStart(3, '0')}.jpg`, { type: 'image/jpeg' });
    setRefusal(null);
    setRefused(null);
    setChecking(true);
    const checked = await check(file);
    setChecking(false);
    if (checked.ok && checked.value.refusal !== null) {
      setRefusal(i18n.language === 'en' ? checked.value.refusal.message_en : checked.value.refusal.message_vi);
      setRefused(file);
      setNotice(null);
      return;
    }
    if (!checked.ok) setNotice(t('scan.photo.notChecked'));
    queue(file);
  };

  const queue = (file: File): void => {
    setRefusal(null);
    setRefused(null);
    const next = [...shots, file];
    setShots(next);
    onShots(next);
  };

  const dropLast = (): void => {
    const next = shots.slice(0, -1);
    setShots(next);
    onShots(next);
  };

  const ready = live?.seen === true && live.refusal === null;
  return (
    <div className="scan-camera" data-testid="scan-camera">
      <h3>{t('scan.photo.title')}</h3>
      <p className="muted">{t('scan.photo.intro')}</p>
      {!open && <button type="button" className="button" disabled={disabled} onClick={() => { setOpen(true); setFailed(false); }}>{t('scan.photo.open')}</button>}
      {open && (
        <>
          {failed && <p className="error" role="alert">{t('scan.photo.noCamera')}</p>}
          <div className="scan-camera-view" style={{ position: 'relative', maxWidth: '32rem' }}>
            <video ref={videoRef} playsInline muted style={{ width: '100%', display: 'block' }} />
            <canvas ref={overlayRef} style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none' }} />
          </div>
          <p role="status" data-testid="camera-status" className={ready ? 'ok-text' : 'muted'}>
            {ready ? t('scan.photo.seen') : live?.refusal ?? t('scan.photo.looking')}
          </p>
          <button type="button" className="button primary" disabled={disabled || failed || checking} onClick={() => void shoot()}>{t('scan.photo.shoot')}</button>
          {checking && <p className="muted" role="status" data-testid="shot-checking">{t('scan.photo.checking')} {t('scan.photo.checkingWhy')}</p>}
          <button type="button" className="button" onClick={() => setOpen(false)}>{t('scan.photo.close')}</button>
        </>
      )}
      {refusal !== null && <p className="error" role="alert" data-testid="shot-refused">{t('scan.photo.refused', { reason: refusal })}</p>}
      {refused !== null && <button type="button" className="button" disabled={disabled} onClick={() => queue(refused)}>{t('scan.photo.keepAnyway')}</button>}
      {notice !== null && refusal === null && <p className="muted" role="status" data-testid="shot-notice">{notice}</p>}
      {shots.length > 0 && (
        <p data-testid="shots-queued">
          {t('scan.photo.queued', { n: formatInteger(shots.length), total: formatInteger(total) })}{' '}
          <button type="button" className="button link" disabled={disabled} onClick={dropLast}>{t('scan.photo.removeLast')}</button>
        </p>
      )}
    </div>
  );
};
