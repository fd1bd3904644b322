/** Messages to and from the camera's helper thread (photo-worker.ts), and the grey copy of a frame it is sent. */

export interface PhotoCheckRequest {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  readonly grey: Uint8Array;
  /** Photo pixels per pixel of this copy (the shot is judged at its own size). */
  readonly scale: number;
}

export interface PhotoCheck {
  readonly id: number;
  /** The four marks were found. */
  readonly seen: boolean;
  /** Mark centres in pixels of the copy, in the layout's order (top left, top right, bottom left, bottom right). */
  readonly corners: readonly { readonly x: number; readonly y: number }[] | null;
  /** Why this shot would be refused (Vietnamese), or null. */
  readonly refusal: string | null;
  /** Read, but better taken closer (low resolution; Vietnamese), or null. */
  readonly notice: string | null;
}

/** A grey copy of `source` whose long side is at most `long` pixels (luminance, ITU-R BT.601 as the server's). */
export const greyCopy = (source: CanvasImageSource, width: number, height: number, long: number): { width: number; height: number; grey: Uint8Array; scale: number } => {
  const scale = Math.max(1, Math.max(width, height) / long);
  const w = Math.max(1, Math.round(width / scale));
  const h = Math.max(1, Math.round(height / scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) return { width: w, height: h, grey: new Uint8Array(w * h).fill(255), scale };
  ctx.drawImage(source, 0, 0, w, h);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const grey = new Uint8Array(w * h);
  for (let i = 0, k = 0; i < grey.length; i++, k += 4) grey[i] = (77 * rgba[k]! + 150 * rgba[k + 1]! + 29 * rgba[k + 2]! + 128) >> 8;
  return { width: w, height: h, grey, scale };
};
