/**
 * The first data the server embedded in the page (src/server/routes/discussion/read-preload.ts): who is signed in
 * and, on `/read?doc=ID`, the document's first page. Parsed with the contract's schema like any answer; used on the
 * first render instead of asking, and forgotten once used (a later visit to the screen asks the server).
 */
import { Preload, PRELOAD_ELEMENT_ID, type Principal, type UnitsPage } from '../../api/index.ts';

const embedded = (): Preload | null => {
  const text = document.getElementById(PRELOAD_ELEMENT_ID)?.textContent ?? null;
  if (text === null) return null;
  try {
    const parsed = Preload.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/** Who the server said is signed in, when it said so in the page. */
export const preloadedPrincipal = (): Principal | null => embedded()?.me ?? null;

/** The embedded first page of a document of this congress, or null. */
export const preloadedPage = (congress: string, documentId: number): UnitsPage | null => {
  const read = embedded()?.read ?? null;
  return read !== null && read.congress === congress && read.page.documentId === documentId && read.page.offset === 0 ? read.page : null;
};

/** After the first render: what is on the screen from now on comes from the server. */
export const forgetPreload = (): void => {
  document.getElementById(PRELOAD_ELEMENT_ID)?.remove();
};
