/**
 * The phone's reading screen as plain HTML, written by the server into `<div id="root">` of `/read?doc=ID` from the
 * same embedded data the app starts from (ReadPreload): the browser shows the first paragraphs as soon as the HTML
 * arrives, before any script or stylesheet (on throttled 3G those take over a second). The same elements and class
 * names as ReadPage.tsx renders; React replaces it when the app starts. Every text is escaped. Pure.
 */
import { readPageOf, type ReadPreload } from '../api/preload.ts';
import { READ_SCREEN_VI } from '../api/read-screen.ts';
import type { UnitView } from '../api/discussion.ts';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/gu, (c) => ESCAPES[c] ?? c);

/** `{{name}}` filled as i18next fills it. */
const fill = (template: string, values: Readonly<Record<string, number>>): string =>
  template.replace(/\{\{(\w+)\}\}/gu, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));

/**
 * Readable before the app's stylesheet arrives (the page's stylesheet link is in the body, after the root: it does
 * not hold the first paint); scoped to the fragment, and gone with it when React renders.
 */
const FIRST_SCREEN_STYLE = [
  'body{margin:0;font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#f5f3ef}',
  '.first-screen{padding:.75rem;max-width:1600px;margin:0 auto}',
  '.first-screen h1{font-size:1.4rem;margin:0 0 .5rem}',
  '.first-screen .muted{color:#555}',
  '.first-screen ol.units{list-style:none;padding:0;margin:0}',
  '.first-screen li.unit{margin:0 0 .75rem}',
  '.first-screen .unit-heading{font-size:1.1rem;margin:1rem 0 .25rem}',
  '.first-screen .badge{display:inline-block;font-size:.85rem;padding:.1rem .5rem;border-radius:999px;background:#d6d1c7}',
].join('');

const unitHtml = (u: UnitView): string => {
  const head = `<li class="unit ${escapeHtml(u.kind)} level-${u.level}" data-unit="${u.number ?? ''}">`;
  if (u.kind === 'heading') return `${head}<h2 class="unit-heading">${escapeHtml(u.text)}</h2></li>`;
  const badge = `<span class="badge">${escapeHtml(fill(READ_SCREEN_VI.paragraph, { number: u.number ?? 0 }))}</span>`;
  const comments = u.comments > 0 ? `<p class="muted">${escapeHtml(fill(READ_SCREEN_VI.yourComments, { count: u.comments }))}</p>` : '';
  return `${head}<p>${badge} ${escapeHtml(u.text)}</p>${comments}</li>`;
};

/** The first screen of the document's first page: the screen's and the document's titles, where in the document, its units. */
export const firstScreenHtml = (data: ReadPreload): string => {
  const { page } = data;
  const range = fill(READ_SCREEN_VI.page, readPageOf(page.offset, page.total));
  return `<style>${FIRST_SCREEN_STYLE}</style><main class="screen screen-read first-screen"><div class="read-page">`
    + `<h1>${escapeHtml(READ_SCREEN_VI.documents)}</h1><p class="document-title"><strong>${escapeHtml(data.title)}</strong></p>`
    + `<p class="muted" role="status">${escapeHtml(range)}</p>`
    + `<ol class="units">${page.units.map(unitHtml).join('')}</ol></div></main>`;
};
