/**
 * Whether a phone photo's page, as mapped from its four marks, lies on the blank form: in every name row, the
 * letters' printed core (the blank form darker than CORE) must be dark on the photo. A map off by several points
 * (a mark mistaken, a steep shot: photo 30,163 of the bench, 3 MP tilted 24°, its names 7 pt to the left) leaves
 * the letters beside their mask, where they read as pen lines through most names: eleven names read struck with
 * confidence. Such a photo is refused, with what to do.
 */
import { ruleError, type RuleError } from '../rules/index.ts';
import { FORM_PER_POINT, type FormPage, type RowGuide, type ScanTarget } from './form.ts';
import type { GreyImage } from './image.ts';
import { FAINT_LEVEL } from './read-rows.ts';
import { sampleRow } from './row-sample.ts';
import type { SheetOutcome } from './sheet.ts';
import type { Affine } from './transform.ts';

/** The blank form's grey under which a pixel is a letter's core. */
const CORE = 100;
/** The least share of a row's letters' core dark on the photo: 0.79 and more on the bench's photos read right, 0.14–0.5 off by 7 pt. */
const LEAST_ON_PRINT = 0.6;

/** Share of row `g`'s letters' core (the blank form) that the photo shows dark. */
const onPrint = (img: GreyImage, t: Affine, page: FormPage, g: RowGuide): number => {
  const k = FORM_PER_POINT;
  const { area, s, paper } = sampleRow(img, t, g);
  const gx = Math.round(area.x * k);
  const gy = Math.round(area.y * k);
  let n = 0;
  let dark = 0;
  for (let j = 0; j < s.height; j++) {
    for (let i = 0; i < s.width; i++) {
      if ((page.blank.data[(gy + j) * page.blank.width + gx + i] ?? 255) >= CORE) continue;
      n++;
      if (s.data[j * s.width + i]! < paper * FAINT_LEVEL) dark++;
    }
  }
  return n === 0 ? 1 : dark / n;
};

/** The refusal of a strike-out ballot's photo read with a row whose printed letters the map misses; null when it stands. */
export const offPrint = (img: GreyImage, outcome: SheetOutcome, target: ScanTarget): RuleError | null => {
  if (outcome.kind !== 'read' || target.layout.form !== 'strike-out') return null;
  const page = target.pages[outcome.page.pageIndex]!;
  const least = Math.min(...page.rows.map((g) => onPrint(img, outcome.registration.transform, page, g)));
  return least >= LEAST_ON_PRINT ? null : ruleError('scan.photo-fit',
    `Chữ in của phiếu không nằm đúng chỗ trong ảnh (khớp ${Math.round(100 * least)}%, cần từ ${Math.round(100 * LEAST_ON_PRINT)}%): có thể ảnh chụp quá nghiêng hoặc một dấu góc bị che. Chụp lại thẳng hơn, thấy rõ cả bốn dấu góc.`,
    `The ballot's print is not where it should be in the photo (${Math.round(100 * least)}% matched, ${Math.round(100 * LEAST_ON_PRINT)}% needed): the shot may be too steep or a corner mark covered. Take it again, squarer, with all four corner marks in clear view.`);
};
