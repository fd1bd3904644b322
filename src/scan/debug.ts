/**
 * A debug image of what the reader saw: the sheet upright (through the registration map) with every row
 * outlined by its reading — struck red, kept green, partly struck purple, uncertain orange — and the seal's rim blue when a seal was
 * seen, orange when unclear (or its corner orange when no ring was found). For the board's screen and for whoever tunes the reader.
 */
import sharp from 'sharp';
import type { Box } from '../documents/ballot-layout.ts';
import type { ScanTarget } from './form.ts';
import type { GreyImage } from './image.ts';
import type { RowReading } from './read-rows.ts';
import { samplePage } from './sample.ts';
import type { Circle } from './seal.ts';
import type { SheetOutcome } from './sheet.ts';

type Rgb = readonly [number, number, number];
const RED: Rgb = [220, 30, 30];
const GREEN: Rgb = [20, 160, 60];
const ORANGE: Rgb = [240, 140, 0];
const BLUE: Rgb = [30, 80, 220];
const PURPLE: Rgb = [150, 40, 180];
const PER_POINT = 1.5;

const colourOf = (r: RowReading): Rgb => {
  if (r.kind === 'strike') return r.state === 'struck' ? RED : r.state === 'kept' ? GREEN : r.state === 'partial' ? PURPLE : ORANGE;
  return r.mark === null ? ORANGE : r.mark === 'agree' ? GREEN : r.mark === 'disagree' ? RED : BLUE;
};

const outline = (rgb: Uint8Array, w: number, h: number, b: Box, c: Rgb): void => {
  const x0 = Math.max(0, Math.round(b.x * PER_POINT));
  const y0 = Math.max(0, Math.round(b.y * PER_POINT));
  const x1 = Math.min(w - 1, Math.round((b.x + b.width) * PER_POINT));
  const y1 = Math.min(h - 1, Math.round((b.y + b.height) * PER_POINT));
  const put = (x: number, y: number): void => { rgb.set(c, (y * w + x) * 3); };
  for (let x = x0; x <= x1; x++) { put(x, y0); put(x, y1); }
  for (let y = y0; y <= y1; y++) { put(x0, y); put(x1, y); }
};

const ring = (rgb: Uint8Array, w: number, h: number, c: Circle, colour: Rgb): void => {
  for (let a = 0; a < 720; a++) {
    const x = Math.round((c.cx + c.r * Math.cos((a * Math.PI) / 360)) * PER_POINT);
    const y = Math.round((c.cy + c.r * Math.sin((a * Math.PI) / 360)) * PER_POINT);
    if (x >= 0 && y >= 0 && x < w && y < h) rgb.set(colour, (y * w + x) * 3);
  }
};

/** PNG of the sheet as read; null for a rejected sheet (its review item shows the whole scan). */
export const debugPng = async (img: GreyImage, outcome: SheetOutcome, target: ScanTarget): Promise<Buffer | null> => {
  if (outcome.kind === 'rejected') return null;
  const { width, height } = target.layout;
  const grey = samplePage(img, outcome.registration.transform, { x: 0, y: 0, width, height }, PER_POINT);
  const rgb = new Uint8Array(grey.width * grey.height * 3);
  for (let i = 0; i < grey.data.length; i++) rgb.fill(grey.data[i]!, i * 3, i * 3 + 3);
  for (const r of outcome.page.rows) outline(rgb, grey.width, grey.height, r.box, colourOf(r));
  const page = target.layout.pages[outcome.page.pageIndex]!;
  const { seal } = outcome.page;
  if (seal.circle !== null) ring(rgb, grey.width, grey.height, seal.circle, seal.state === 'present' ? BLUE : ORANGE);
  else if (outcome.page.pageIndex === 0) outline(rgb, grey.width, grey.height, page.seal, ORANGE);
  return sharp(rgb, { raw: { width: grey.width, height: grey.height, channels: 3 } }).png().toBuffer();
};
