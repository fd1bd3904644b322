/**
 * A reading thread's page decoded, then read, with the request's file bytes let go between the two.
 *
 * Why: a page sent as its file's bytes (a camera's shot, the bench's files: 0.3–4 MB) was held by the request, and so
 * by the reading, until the reading ended. Held through the reading's scavenges, the bytes were promoted and counted
 * toward the old generation's limit as external memory until the next full collection — a reading thread holds
 * ~13 MB, its limit leaves ~8 MB of room after a full collection, so a grey page's file was a sixth of it.
 */
import type { Result, RuleError } from '../../rules/index.ts';
import type { GreyImage } from '../../scan/image.ts';
import type { PagePool } from '../../scan/page-pool.ts';
import { decodeSource } from '../../scan/pages.ts';
import type { SheetPage } from './sheet-protocol.ts';

export type DecodedPage = Result<GreyImage, RuleError>;

/** A page sent decoded as it is; an image file's page decoded into `pool`'s buffer (when given). */
const decoded = async (page: SheetPage, pool: PagePool | undefined): Promise<DecodedPage> =>
  (page.kind === 'decoded' ? { ok: true, value: page.image } : decodeSource(page.file, page.index, pool));

/**
 * `request`'s page decoded, then `readIt` given the request without its page, and the page. Nothing here holds
 * `request` past the decoding (no closure takes it), so its file's bytes are garbage while `readIt` runs.
 */
export const decodeThenRead = <R extends { readonly page: SheetPage }>(
  request: R, pool: PagePool | undefined, readIt: (asked: Omit<R, 'page'>, page: DecodedPage) => void,
): Promise<void> => {
  const { page: source, ...asked } = request;
  return decoded(source, pool).then((page) => { readIt(asked, page); });
};
