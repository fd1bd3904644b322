/**
 * The blocks of the HTML mammoth makes of a .docx: headings (h1–h6), paragraphs (p) and list items (li, numbered
 * as Word numbered them: "1." at the first depth of an ordered list, "a)" at the second, "-" for bullets).
 * Mammoth's HTML is regular (no attributes that matter, entities escaped), so a small tag scanner is enough.
 */
import type { SourceBlock } from './structure.ts';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

const LETTERS = 'abcdđeghiklmnopqrstuvxy';

const listLabel = (ordered: boolean, depth: number, index: number): string => {
  if (!ordered) return '-';
  if (depth <= 1) return `${index}.`;
  return `${LETTERS[(index - 1) % LETTERS.length]})`;
};

interface List {
  readonly ordered: boolean;
  count: number;
}

/** Blocks in document order; text of tables' cells comes out as paragraphs. */
export const blocksFromHtml = (html: string): SourceBlock[] => {
  const blocks: SourceBlock[] = [];
  const lists: List[] = [];
  let text: string[] | null = null;
  let heading: number | undefined;
  let label: string | undefined;
  const flush = (): void => {
    if (text === null) return;
    const t = decodeEntities(text.join('')).replace(/\s+/gu, ' ').trim();
    if (t !== '') blocks.push({ text: t, ...(heading === undefined ? {} : { headingLevel: heading }), ...(label === undefined ? {} : { listLabel: label }) });
    text = null;
    heading = undefined;
    label = undefined;
  };
  const re = /<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/giu;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    if (m[3] !== undefined) {
      if (text !== null) text.push(m[3]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (tag === 'br') {
      if (text !== null) text.push(' ');
      continue;
    }
    if (tag === 'ol' || tag === 'ul') {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', count: 0 });
      continue;
    }
    const h = /^h([1-6])$/u.exec(tag);
    if (tag === 'p' || tag === 'li' || h !== null || tag === 'td' || tag === 'th') {
      if (closing) {
        flush();
        continue;
      }
      if (text !== null && tag === 'p' && lists.length > 0) {
        // A paragraph inside a list item continues the item.
        continue;
      }
      flush();
      text = [];
      if (h !== null) heading = Number(h[1]);
      if (tag === 'li') {
        const list = lists[lists.length - 1];
        if (list !== undefined) {
          list.count++;
          label = listLabel(list.ordered, lists.filter((l) => l.ordered).length, list.count);
        }
      }
    }
  }
  flush();
  return blocks;
};
