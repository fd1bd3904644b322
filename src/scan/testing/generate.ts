/**
 * The test set: our real ballot PDF rendered at 200 dpi, marked as people mark ballots, then degraded as a
 * scanner does. The ground truth of every row is known. Used by test/scan and bench/scan.bench.ts.
 */
import type { BallotInput } from '../../documents/model.ts';
import { renderBallotPdf } from '../../documents/pdf/ballot-pdf.ts';
import type { CandidateId, Mark, Result, RuleError } from '../../rules/index.ts';
import { prepareTarget, type ScanTarget } from '../form.ts';
import { shrinkByMean, type GreyImage } from '../image.ts';
import { rasterisePdf } from '../input.ts';
import { degrade, randomDegradation, type Degradation } from './degrade.ts';
import { between, polyline, rng } from './draw.ts';
import {
  cross, nonStrike, PARTIAL_STRIKES, partialStrike, PENS, scribble, strike, STRIKE_SHAPES,
  type NonStrike, type PartialStrike, type Pen, type Stroke, type StrikeShape,
} from './human.ts';
import { addNoise, SHEET_NOISES, VARIETY_MARKS, VARIETY_TRUTH, varietyMark, type SheetNoise, type VarietyMark } from './variety.ts';
import { pressSeal, SEAL_INKS, SEAL_PLACES, SEAL_STRENGTHS, type PressedSeal, type SealPlan } from './seal.ts';

export interface Generator {
  readonly input: BallotInput;
  readonly target: ScanTarget;
  /** Clean pages of the real PDF at `perPoint` pixels per point. */
  readonly clean: readonly GreyImage[];
  readonly perPoint: number;
}

/**
 * How the ballot's print lands on the scan. 'printed' (the default): as paper from a printer is, the PDF rendered at
 * the whole multiple of the scan's resolution nearest 600 dpi and each scan pixel the mean of those it covers — the
 * names where the PDF puts them, as the blank form sets them. 'rendered': the PDF rendered at the scan's resolution,
 * which sets every line of text on whole pixels of it: the names stand above where the PDF puts them, 0.24 pt at
 * 150 dpi, 0.06–0.3 pt at 200, 0.06 at 300 (SCAN_BENCH_PRINTED=0).
 */
export type Printing = 'rendered' | 'printed';
const PRINTER_DPI = 600;

export const prepareGenerator = async (input: BallotInput, dpi = 200, printing: Printing = 'printed'): Promise<Result<Generator, RuleError>> => {
  const target = await prepareTarget(input);
  if (!target.ok) return target;
  const pdf = await renderBallotPdf(input);
  if (!pdf.ok) return pdf;
  const finer = printing === 'printed' ? Math.max(1, Math.round(PRINTER_DPI / dpi)) : 1;
  const rendered = await rasterisePdf(pdf.value, dpi * finer);
  if (!rendered.ok) return rendered;
  const clean = finer === 1 ? rendered.value : rendered.value.map((page) => shrinkByMean(page, finer));
  return { ok: true, value: { input, target: target.value, clean, perPoint: dpi / 72 } };
};

export type RowPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'strike'; readonly shape: StrikeShape; readonly pen: Pen }
  | { readonly kind: 'partial'; readonly part: PartialStrike; readonly pen: Pen }
  | { readonly kind: 'non-strike'; readonly mark: NonStrike; readonly pen: Pen }
  | { readonly kind: 'mark'; readonly mark: Mark; readonly pen: Pen }
  | { readonly kind: 'variety'; readonly mark: VarietyMark; readonly pen: Pen };

/**
 * Ground truth of a row: struck / kept, 'partial' for the board (a partial strike, or a mark the board rules: a
 * highlighter over the name), or the mark of a marks form.
 */
export type RowTruth = 'struck' | 'kept' | 'partial' | Mark;

/** Sheet noise that leaves ink outside the rows for the board to see (GeneratedBallot.truth.writingOutside). */
const INK_OUTSIDE: ReadonlySet<SheetNoise> = new Set(['margin-digit', 'ink-blot']);

export interface GeneratedBallot {
  readonly pages: readonly GreyImage[];
  readonly truth: {
    readonly rows: ReadonlyMap<CandidateId, RowTruth>;
    readonly plans: ReadonlyMap<CandidateId, RowPlan>;
    readonly stamped: boolean;
    /** The seal as pressed on the first page; null when the ballot is not stamped. */
    readonly seal: PressedSeal | null;
    /**
     * Ink outside the rows the board must see: writing, a digit in the margin, an ink blot (an accident or a mark to
     * know the ballot by: RULES §5 leaves identifying marks to the board, and no reader can tell the two apart).
     */
    readonly writingOutside: boolean;
    /** What landed on the sheet besides the voter's marks (variety.ts), first page. */
    readonly noise: readonly SheetNoise[];
  };
  readonly degradations: readonly Degradation[];
}

export interface GenerateOptions {
  readonly seed: number;
  readonly degrade?: 'none' | 'normal';
  /** Per row: a strike (strike-out forms) / a box marked (marks forms). */
  readonly pStrike?: number;
  readonly pPartial?: number;
  readonly pNonStrike?: number;
  readonly pNoStamp?: number;
  readonly pOutside?: number;
  /** Forces the plan of some rows (by position in ballot order). */
  readonly plan?: (index: number) => RowPlan | undefined;
  readonly stamped?: boolean;
  /** Forces how the seal is pressed (when stamped). */
  readonly seal?: Partial<SealPlan>;
  readonly writingOutside?: boolean;
  /** Per row (strike-out forms): one of the marks the default set does not make (variety.ts). Unset: none, and no number drawn for it. */
  readonly pVariety?: number;
  /** Per ballot: one kind of noise on its first page (variety.ts), from a stream of its own. Unset: none. */
  readonly pNoise?: number;
  /** Forces the noise of the first page. */
  readonly noise?: readonly SheetNoise[];
  /** Overrides parts of the random degradation (every page). */
  readonly degradation?: Partial<Degradation>;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** One of `weights`' keys, as often as its weight. */
const weighted = <K extends string>(r: () => number, weights: Readonly<Record<K, number>>): K => {
  const entries = Object.entries(weights) as [K, number][];
  let u = r() * entries.reduce((a, [, w]) => a + w, 0);
  for (const [key, w] of entries) if ((u -= w) < 0) return key;
  return entries[entries.length - 1]![0];
};

/**
 * How often each mark that keeps a name is made, in per cent: people underline or tick beside a name most, circle
 * it often (tightly now and then), dot it; a tick over the letters themselves is rare.
 */
const NON_STRIKE_WEIGHTS: Readonly<Record<NonStrike, number>> = {
  underline: 20, 'underline-close': 5, tick: 25, circle: 16, 'circle-tight': 8, 'circle-open': 4, dot: 12, 'dot-on-name': 6, 'tick-on-name': 4,
};

const randomPlan = (r: () => number, marksForm: boolean, o: GenerateOptions): RowPlan => {
  const p = pick(r, PENS);
  if (marksForm) {
    const u = r();
    const mark: Mark = u < 0.7 ? 'agree' : u < 0.9 ? 'disagree' : u < 0.95 ? 'none' : 'both';
    return { kind: 'mark', mark, pen: p };
  }
  if (o.pVariety !== undefined && r() < o.pVariety) return { kind: 'variety', mark: pick(r, VARIETY_MARKS), pen: p };
  if (r() < (o.pPartial ?? 0)) return { kind: 'partial', part: pick(r, PARTIAL_STRIKES), pen: p };
  if (r() < (o.pStrike ?? 0.3)) return { kind: 'strike', shape: pick(r, STRIKE_SHAPES), pen: p };
  if (r() < (o.pNonStrike ?? 0.05)) return { kind: 'non-strike', mark: weighted(r, NON_STRIKE_WEIGHTS), pen: p };
  return { kind: 'none' };
};

/**
 * How people press the seal: mostly over the header's text, often partly off it, now and then on the corner mark,
 * and anywhere else over the header's left part.
 */
const randomSeal = (r: () => number, o: GenerateOptions): SealPlan => {
  const u = r();
  const v = r();
  const w = r();
  return {
    place: o.seal?.place ?? (u < 0.4 ? SEAL_PLACES[0] : u < 0.65 ? SEAL_PLACES[1] : u < 0.8 ? SEAL_PLACES[2] : SEAL_PLACES[3]),
    strength: o.seal?.strength ?? (v < 0.6 ? SEAL_STRENGTHS[0] : v < 0.85 ? SEAL_STRENGTHS[1] : SEAL_STRENGTHS[2]),
    ink: o.seal?.ink ?? SEAL_INKS[w < 0.45 ? 0 : w < 0.8 ? 1 : 2],
  };
};

const truthOf = (plan: RowPlan): RowTruth => {
  switch (plan.kind) {
    case 'none':
    case 'non-strike': return 'kept';
    case 'strike': return 'struck';
    case 'partial': return 'partial';
    case 'mark': return plan.mark;
    case 'variety': return VARIETY_TRUTH[plan.mark];
  }
};

/** Writing outside the rows: a signature at the foot, a note in the margin beside the names, or under the title. */
const writing = (r: () => number, width: number, height: number, page: { readonly rows: readonly { readonly row: { readonly x: number; readonly y: number } }[]; readonly title: { readonly y: number; readonly height: number } }): Stroke[] => {
  const u = r();
  if (u < 0.5) return scribble(r, between(r, 60, width - 160), height - between(r, 26, 34), between(r, 40, 90));
  if (u < 0.8) return scribble(r, between(r, 44, Math.max(50, (page.rows[0]?.row.x ?? 100) - 70)), between(r, 280, height - 120), between(r, 30, 60));
  return scribble(r, between(r, 80, width - 200), page.title.y + page.title.height + between(r, -4, 2), between(r, 40, 100));
};

const draw = (img: GreyImage, strokes: readonly Stroke[], k: number): void => {
  for (const s of strokes) polyline(img, s.points.map((p) => ({ x: p.x * k, y: p.y * k })), s.width * k, s.ink);
};

/** One ballot (every page), marked and degraded, with its ground truth. */
export const generateBallot = async (g: Generator, o: GenerateOptions): Promise<GeneratedBallot> => {
  const r = rng(o.seed);
  const marksForm = g.target.layout.form !== 'strike-out';
  const stamped = o.stamped ?? !(r() < (o.pNoStamp ?? 0));
  const writingOutside = o.writingOutside ?? r() < (o.pOutside ?? 0);
  const noiseR = rng(o.seed * 6151 + 29);
  const noise = o.noise ?? (o.pNoise !== undefined && noiseR() < o.pNoise ? [pick(noiseR, SHEET_NOISES)] : []);
  // The seal has its own stream of numbers: the same seal whatever is drawn on the rows.
  const sealPlan = stamped ? randomSeal(rng(o.seed * 7919 + 17), o) : null;
  let seal: PressedSeal | null = null;
  const rows = new Map<CandidateId, RowTruth>();
  const plans = new Map<CandidateId, RowPlan>();
  const pages: GreyImage[] = [];
  const degradations: Degradation[] = [];
  for (const [i, formPage] of g.target.pages.entries()) {
    const page = g.target.layout.pages[i]!;
    const clean = g.clean[i]!;
    const img: GreyImage = { width: clean.width, height: clean.height, data: Uint8Array.from(clean.data) };
    const k = g.perPoint;
    // Before the seal and the pen: the other side shows its print only, and the voter's ink lies over the rest.
    if (i === 0) for (const n of noise) addNoise(img, k, noiseR, n, { width: g.target.layout.width, height: g.target.layout.height, rows: formPage.rows });
    if (sealPlan !== null && i === 0) seal = pressSeal(img, k, rng(o.seed * 104729 + 3), page, sealPlan);
    for (const guide of formPage.rows) {
      const index = guide.row.candidateIndex ?? 0;
      const plan = o.plan?.(index) ?? randomPlan(r, marksForm, o);
      const id = guide.row.candidateId!;
      rows.set(id, truthOf(plan));
      plans.set(id, plan);
      switch (plan.kind) {
        case 'none': break;
        case 'strike': draw(img, strike(r, guide, plan.shape, plan.pen), k); break;
        case 'partial': draw(img, partialStrike(r, guide, plan.part, plan.pen), k); break;
        case 'non-strike': draw(img, nonStrike(r, guide, plan.mark, plan.pen), k); break;
        case 'variety': draw(img, varietyMark(r, guide, plan.mark, plan.pen), k); break;
        case 'mark': {
          const { agree, disagree } = guide.row;
          if (agree !== null && (plan.mark === 'agree' || plan.mark === 'both')) draw(img, cross(r, agree, plan.pen), k);
          if (disagree !== null && (plan.mark === 'disagree' || plan.mark === 'both')) draw(img, cross(r, disagree, plan.pen), k);
          break;
        }
      }
    }
    if (writingOutside && i === 0) draw(img, writing(r, g.target.layout.width, g.target.layout.height, page), k);
    const d = { ...randomDegradation(r, k, o.degrade ?? 'normal'), ...o.degradation };
    degradations.push(d);
    pages.push(await degrade(img, d, r));
  }
  return { pages, truth: { rows, plans, stamped, seal, writingOutside: writingOutside || noise.some((n) => INK_OUTSIDE.has(n)), noise }, degradations };
};
