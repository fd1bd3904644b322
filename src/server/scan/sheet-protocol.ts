/** Messages between the server and its sheet-reading worker threads (plain data: structured clone). */
import type { BallotInput } from '../../documents/model.ts';
import type { RuleError } from '../../rules/index.ts';
import type { GreyImage, ScanTarget, SheetOutcome } from '../../scan/index.ts';
import type { ScanFile } from '../../scan/input.ts';
import { wholeBuffer } from '../../runtime/free-now.ts';

/**
 * What to read: a page already decoded (a PDF page, moved to the worker), or page `index` of an image file the
 * worker decodes itself from `file`: the path of the file on disk (a stored stack's), or its bytes (shared by
 * every worker when they are in a SharedArrayBuffer, else copied).
 */
export type SheetPage =
  | { readonly kind: 'decoded'; readonly image: GreyImage }
  | { readonly kind: 'encoded'; readonly file: ScanFile; readonly index: number };

export type SheetRequest =
  | { readonly type: 'prepare'; readonly id: number; readonly input: BallotInput }
  | { readonly type: 'target'; readonly target: ScanTarget }
  /**
   * A stored scan file read from the SQLite file `database` (its own read-only connection) and written into the
   * folder `folder`: a file of 50 pages (25–60 MB) read on the server's thread held its requests 0.1–2 s.
   */
  | { readonly type: 'load'; readonly id: number; readonly database: string; readonly fileId: number; readonly folder: string }
  /**
   * `photo`: a photographed sheet (src/scan/photo.ts readPhoto), set upright first. `check`: only the outcome is wanted
   * (a camera's shot checked at once): no review image is made and no page sent back.
   */
  | { readonly type: 'read'; readonly id: number; readonly page: SheetPage; readonly sheet: number; readonly photo: boolean; readonly check?: boolean };

/**
 * What making a review image took in the reading thread: the wall clock, and the process's CPU over it (every
 * thread's, libvips' too: the bench's figure, where the other threads wait; in a server others' work is in it).
 */
export interface ReviewTime {
  readonly cpuMs: number;
  readonly wallMs: number;
}

export type SheetResponse =
  | { readonly id: number; readonly kind: 'prepared'; readonly target: ScanTarget }
  | { readonly id: number; readonly kind: 'refused'; readonly error: RuleError }
  /**
   * The outcome; on a form of one page, the review image of its ballot made by the thread (`review`: null when the
   * ballot is decided) and no page (`image` null); on a form of several pages, whose ballot the server assembles, the
   * page it refers to (decoded, or set upright from a photo), moved back to the server, and `review` null.
   */
  | { readonly id: number; readonly kind: 'read'; readonly outcome: SheetOutcome; readonly image: GreyImage | null; readonly review: Uint8Array | null; readonly reviewTime?: ReviewTime }
  /** The path the file was written to (null: no such file). */
  | { readonly id: number; readonly kind: 'loaded'; readonly path: string | null }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

/**
 * The buffer of a page that can be moved to the other thread instead of copied: one that is the page's alone
 * (a page cut from a larger buffer — a PGM file with its header — is copied, and so is one libvips owns).
 */
export const movable = (image: GreyImage): ArrayBuffer[] => {
  const whole = wholeBuffer(image.data);
  return whole === null ? [] : [whole];
};
