/**
 * The web app's index.html with a screen's first data in it: a JSON data block (never executed: the content
 * security policy allows no inline script) and `modulepreload` links for the screen's lazy chunk, found in Vite's
 * manifest, so the browser fetches it alongside the entry instead of after it. Pure.
 */
import { z } from 'zod';
import { PRELOAD_ELEMENT_ID } from '../api/preload.ts';

const ManifestChunk = z.object({
  file: z.string(),
  isEntry: z.boolean().optional(),
  imports: z.array(z.string()).optional(),
});
export const ViteManifest = z.record(z.string(), ManifestChunk);
export type ViteManifest = z.infer<typeof ViteManifest>;

/** The chunk `key` and every chunk it imports, transitively (keys of the manifest). */
const closure = (manifest: ViteManifest, key: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(key) || manifest[key] === undefined) return seen;
  seen.add(key);
  for (const k of manifest[key].imports ?? []) closure(manifest, k, seen);
  return seen;
};

/**
 * The files (`assets/…`) of the chunk built from `source` (a path under src/web, e.g. "discussion/ReadPage.tsx")
 * and of the chunks it imports, without those the entry already loads. Empty when the manifest has no such chunk.
 */
export const chunkFiles = (manifest: ViteManifest, source: string): string[] => {
  if (manifest[source] === undefined) return [];
  const entry = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry === true) closure(manifest, key, entry);
  return [...closure(manifest, source)].filter((k) => !entry.has(k)).map((k) => manifest[k]!.file);
};

/**
 * JSON that cannot end the script element it sits in nor open a comment: every `<`, `>` and `&` written as a
 * JSON escape (JSON.parse gives them back), and the two line separators JavaScript once refused.
 */
export const jsonForHtml = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const attribute = (s: string): string => s.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');

const ROOT = '<div id="root"></div>';
const STYLESHEET = /<link rel="stylesheet"[^>]*>/gu;

/**
 * index.html with the data block and the preload links before `</head>`; with `rootHtml` (a first screen the server
 * rendered), that HTML inside the root and the stylesheets moved from the head to just after the root: a stylesheet
 * in the head holds the first paint until it arrives, one in the body does not hold the content before it; and the
 * data block at the end of the body.
 */
export const pageWithData = (html: string, data: unknown, preloadFiles: readonly string[], rootHtml: string | null = null): string => {
  const links = preloadFiles.map((f) => `<link rel="modulepreload" crossorigin href="/${attribute(f)}">`).join('');
  const block = `<script type="application/json" id="${PRELOAD_ELEMENT_ID}">${jsonForHtml(data)}</script>`;
  let page = html;
  if (rootHtml !== null && page.includes(ROOT)) {
    const sheets = page.match(STYLESHEET) ?? [];
    page = page.replace(STYLESHEET, '').replace(ROOT, () => `<div id="root">${rootHtml}</div>${sheets.join('')}`);
  }
  if (rootHtml !== null && page.includes('</body>')) {
    // The first screen is drawn from the root: the data the app starts from comes after it, not before its paint.
    const at = page.indexOf('</head>');
    const withLinks = at < 0 ? `${links}${page}` : `${page.slice(0, at)}${links}${page.slice(at)}`;
    const end = withLinks.lastIndexOf('</body>');
    return `${withLinks.slice(0, end)}${block}${withLinks.slice(end)}`;
  }
  const at = page.indexOf('</head>');
  return at < 0 ? `${links}${block}${page}` : `${page.slice(0, at)}${links}${block}${page.slice(at)}`;
};
