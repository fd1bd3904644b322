/** A decoded page: 8-bit grey, one byte per pixel, rows top to bottom (0 = black, 255 = white). */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export const greyImage = (width: number, height: number, fill = 255): GreyImage => {
  const data = new Uint8Array(width * height);
  if (fill !== 0) data.fill(fill);
  return { width, height, data };
};

/** `img` made `f` times smaller each way, each pixel the mean of the f × f it covers (the last partial ones dropped). */
export const shrinkByMean = (img: GreyImage, f: number): GreyImage => {
  const out = greyImage(Math.floor(img.width / f), Math.floor(img.height / f), 0);
  shrinkByMeanInto(img, f, out.data, 0, out.width);
  return out;
};

/** shrinkByMean's pixels written into `data`, row y from data[at + y · stride] (an image made elsewhere). */
export const shrinkByMeanInto = (img: GreyImage, f: number, data: Uint8Array, at: number, stride: number): void => {
  const width = Math.floor(img.width / f);
  const height = Math.floor(img.height / f);
  const sums = new Uint32Array(width);
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < f; dy++) {
      const from = (y * f + dy) * img.width;
      for (let x = 0; x < width; x++) for (let dx = 0; dx < f; dx++) sums[x]! += img.data[from + x * f + dx]!;
    }
    for (let x = 0; x < width; x++) data[at + y * stride + x] = Math.round(sums[x]! / (f * f));
  }
};

/** quantile's histogram, kept from one call to the next. */
const counts = new Uint32Array(256);

/** The value at the `q`-quantile (0–1) of a sample of the pixels in a rectangle: the paper level when q ≈ 0.9. */
export const quantile = (img: GreyImage, x0: number, y0: number, w: number, h: number, q: number): number => {
  const hist = counts.fill(0);
  const xs = Math.max(0, Math.floor(x0));
  const ys = Math.max(0, Math.floor(y0));
  const xe = Math.min(img.width, Math.ceil(x0 + w));
  const ye = Math.min(img.height, Math.ceil(y0 + h));
  const step = Math.max(1, Math.floor(Math.sqrt(((xe - xs) * (ye - ys)) / 4096)));
  let n = 0;
  for (let y = ys; y < ye; y += step) {
    for (let x = xs; x < xe; x += step) {
      hist[img.data[y * img.width + x]!]!++;
      n++;
    }
  }
  return n === 0 ? 255 : histogramQuantile(hist, n, q);
};

/** The value at the `q`-quantile (0–1) of a histogram of grey levels holding `n` values (255 when q·n is not reached). */
export const histogramQuantile = (hist: Uint32Array, n: number, q: number): number => {
  const target = q * n;
  let acc = 0;
  for (let v = 0; v < hist.length; v++) {
    acc += hist[v]!;
    if (acc >= target) return v;
  }
  return 255;
};
