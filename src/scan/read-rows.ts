/**
 * Reading the rows of a registered sheet against the blank form. New ink = darker than the paper around it
 * and not printed on the blank form. The rows' readings; the ink, its gaps and its crossing of a name, shared with
 * strike rows (strike-row.ts); checkbox rows.
 */
import type { Box } from '../documents/ballot-layout.ts';
import type { PieceBox } from './flood.ts';
import type { CandidateId, Mark } from '../rules/index.ts';
import { FORM_PER_POINT, type FormPage, type RowGuide } from './form.ts';
import { quantile, type GreyImage } from './image.ts';
import { samplePage } from './sample.ts';
import type { Affine } from './transform.ts';

/** 'partial': a stroke through part of the name only (a word, half of it): the board rules (docs/rules.md §5). */
export type StrikeState = 'struck' | 'kept' | 'partial' | 'uncertain';

export interface StrikeRowReading {
  readonly kind: 'strike';
  readonly candidateId: CandidateId;
  readonly state: StrikeState;
  /** Share of the name's width crossed by new ink in the letters' band (0–1). */
  readonly coverage: number;
  /** Same, over the middle 70 % of the name only. */
  readonly middle: number;
  /** Longest unbroken crossing, as a share of the name's width. */
  readonly longestRun: number;
  /** The same three, counting faint ink too (a thin line blurred or a pencil loses its strong ink in places). */
  readonly faint: { readonly coverage: number; readonly middle: number; readonly longestRun: number };
  /** The one line through the most ink across the row: share of the name it crosses, and of its least-crossed word. */
  readonly line: { readonly coverage: number; readonly leastWord: number; readonly slope: number; readonly through: boolean; readonly abovePt: number };
  /** 0 (on a threshold, or uncertain) to 1 (far from every threshold). */
  readonly confidence: number;
  readonly box: Box;
  /**
   * Read kept once a tick (✓) over the letters was cleared: where its pen ink lies in the row's sample (pixels,
   * inclusive), widened left over its hidden short arm. Photos (RowThresholds.tickBox).
   */
  readonly tick?: PieceBox;
}

export type BoxState = 'marked' | 'empty' | 'uncertain';

export interface MarksRowReading {
  readonly kind: 'marks';
  readonly candidateId: CandidateId;
  /** null when either box is uncertain. */
  readonly mark: Mark | null;
  readonly agree: BoxState;
  readonly disagree: BoxState;
  /** Share of each box's inside covered by new ink. */
  readonly agreeInk: number;
  readonly disagreeInk: number;
  readonly confidence: number;
  readonly box: Box;
}

export type RowReading = StrikeRowReading | MarksRowReading;

/** Thresholds of a checkbox (share of its inside). */
export const CHECK = { marked: 0.06, empty: 0.012 } as const;
/** Ink darker than this share of the local paper level is ink. */
export const INK_LEVEL = 0.6;
/** Faint ink (below this share of the paper) counts where it touches strong ink. */
export const FAINT_LEVEL = 0.78;
/** Gaps of a stroke over paper are closed up to this many points (a pen skipping, noise). */
export const GAP_PT = 2.5;
/** Within a gap under letters, paper between two letters: at most this wide (points). */
const LETTER_GAP_PT = 1.2;
/** Under printed letters a hand-drawn stroke may wander this far (points) up or down from its ends' height. */
const WANDER_PT = 1.5;
/** …and for at most this long (points): about the widest letter with its neighbours' edges. */
const HIDDEN_GAP_PT = 30;
/** A stroke is followed under printed letters only when it is at most this thick (points) at both ends. */
const HIDDEN_THICKNESS_PT = 5;

/**
 * Closes the gaps of a stroke along the columns: short ones always; longer ones only where the columns of the
 * gap have printed ink or faint new ink at the stroke's height, but for stretches of paper as narrow as the space
 * between two letters (the stroke passes under the letters, where it cannot be told from them, or fades between them: a thin line
 * blurred by the scanner keeps no strong ink in the short stretch between two letters). A longer gap over blank
 * paper stays open: there, no ink means no stroke.
 */
export const closeGaps = (
  hit: Uint8Array, top: Int32Array, bottom: Int32Array, hiddenAt: (i: number, j: number) => boolean, k: number,
): void => {
  let last = -1;
  for (let i = 0; i < hit.length; i++) {
    if (hit[i] !== 1) continue;
    if (last >= 0 && i - last > 1) {
      const lo = Math.min(top[last]!, top[i]!) - Math.round(WANDER_PT * k);
      const hi = Math.max(bottom[last]!, bottom[i]!) + Math.round(WANDER_PT * k);
      let hidden = i - last - 1 <= GAP_PT * k;
      if (!hidden && i - last - 1 <= HIDDEN_GAP_PT * k && Math.max(bottom[last]! - top[last]!, bottom[i]! - top[i]!) <= HIDDEN_THICKNESS_PT * k) {
        // Hidden all along but for stretches of paper no longer than a short gap (between two letters).
        hidden = true;
        let open = 0;
        for (let c = last + 1; c < i && hidden; c++) {
          let printed = false;
          for (let j = lo; j <= hi && !printed; j++) printed = hiddenAt(c, j);
          open = printed ? 0 : open + 1;
          hidden = open <= LETTER_GAP_PT * k;
        }
      }
      if (hidden) hit.fill(1, last + 1, i);
    }
    last = i;
  }
};

export const clamp01 = (v: number): number => Math.max(0, Math.min(1, v));

/**
 * New ink of a sampled page box: not printed on the blank form, and darker than the paper — strongly
 * (below INK_LEVEL of it), or faintly (below FAINT_LEVEL) where it touches strong new ink. A thin pen line
 * keeps its faint parts; the faint blurred edge of a printed letter, touching only print, does not count.
 */
export const inkOf = (s: GreyImage, page: FormPage, origin: Box, paper: number): Uint8Array => {
  const w = s.width;
  const out = new Uint8Array(w * s.height);
  const strong = paper * INK_LEVEL;
  const faint = paper * FAINT_LEVEL;
  const gx0 = Math.round(origin.x * FORM_PER_POINT);
  const gy0 = Math.round(origin.y * FORM_PER_POINT);
  const W = page.blank.width;
  const H = page.blank.height;
  const stack: number[] = [];
  for (let j = 0; j < s.height; j++) {
    const gy = gy0 + j;
    for (let i = 0; i < w; i++) {
      const v = s.data[j * w + i]!;
      if (v >= faint) continue;
      const gx = gx0 + i;
      if (gx >= 0 && gy >= 0 && gx < W && gy < H && page.printed[gy * W + gx] === 1) continue;
      out[j * w + i] = v < strong ? 2 : 1;
      if (v < strong) stack.push(j * w + i);
    }
  }
  while (stack.length > 0) {
    const p = stack.pop()!;
    const px = p % w;
    for (let dy = -w; dy <= w; dy += w) {
      for (let dx = -1; dx <= 1; dx++) {
        const q = p + dy + dx;
        if (q < 0 || q >= out.length || (dx === -1 && px === 0) || (dx === 1 && px === w - 1) || out[q] !== 1) continue;
        out[q] = 2;
        stack.push(q);
      }
    }
  }
  // 1: new ink; 2: faint ink touching no strong ink (a pencil, or the blurred edge of a letter).
  for (let k = 0; k < out.length; k++) out[k] = out[k] === 2 ? 1 : out[k] === 1 ? 2 : 0;
  return out;
};

export interface Crossing {
  readonly coverage: number;
  readonly middle: number;
  readonly longestRun: number;
  /** Columns of the ink map where the longest run starts and ends (exclusive). */
  readonly runFrom: number;
  readonly runTo: number;
}

/**
 * How far ink (`isInk` of the ink map) crosses the name's columns i0–i1 within the band rows j0–j1. Ink is
 * followed over columns o0–o1 (o0 ≤ i0, i1 ≤ o1): a stroke seen again beyond the name's end closes its gap
 * under the last letters, but only the name's columns are counted.
 */
export const crossing = (
  ink: Uint8Array, w: number, o0: number, o1: number, i0: number, i1: number, j0: number, j1: number,
  isInk: (v: number) => boolean, hiddenAt: (i: number, j: number) => boolean, k: number,
): Crossing => {
  const m = o1 - o0;
  const hit = new Uint8Array(m);
  const top = new Int32Array(m);
  const bottom = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    for (let j = j0; j < j1; j++) {
      if (!isInk(ink[j * w + o0 + i]!)) continue;
      if (hit[i] === 0) top[i] = j;
      hit[i] = 1;
      bottom[i] = j;
    }
  }
  closeGaps(hit, top, bottom, (i, j) => hiddenAt(o0 + i, j), k);
  const n = i1 - i0;
  let covered = 0, mid = 0, run = 0, longest = 0, end = i0;
  const m0 = Math.floor(n * 0.15);
  const m1 = Math.ceil(n * 0.85);
  for (let i = 0; i < n; i++) {
    if (hit[i0 - o0 + i] === 1) {
      covered++;
      if (i >= m0 && i < m1) mid++;
      run++;
      if (run > longest) { longest = run; end = i0 + i + 1; }
    } else run = 0;
  }
  return {
    coverage: n > 0 ? covered / n : 0,
    middle: m1 > m0 ? mid / (m1 - m0) : 0,
    longestRun: n > 0 ? longest / n : 0,
    runFrom: end - longest, runTo: end,
  };
};

/** Share of a checkbox's inside (2.5 pt in from the printed border) covered by new ink. */
const boxInk = (img: GreyImage, t: Affine, page: FormPage, b: Box): number => {
  const inset = 2.5;
  const inner: Box = { x: b.x + inset, y: b.y + inset, width: b.width - 2 * inset, height: b.height - 2 * inset };
  const s = samplePage(img, t, inner, FORM_PER_POINT);
  const around = samplePage(img, t, { x: b.x - 8, y: b.y - 2, width: 6, height: b.height + 4 }, FORM_PER_POINT);
  const ink = inkOf(s, page, inner, quantile(around, 0, 0, around.width, around.height, 0.9));
  let n = 0;
  for (const v of ink) if (v === 1) n++;
  return n / ink.length;
};

const boxState = (share: number): BoxState =>
  share >= CHECK.marked ? 'marked' : share <= CHECK.empty ? 'empty' : 'uncertain';

export const readMarksRow = (img: GreyImage, t: Affine, page: FormPage, g: RowGuide): MarksRowReading => {
  const agreeInk = g.row.agree === null ? 0 : boxInk(img, t, page, g.row.agree);
  const disagreeInk = g.row.disagree === null ? 0 : boxInk(img, t, page, g.row.disagree);
  const agree = boxState(agreeInk);
  const disagree = boxState(disagreeInk);
  const margin = (share: number): number =>
    share >= CHECK.marked ? clamp01((share - CHECK.marked) / CHECK.marked) : clamp01((CHECK.empty - share) / CHECK.empty);
  const mark: Mark | null = agree === 'uncertain' || disagree === 'uncertain' ? null
    : agree === 'marked' ? (disagree === 'marked' ? 'both' : 'agree')
    : disagree === 'marked' ? 'disagree' : 'none';
  return {
    kind: 'marks', candidateId: g.row.candidateId!, mark, agree, disagree, agreeInk, disagreeInk,
    confidence: mark === null ? 0 : Math.min(margin(agreeInk), margin(disagreeInk)), box: g.row.row,
  };
};
