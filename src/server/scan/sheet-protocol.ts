/** Messages between the server and its sheet-reading worker thread (plain data: structured clone). */
import type { GreyImage, ScanTarget, SheetOutcome } from '../../scan/index.ts';

export type SheetRequest =
  | { readonly type: 'target'; readonly target: ScanTarget }
  | { readonly type: 'read'; readonly id: number; readonly page: GreyImage; readonly sheet: number };

export type SheetResponse =
  | { readonly id: number; readonly ok: true; readonly outcome: SheetOutcome }
  | { readonly id: number; readonly ok: false; readonly message: string };
