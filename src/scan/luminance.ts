/**
 * The grey of an 8-bit RGB pixel by ITU-R BT.601, with the very arithmetic of libvips' recomb and cast (the sum in
 * double, rounded to a float, truncated by the caller's Uint8Array), so that a colour page gives the reader the same
 * grey levels whichever way it was decoded.
 */
export const greyOf = (r: number, g: number, b: number): number => Math.fround(0.299 * r + 0.587 * g + 0.114 * b);

/** The grey of 8-bit RGB pixels (`greyOf`), one byte a pixel. */
export const luminance = (rgb: Uint8Array): Uint8Array => {
  const out = new Uint8Array(Math.floor(rgb.length / 3));
  const n = out.length;
  for (let i = 0, k = 0; i < n; i++, k += 3) out[i] = greyOf(rgb[k]!, rgb[k + 1]!, rgb[k + 2]!);
  return out;
};
