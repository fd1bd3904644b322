/** The pure pieces: affine fit, blobs, resampling. */
import { describe, expect, it } from 'vitest';
import { layoutBallot } from '../../src/documents/ballot-layout.ts';
import { candidates } from '../../src/documents/fixtures/congress.ts';
import { darkBlobs } from '../../src/scan/blobs.ts';
import { buildForm } from '../../src/scan/form.ts';
import { greyImage } from '../../src/scan/image.ts';
import { samplePage } from '../../src/scan/sample.ts';
import { apply, describe as describeAffine, fitAffine, type Affine } from '../../src/scan/transform.ts';

describe('fitAffine', () => {
  const t: Affine = { a: 2.7 * Math.cos(0.07), b: -2.7 * Math.sin(0.07), c: 30, d: 2.7 * Math.sin(0.07), e: 2.7 * Math.cos(0.07), f: -12 };
  const page = [{ x: 23, y: 23 }, { x: 572, y: 23 }, { x: 23, y: 819 }, { x: 572, y: 819 }];

  it('recovers a rotation, scale and shift exactly from four points', () => {
    const fit = fitAffine(page, page.map((p) => apply(t, p)));
    expect(fit).not.toBeNull();
    expect(fit!.residual).toBeLessThan(1e-6);
    const d = describeAffine(fit!.transform);
    expect(d.sx).toBeCloseTo(2.7, 6);
    expect(d.degrees).toBeCloseTo((0.07 * 180) / Math.PI, 6);
    expect(d.shear).toBeCloseTo(0, 6);
  });

  it('reports a large residual when one point does not fit, and null for degenerate points', () => {
    const moved = page.map((p, i) => ({ ...apply(t, p), ...(i === 3 ? { x: apply(t, p).x + 40 } : {}) }));
    expect(fitAffine(page, moved)!.residual).toBeGreaterThan(5);
    const line = [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 }, { x: 3, y: 3 }];
    expect(fitAffine(line, line)).toBeNull();
  });
});

describe('darkBlobs and samplePage', () => {
  it('finds a square with its area and centre, and marks blobs cut by the window', () => {
    const img = greyImage(100, 80);
    for (let y = 20; y < 30; y++) for (let x = 40; x < 50; x++) img.data[y * 100 + x] = 0;
    for (let y = 0; y < 5; y++) for (let x = 0; x < 5; x++) img.data[y * 100 + x] = 0;
    const blobs = darkBlobs(img, { x: 0, y: 0, width: 100, height: 80 }, 128, 4);
    expect(blobs.map((b) => [b.area, b.cx, b.cy, b.clipped])).toEqual([[25, 2.5, 2.5, true], [100, 45, 25, false]]);
  });

  it('samples a page box upright through the map', () => {
    const img = greyImage(100, 100);
    img.data[50 * 100 + 60] = 0;
    const t: Affine = { a: 2, b: 0, c: 0, d: 0, e: 2, f: 0 };
    const s = samplePage(img, t, { x: 25, y: 20, width: 10, height: 10 }, 2);
    expect([s.width, s.height]).toEqual([20, 20]);
    let darkest = 0;
    for (let i = 1; i < s.data.length; i++) if (s.data[i]! < s.data[darkest]!) darkest = i;
    // Pixel (60, 50) covers page points x 30–30.5, y 25–25.5: sample (10, 10) at 2 px/pt.
    expect([darkest % 20, Math.floor(darkest / 20)]).toEqual([10, 10]);
    expect(s.data[darkest]).toBeLessThan(255);
  });
});

describe('buildForm', () => {
  it('refuses a blank form with a page missing or a name row with no printed name', () => {
    const layout = layoutBallot({ form: 'strike-out', candidates: candidates(18) });
    const ids = { congressId: 'c', electionId: 'e', round: 1 };
    const missing = buildForm(ids, layout, []);
    expect(!missing.ok && missing.error.code).toBe('scan.form');
    const white = buildForm(ids, layout, [greyImage(Math.round(layout.width * 2), Math.round(layout.height * 2))]);
    expect(!white.ok && white.error.code).toBe('scan.form-row');
    expect(!white.ok && white.error.message_vi).toBe('Mẫu phiếu trắng không có tên ở dòng 1.');
  });
});
