/**
 * The resolution (nghị quyết) from the draft resolution's units: its parts are the top-level sections (the
 * headings of the highest rank present), each with the units under it; text before the first heading is the
 * preamble. Adopted as a whole, and optionally part by part, by show of hands (docs/rules.md §2).
 */
import type { Unit } from './structure.ts';

export interface ResolutionPart {
  /** The heading's ref ("I.", "PHẦN THỨ NHẤT"); "" for the preamble. */
  readonly ref: string;
  readonly title: string;
  readonly units: readonly Unit[];
}

export const resolutionParts = (units: readonly Unit[]): ResolutionPart[] => {
  const headings = units.filter((u) => u.kind === 'heading');
  if (headings.length === 0) return units.length === 0 ? [] : [{ ref: '', title: 'Toàn văn', units }];
  const top = Math.min(...headings.map((h) => h.level));
  const parts: { ref: string; title: string; units: Unit[] }[] = [];
  for (const u of units) {
    if (u.kind === 'heading' && u.level === top) {
      parts.push({ ref: u.ref, title: u.text, units: [u] });
      continue;
    }
    const last = parts[parts.length - 1];
    if (last === undefined) parts.push({ ref: '', title: 'Phần mở đầu', units: [u] });
    else last.units.push(u);
  }
  return parts;
};

/** What the vote on a part is about, as the record of votes prints it. */
export const resolutionVoteSubject = (documentTitle: string, part: Pick<ResolutionPart, 'title'> | null): string =>
  part === null ? `Thông qua toàn văn ${documentTitle}` : `Thông qua ${documentTitle} — ${part.title}`.slice(0, 300);
