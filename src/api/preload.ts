/**
 * What the server embeds in the HTML of a screen it knows the first data of (today `/read?doc=ID`, a delegate's
 * phone): the signed-in person (as `me` answers) and the first page of the document (as the units endpoint answers
 * for offset 0), so the first screen needs no request after the page on a slow network. A non-executed data block
 * (`<script type="application/json">`), which the content security policy allows.
 */
import { z } from 'zod';
import { Principal } from './auth.ts';
import { UnitsPage } from './discussion.ts';

/** The id of the data block in the HTML. */
export const PRELOAD_ELEMENT_ID = 'daihoi-preload';

/** Units on a page of the phone's reading screen (the embedded first page and every page after it). */
export const READ_PAGE_SIZE = 20;

/** Which page of a document's units starts at `offset`, of how many (at least one). */
export const readPageOf = (offset: number, total: number): { page: number; pages: number } =>
  ({ page: Math.floor(offset / READ_PAGE_SIZE) + 1, pages: Math.max(1, Math.ceil(total / READ_PAGE_SIZE)) });

export const ReadPreload = z.object({
  /** The congress of the document: the screen uses the page only when it reads the same congress. */
  congress: z.string(),
  /** The document's title, shown above its first page before the app has its list of documents. */
  title: z.string(),
  page: UnitsPage,
});
export type ReadPreload = z.infer<typeof ReadPreload>;

export const Preload = z.object({
  me: Principal,
  read: ReadPreload.nullable(),
});
export type Preload = z.infer<typeof Preload>;
