import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BallotForm } from '../rules/index.ts';
import { layoutBallot, MARK_INSET, MARK_SIZE, PAPER_SIZES, type BallotLayout, type Box } from './ballot-layout.ts';
import { candidates } from './fixtures/congress.ts';

const GOLDEN = (name: string): string => fileURLToPath(new URL(`./__golden__/${name}.json`, import.meta.url));

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
const expectGolden = (name: string, layout: BallotLayout): void => {
  const text = `${JSON.stringify(layout, null, 1)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN(name), text);
  expect(existsSync(GOLDEN(name)), `missing golden ${name}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(GOLDEN(name), 'utf8'));
};

const CASES: ReadonlyArray<readonly [string, BallotForm, number]> = [
  ['strike-out-a5-11', 'strike-out', 11],
  ['agree-disagree-a5-5', 'agree-disagree', 5],
  ['single-a5-1', 'single', 1],
  ['opinion-poll-a5-3', 'opinion-poll', 3],
  ['write-in-a5', 'write-in', 35],
  ['strike-out-a4-40', 'strike-out', 40],
  ['strike-out-a4-300', 'strike-out', 300],
  ['agree-disagree-a4-30', 'agree-disagree', 30],
];

const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x - 0.01 && inner.y >= outer.y - 0.01 &&
  inner.x + inner.width <= outer.x + outer.width + 0.01 && inner.y + inner.height <= outer.y + outer.height + 0.01;
const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutBallot', () => {
  for (const [name, form, n] of CASES) {
    it(`matches the golden geometry: ${name}`, () => expectGolden(name, layoutBallot({ form, candidates: candidates(n) })));
  }

  it('puts every candidate exactly once, in ballot order, inside the page and clear of marks, QR and the seal corner', () => {
    for (const [, form, n] of CASES) {
      if (form === 'write-in') continue;
      const list = candidates(n);
      const layout = layoutBallot({ form, candidates: list });
      const rows = layout.pages.flatMap((p) => p.rows);
      expect(rows.map((r) => r.candidateId)).toEqual(list.map((c) => c.id));
      expect(rows.map((r) => r.candidateIndex)).toEqual(list.map((_, i) => i));
      for (const page of layout.pages) {
        const paper = { x: 0, y: 0, width: layout.width, height: layout.height };
        for (const row of page.rows) {
          expect(inside(row.row, paper)).toBe(true);
          for (const fixed of [...page.marks, page.qr, page.seal, page.title, page.pageNumber]) expect(overlaps(row.row, fixed)).toBe(false);
          if (row.agree !== null && row.disagree !== null) {
            expect(inside(row.agree, row.row)).toBe(true);
            expect(inside(row.disagree, row.row)).toBe(true);
            expect(row.agree.x).toBeLessThan(row.disagree.x);
          }
        }
        for (let a = 0; a < page.rows.length; a++) {
          for (let b = a + 1; b < page.rows.length; b++) expect(overlaps(page.rows[a]!.row, page.rows[b]!.row)).toBe(false);
        }
      }
    }
  });

  it('places four solid registration marks in the corners of every page', () => {
    const layout = layoutBallot({ form: 'strike-out', candidates: candidates(300) });
    const { width, height } = PAPER_SIZES.A4;
    for (const page of layout.pages) {
      const [tl, tr, bl, br] = page.marks;
      expect(tl).toEqual({ x: MARK_INSET, y: MARK_INSET, width: MARK_SIZE, height: MARK_SIZE });
      expect(tr.x + tr.width).toBeCloseTo(width - MARK_INSET, 1);
      expect(bl.y + bl.height).toBeCloseTo(height - MARK_INSET, 1);
      expect(br.x).toBeCloseTo(tr.x, 5);
      expect(br.y).toBeCloseTo(bl.y, 5);
    }
  });

  it('chooses A5 for short lists and A4 (two columns, several pages) for long ones', () => {
    expect(layoutBallot({ form: 'strike-out', candidates: candidates(11) }).paper).toBe('A5');
    expect(layoutBallot({ form: 'agree-disagree', candidates: candidates(5) }).paper).toBe('A5');
    const big = layoutBallot({ form: 'strike-out', candidates: candidates(300) });
    expect(big.paper).toBe('A4');
    expect(big.columns).toBe(2);
    expect(big.pages.length).toBeGreaterThan(1);
    expect(layoutBallot({ form: 'strike-out', candidates: candidates(300), paper: 'A5' }).paper).toBe('A5');
  });

  it('changes its hash when the order or the form changes, and only then', () => {
    const list = candidates(12);
    const h = layoutBallot({ form: 'strike-out', candidates: list }).hash;
    expect(layoutBallot({ form: 'strike-out', candidates: [...list] }).hash).toBe(h);
    expect(layoutBallot({ form: 'strike-out', candidates: [list[1]!, list[0]!, ...list.slice(2)] }).hash).not.toBe(h);
    expect(layoutBallot({ form: 'agree-disagree', candidates: list }).hash).not.toBe(h);
    expect(h).toMatch(/^[0-9a-f]{8}$/u);
  });
});
