/**
 * A page as a scanner set to grey writes it: a one-channel PNG, lossless, for the tests that upload scans. Said as one
 * channel outright: sharp writes raw one-channel pixels as an RGB PNG otherwise (three times larger).
 */
import sharp from 'sharp';
import type { GreyImage } from '../image.ts';

export const greyPngFile = (img: GreyImage, level = 1): Promise<Buffer> =>
  sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } }).toColourspace('b-w')
    .png({ compressionLevel: level, adaptiveFiltering: false }).toBuffer();
