/**
 * The files of a scanned stack as the browser picks them, pure: keep the scans (PNG, JPEG, TIFF, PDF
 * by extension), put them in stack order (file names in natural numeric order: "quet-2" before "quet-10"), and
 * say what was left out and what the server would refuse before anything is sent — by name, and by the first bytes of
 * each file (a text file named .jpg, an empty file, an iPhone's HEIC renamed). Formatting of sizes and
 * upload progress the Vietnamese way ("12,5 MB", "45%").
 */
import { SCAN_FILE_MAX_BYTES, SCAN_MAX_FILES } from '../../api/scan.ts';
import { isHeif, KIND_HEAD_BYTES, sniffKind } from '../../scan/file-kind.ts';
import { formatInteger } from '../../locale/vi.ts';

/** What a File offers that matters here (a File, or a plain object in tests). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  /** Set when the file was picked with its folder (input webkitdirectory): "tap-1/quet-01.png". */
  readonly webkitRelativePath?: string;
}

export const SCAN_EXTENSIONS: readonly string[] = ['png', 'jpg', 'jpeg', 'tif', 'tiff', 'pdf'];

const extension = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

export const isScanFile = (name: string): boolean => SCAN_EXTENSIONS.includes(extension(name));

/** An iPhone's own photo format (HEIC), which the server cannot decode: said apart, with how to get JPEG instead. */
export const isHeicFile = (name: string): boolean => ['heic', 'heif'].includes(extension(name));

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** The name that orders the stack: the path inside the chosen folder when there is one, else the file name. */
export const stackKey = (f: PickedFile): string =>
  f.webkitRelativePath !== undefined && f.webkitRelativePath !== '' ? f.webkitRelativePath : f.name;

export interface ScanSelection<F extends PickedFile> {
  /** The scans, in stack order. */
  readonly files: readonly F[];
  /** Files left out because they are not PNG, JPEG, TIFF or PDF (Thumbs.db, .txt, …), HEIC photos apart. */
  readonly skipped: number;
  /** iPhone photos in HEIC, left out. */
  readonly heic: number;
  readonly totalBytes: number;
  /** Scans above the server's limit per file (their names), and whether there are more files than it takes. */
  readonly tooLarge: readonly string[];
  readonly tooMany: boolean;
}

export const selectScanFiles = <F extends PickedFile>(picked: readonly F[]): ScanSelection<F> => {
  const files = picked.filter((f) => isScanFile(f.name));
  // Names the collator finds equal ("Quet-1.png", "quet-1.PNG") keep a fixed order by code points.
  const byCode = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  const sorted = [...files].sort((a, b) => collator.compare(stackKey(a), stackKey(b)) || byCode(stackKey(a), stackKey(b)));
  const heic = picked.filter((f) => isHeicFile(f.name)).length;
  return {
    files: sorted,
    skipped: picked.length - files.length - heic,
    heic,
    totalBytes: sorted.reduce((s, f) => s + f.size, 0),
    tooLarge: sorted.filter((f) => f.size > SCAN_FILE_MAX_BYTES).map((f) => f.name),
    tooMany: sorted.length > SCAN_MAX_FILES,
  };
};

/** A picked file's name, size and first bytes. */
export interface PickedHead {
  readonly name: string;
  readonly size: number;
  readonly head: Uint8Array;
}

export const readHeads = (files: readonly File[]): Promise<PickedHead[]> =>
  Promise.all(files.map(async (f) => ({ name: f.name, size: f.size, head: new Uint8Array(await f.slice(0, KIND_HEAD_BYTES).arrayBuffer()) })));

/** The files the server would refuse for what is in them, whatever their names say: each list by file name. */
export interface ContentProblems {
  readonly empty: readonly string[];
  readonly heic: readonly string[];
  readonly notScans: readonly string[];
}

export const contentProblems = (files: readonly PickedHead[]): ContentProblems => {
  const unknown = files.filter((f) => f.size > 0 && sniffKind(f.head) === null);
  return {
    empty: files.filter((f) => f.size === 0).map((f) => f.name),
    heic: unknown.filter((f) => isHeif(f.head)).map((f) => f.name),
    notScans: unknown.filter((f) => !isHeif(f.head)).map((f) => f.name),
  };
};

export const hasContentProblems = (p: ContentProblems): boolean => p.empty.length + p.heic.length + p.notScans.length > 0;

/**
 * A PNG or a JPEG is one page, and a ballot at least one: a stack of only those, fewer than the batch's ballots
 * (counted by hand), cannot be the whole batch. A PDF or a TIFF may hold many pages.
 */
export const tooFewImages = (files: readonly PickedFile[], ballots: number): boolean =>
  files.length > 0 && files.length < ballots && files.every((f) => ['png', 'jpg', 'jpeg'].includes(extension(f.name)));

const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** 900 → "900 B", 12_345 → "12,1 KB", 13_107_200 → "12,5 MB" (1 KB = 1024 B). */
export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${formatInteger(bytes)} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${oneDecimal.format(value)} ${units[unit]}`;
};

/** Whole percent done, never 100 before the end: 0 of 0 is 0, 449 of 1000 is 44, 1000 of 1000 is 100. */
export const percentDone = (done: number, total: number): number => {
  if (total <= 0 || done <= 0) return 0;
  if (done >= total) return 100;
  return Math.min(99, Math.floor((done * 100) / total));
};

/** "45%" (Vietnamese writes no space before the percent sign). */
export const formatProgress = (done: number, total: number): string => `${formatInteger(percentDone(done, total))}%`;

/** The upload of a stack: one multipart part "file" per file, in stack order. */
export const stackForm = (files: readonly File[]): FormData => {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  return form;
};
