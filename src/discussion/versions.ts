/**
 * What changed between two versions of a draft: units aligned by their text (a unit added or removed between
 * others does not shift the comparison), changed units shown word by word.
 */
import { diffArrays } from 'diff';
import type { Unit } from './structure.ts';

export type WordOp = 'same' | 'added' | 'removed';
export interface WordPiece {
  readonly op: WordOp;
  readonly text: string;
}

/**
 * Word-level difference of two texts, as pieces to print struck through (removed) or underlined (added). Words
 * are whole (split at spaces only), so "7%" → "7,5%" reads as one word replaced, not as ",5" inserted.
 */
export const wordDiff = (before: string, after: string): WordPiece[] => {
  const tokens = (s: string): string[] => s.split(/(\s+)/u).filter((t) => t !== '');
  const out: WordPiece[] = [];
  for (const c of diffArrays(tokens(before), tokens(after))) {
    const op: WordOp = c.added ? 'added' : c.removed ? 'removed' : 'same';
    const text = c.value.join('');
    const last = out[out.length - 1];
    if (last !== undefined && last.op === op) out[out.length - 1] = { op, text: last.text + text };
    else out.push({ op, text });
  }
  return out;
};

export type UnitChange =
  | { readonly kind: 'same'; readonly before: Unit; readonly after: Unit }
  | { readonly kind: 'changed'; readonly before: Unit; readonly after: Unit; readonly words: readonly WordPiece[] }
  | { readonly kind: 'added'; readonly after: Unit }
  | { readonly kind: 'removed'; readonly before: Unit };

const key = (u: Unit): string => u.text.toLocaleLowerCase('vi').replace(/\s+/gu, ' ');

/**
 * The changes from `before` to `after`. Runs of removed units followed by added units are paired in order as
 * changed units (a paragraph reworded), the rest stay added or removed.
 */
export const versionDiff = (before: readonly Unit[], after: readonly Unit[]): UnitChange[] => {
  const parts = diffArrays(before.map(key), after.map(key));
  const out: UnitChange[] = [];
  let i = 0;
  let j = 0;
  let removed: Unit[] = [];
  const pairWith = (added: readonly Unit[]): void => {
    const n = Math.min(removed.length, added.length);
    for (let k = 0; k < n; k++) out.push({ kind: 'changed', before: removed[k]!, after: added[k]!, words: wordDiff(removed[k]!.text, added[k]!.text) });
    for (const u of removed.slice(n)) out.push({ kind: 'removed', before: u });
    for (const u of added.slice(n)) out.push({ kind: 'added', after: u });
    removed = [];
  };
  for (const part of parts) {
    const count = part.value.length;
    if (part.removed) {
      removed.push(...before.slice(i, i + count));
      i += count;
    } else if (part.added) {
      pairWith(after.slice(j, j + count));
      j += count;
    } else {
      pairWith([]);
      for (let k = 0; k < count; k++) out.push({ kind: 'same', before: before[i + k]!, after: after[j + k]! });
      i += count;
      j += count;
    }
  }
  pairWith([]);
  return out;
};

/** "3 đoạn sửa, 1 đoạn thêm, 0 đoạn bỏ" */
export const diffSummary = (changes: readonly UnitChange[]): { changed: number; added: number; removed: number; text_vi: string } => {
  const changed = changes.filter((c) => c.kind === 'changed').length;
  const added = changes.filter((c) => c.kind === 'added').length;
  const removed = changes.filter((c) => c.kind === 'removed').length;
  return { changed, added, removed, text_vi: `${changed} đoạn sửa, ${added} đoạn thêm, ${removed} đoạn bỏ` };
};
