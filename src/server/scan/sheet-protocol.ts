/** Messages between the server and its sheet-reading worker thread (plain data: structured clone). */
import type { BallotInput } from '../../documents/model.ts';
import type { RuleError } from '../../rules/index.ts';
import type { GreyImage, ScanTarget, SheetOutcome } from '../../scan/index.ts';

export type SheetRequest =
  | { readonly type: 'prepare'; readonly id: number; readonly input: BallotInput }
  | { readonly type: 'target'; readonly target: ScanTarget }
  | { readonly type: 'read'; readonly id: number; readonly page: GreyImage; readonly sheet: number }
  | { readonly type: 'read-photo'; readonly id: number; readonly page: GreyImage; readonly sheet: number };

export type SheetResponse =
  | { readonly id: number; readonly kind: 'prepared'; readonly target: ScanTarget }
  | { readonly id: number; readonly kind: 'refused'; readonly error: RuleError }
  | { readonly id: number; readonly kind: 'read'; readonly outcome: SheetOutcome }
  /** A photo's outcome and its upright page (null when the photo was refused: the server keeps the photo itself). */
  | { readonly id: number; readonly kind: 'photo'; readonly outcome: SheetOutcome; readonly image: GreyImage | null }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };
