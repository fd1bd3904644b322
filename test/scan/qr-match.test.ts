/** The ballot's QR code taken as the code this round prints, module by module, without decoding it (qr-grid.ts). */
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeBallotQr } from '../../src/documents/ballot-qr.ts';
import { QR_QUIET, qrMatrix } from '../../src/documents/qr-matrix.ts';
import { greyImage, type GreyImage } from '../../src/scan/image.ts';
import { matchBallotQr } from '../../src/scan/qr-grid.ts';
import type { ScanTarget } from '../../src/scan/index.ts';
import type { Affine } from '../../src/scan/transform.ts';
import { generator, strikeRound } from './support.ts';

let target: ScanTarget;
beforeAll(async () => {
  target = (await generator(strikeRound())).target;
});

/** 60 pt box at 3 px/pt, the code drawn in it as printed; `flip` turns that many data modules the other way. */
const BOX = { x: 0, y: 0, width: 60, height: 60 };
const PER_POINT = 3;
const T: Affine = { a: PER_POINT, b: 0, c: 0, d: 0, e: PER_POINT, f: 0 };
const drawn = (text: string, flip = 0): GreyImage => {
  const { size: n, dark } = qrMatrix(text);
  const cell = (BOX.width * PER_POINT) / (n + 2 * QR_QUIET);
  const img = greyImage(BOX.width * PER_POINT, BOX.height * PER_POINT);
  const flipped = new Set<number>();
  // Data modules in the lower right corner: past the last alignment pattern (centred 7 modules from the edge).
  for (let r = n - 4; flipped.size < flip && r < n; r++) for (let c = n - 4; flipped.size < flip && c < n; c++) flipped.add(r * n + c);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if ((dark[r * n + c] === 1) === flipped.has(r * n + c)) continue;
      for (let y = Math.round((r + QR_QUIET) * cell); y < Math.round((r + QR_QUIET + 1) * cell); y++) {
        img.data.fill(20, y * img.width + Math.round((c + QR_QUIET) * cell), y * img.width + Math.round((c + QR_QUIET + 1) * cell));
      }
    }
  }
  return img;
};
const ours = (): string => encodeBallotQr({
  congressId: target.congressId, electionId: target.electionId, round: target.round, page: 1, pages: target.layout.pages.length, layoutHash: target.layout.hash,
});

describe('the ballot QR code matched to the code this round prints', () => {
  it('takes the printed code as its text, and a code with a few modules spoilt (a pen over it)', () => {
    expect(matchBallotQr(drawn(ours()), T, BOX, target, [0])).toBe(ours());
    expect(matchBallotQr(drawn(ours(), 6), T, BOX, target, [0])).toBe(ours());
  });

  it('does not take a code further off than half the least distance between two codes: it is decoded instead', () => {
    expect(matchBallotQr(drawn(ours(), 12), T, BOX, target, [0])).toBeNull();
  });

  it('never takes the code of another round, election or congress of the same size', () => {
    for (const other of [ours().replace('r=1', 'r=2'), ours().replace(`e=${target.electionId}`, 'e=x'), ours().replace(/h=[0-9a-f]+/, 'h=00000000')]) {
      expect(qrMatrix(other).size).toBe(qrMatrix(ours()).size);
      expect(matchBallotQr(drawn(other), T, BOX, target, [0])).toBeNull();
    }
  });
});
