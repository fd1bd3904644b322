/** Strict registration: another round's or election's ballot and unreadable sheets are rejected, never guessed. */
import { beforeAll, describe, expect, it } from 'vitest';
import { candidates, round } from '../../src/documents/fixtures/congress.ts';
import { renderBallotPdf } from '../../src/documents/index.ts';
import { greyImage, type GreyImage } from '../../src/scan/image.ts';
import { rasterisePdf } from '../../src/scan/input.ts';
import { readStack, readSheet, reviewItems, reviewPng, type ScanTarget } from '../../src/scan/index.ts';
import { generateBallot, type Generator } from '../../src/scan/testing/generate.ts';
import { ballotInput, generator, strikeRound } from './support.ts';

let g: Generator;
beforeAll(async () => {
  g = await generator(strikeRound());
});

const rejection = (img: GreyImage, target: ScanTarget): { code: string; vi: string } => {
  const s = readSheet(img, target, 0);
  if (s.kind !== 'rejected') throw new Error('read, not rejected');
  return { code: s.reason.code, vi: s.reason.message_vi };
};

/** Paints a page box (points) of a clean 200 dpi page white. */
const whiteOut = (img: GreyImage, box: { x: number; y: number; width: number; height: number }): GreyImage => {
  const k = 200 / 72;
  const data = Uint8Array.from(img.data);
  for (let y = Math.floor(box.y * k); y < Math.ceil((box.y + box.height) * k); y++) data.fill(255, y * img.width + Math.floor(box.x * k), y * img.width + Math.ceil((box.x + box.width) * k));
  return { ...img, data };
};

describe('registration is strict', () => {
  it('rejects a ballot of another round with the reason in Vietnamese', async () => {
    const other = await generator(strikeRound({ round: 2 }));
    const b = await generateBallot(other, { seed: 1 });
    expect(rejection(b.pages[0]!, g.target)).toEqual({
      code: 'scan.other-round', vi: 'Phiếu của lần bầu 2, không phải lần bầu 1: không nhận phiếu.',
    });
    // …and its own round reads it.
    expect(readSheet(b.pages[0]!, other.target, 0).kind).toBe('read');
  });

  it('rejects a ballot of another election', async () => {
    const other = await generator(strikeRound({ electionId: 'e-inspection' }));
    const b = await generateBallot(other, { seed: 2 });
    const r = rejection(b.pages[0]!, g.target);
    expect(r.code).toBe('scan.other-election');
    expect(r.vi).toContain('"e-inspection"');
  });

  it('says a sheet of another election\'s form (an A5 poll in the committee stack) is that, not a distorted scan', async () => {
    // Its marks do not fit this round's page: the QR code is looked for anywhere on the sheet; at 150 dpi the
    // whole sheet may be searched at full resolution.
    for (const dpi of [150, 200]) {
      const committee = dpi === 200 ? g : await generator(strikeRound(), dpi);
      const poll = await renderBallotPdf(ballotInput(round({ kind: 'secretary-poll', seats: 1, candidates: candidates(3), electionId: 'e-poll' })));
      if (!poll.ok) throw new Error(poll.error.message_en);
      const sheet = await rasterisePdf(poll.value, dpi);
      if (!sheet.ok) throw new Error(sheet.error.message_en);
      expect(sheet.value[0]!.width, 'an A5 sheet').toBeLessThan(sheet.value[0]!.height * 0.75);
      expect(rejection(sheet.value[0]!, committee.target)).toEqual({
        code: 'scan.other-election', vi: 'Phiếu của cuộc bầu cử khác (mã "e-poll"), không phải "e-committee": không nhận phiếu.',
      });
    }
  });

  it('rejects a ballot whose list differs (another layout hash)', async () => {
    const other = await generator(strikeRound({ candidates: strikeRound().candidates.slice(0, 17) }));
    const b = await generateBallot(other, { seed: 3 });
    expect(rejection(b.pages[0]!, g.target).code).toBe('scan.other-layout');
  });

  it('rejects a blank page, a sheet with a corner mark missing and a sheet whose QR code is unreadable', async () => {
    expect(rejection(greyImage(1654, 2339), g.target).code).toBe('scan.mark');
    const clean = g.clean[0]!;
    const page = g.target.layout.pages[0]!;
    const noMark = rejection(whiteOut(clean, page.marks[2]), g.target);
    expect(noMark).toEqual({ code: 'scan.mark', vi: 'Không tìm thấy dấu định vị ở góc dưới bên trái của ảnh: không đọc phiếu, chuyển Ban Kiểm phiếu.' });
    const q = page.qr;
    // A 20-point hole jsQR's own search gives up on; the module grid reads the rest and its error correction restores it (qr-grid.ts).
    const holed = readSheet(whiteOut(clean, { x: q.x + 8, y: q.y + 8, width: 20, height: 20 }), g.target, 0);
    expect(holed.kind === 'read' ? holed.registration.qr.electionId : holed.reason.code).toBe(g.target.electionId);
    // Beyond what error correction restores: refused.
    expect(rejection(whiteOut(clean, { x: q.x + 12, y: q.y + 12, width: 36, height: 36 }), g.target).code).toBe('scan.qr');
    // The clean page itself reads: the failures above are the damage, not the page.
    expect(readSheet(clean, g.target, 0).kind).toBe('read');
  });

  it('rejects a sheet whose marks do not fit the page (cropped scan: a mark where the page has none)', () => {
    const clean = g.clean[0]!;
    // Keep the top 60 %: the lower marks are gone, the page's own lower content becomes "corners".
    const h = Math.round(clean.height * 0.6);
    const cropped = { width: clean.width, height: h, data: clean.data.subarray(0, clean.width * h) };
    const r = rejection(cropped, g.target);
    expect(['scan.mark', 'scan.marks-geometry']).toContain(r.code);
  });

  it('sends a rejected sheet to review with the whole sheet as the image', async () => {
    const blank = greyImage(1654, 2339);
    const { sheets, ballots } = readStack([blank], g.target);
    const reading = ballots[0]!;
    expect(reading.kind).toBe('review');
    const items = reviewItems(reading, sheets, [blank], g.target.layout);
    expect(items).toHaveLength(1);
    expect(items[0]!.reason.code).toBe('scan.mark');
    // The scan as it is, shrunk by whole steps to at most 1,000 px wide: 1,654 px → 827 px.
    expect(items[0]!.png.readUInt32BE(16)).toBe(827);
    // A grey PNG (IHDR: 8 bits, colour type 0), not the RGB one sharp writes from one raw channel unless told.
    expect([items[0]!.png[24], items[0]!.png[25]]).toEqual([8, 0]);
    const stacked = reviewPng(reading, sheets, [blank], g.target.layout);
    expect([stacked?.readUInt32BE(16), stacked?.[25]]).toEqual([827, 0]);
  });
});
