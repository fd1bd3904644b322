/**
 * Where the paper runs off a photo whose marks are not all seen (src/scan/photo-corner-cut.ts): the sides of the
 * photo whose outermost line shows paper, not the table, along a stretch; and the refusal saying it in Vietnamese.
 */
import { describe, expect, it } from 'vitest';
import { cornerCutOff, paperOffEdge } from '../../src/scan/photo-corner-cut.ts';
import type { GreyImage } from '../../src/scan/image.ts';

/** A photo of `w` × `h`: the table (90) round a sheet of paper (230) over the rectangle x0..x1 × y0..y1. */
const shot = (w: number, h: number, x0: number, y0: number, x1: number, y1: number): GreyImage => {
  const data = new Uint8Array(w * h).fill(90);
  for (let y = Math.max(0, y0); y < Math.min(h, y1); y++) for (let x = Math.max(0, x0); x < Math.min(w, x1); x++) data[y * w + x] = 230;
  return { width: w, height: h, data };
};

describe('the paper running off the photo', () => {
  it('is not seen when the table shows all round the paper, nor for a speck of paper at the edge', () => {
    expect(paperOffEdge(shot(500, 700, 40, 40, 460, 660))).toBeNull();
    expect(paperOffEdge(shot(500, 700, 40, 40, 500, 45))).toBeNull();
  });

  it('names the side, or the corner where two sides meet', () => {
    expect(paperOffEdge(shot(500, 700, 40, 40, 520, 660))).toEqual({ left: false, right: true, top: false, bottom: false });
    const corner = paperOffEdge(shot(500, 700, -20, 40, 460, 720))!;
    expect(corner).toEqual({ left: true, right: false, top: false, bottom: true });
    const why = cornerCutOff(corner);
    expect(why.code).toBe('scan.photo-marks');
    expect(why.message_vi).toContain('ở góc dưới bên trái của ảnh');
    expect(why.message_vi).toMatch(/chụp lại/u);
    expect(cornerCutOff({ left: false, right: true, top: false, bottom: false }).message_vi).toContain('ở mép phải của ảnh');
  });
});
