/**
 * The camera's helper thread: finds the four registration marks on a shrunk video frame or a shot
 * (src/scan/photo-marks.ts, the server's own code) and judges the shot — too small, too skewed — so the screen
 * turns green when the ballot is seen and a bad shot is refused at once with the reason.
 */
import { findPhotoMarks, judgeShot, lowResolution, type PaperSize } from '../../scan/photo-marks.ts';
import type { PhotoCheck, PhotoCheckRequest } from './photo-check.ts';

/** A4 first, then A5: the console does not know the round's paper. */
const PAPERS: readonly PaperSize[] = [{ width: 595.28, height: 841.89 }, { width: 419.53, height: 595.28 }];

const check = (m: PhotoCheckRequest): PhotoCheck => {
  const img = { width: m.width, height: m.height, data: m.grey };
  let first: PhotoCheck | null = null;
  for (const paper of PAPERS) {
    const found = findPhotoMarks(img, paper);
    if (!found.ok) {
      first ??= { id: m.id, seen: false, corners: null, refusal: found.error.message_vi, notice: null };
      continue;
    }
    const judged = judgeShot({ ...found.value, pxPerPt: found.value.pxPerPt * m.scale });
    const low = judged.ok ? lowResolution(judged.value) : null;
    return { id: m.id, seen: true, corners: found.value.marks, refusal: judged.ok ? null : judged.error.message_vi, notice: low?.message_vi ?? null };
  }
  return first!;
};

self.onmessage = (e: MessageEvent<PhotoCheckRequest>) => {
  self.postMessage(check(e.data));
};
