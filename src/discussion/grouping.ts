/**
 * Grouping the opinions on one paragraph that propose the same thing: the same kind (agree, change, addition,
 * removal, other) and the same or nearly the same wording.
 *
 * - Exact: equal after normalising (NFC, lower case in Vietnamese, punctuation and spacing ignored).
 * - Near: Jaccard similarity of word uni- and bigrams ≥ `threshold` (0.6), computed on words WITHOUT tone marks and
 *   with đ → d, so an opinion typed on a phone without Vietnamese input ("de nghi bo sung") meets the same opinion
 *   typed with it. Tone marks still count for exact equality.
 * - Groups are the connected pairs (single linkage), found by prefix filtering: two sets with Jaccard ≥ t share a
 *   token among the first |s| − ⌈t·|s|⌉ + 1 of each, taken rarest first — so the pairs compared are few.
 */

export const OPINION_KINDS = ['agree', 'change', 'addition', 'removal', 'other'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];

export interface OpinionText {
  /** Anything that identifies the opinion to the caller ("c:12", "g:4"). */
  readonly key: string;
  readonly kind: OpinionKind;
  /** What is proposed: the proposed wording when there is one, else the text of the opinion. */
  readonly text: string;
}

export interface OpinionGroup {
  readonly kind: OpinionKind;
  /** Keys of the opinions, in input order; the first one's text represents the group. */
  readonly keys: readonly string[];
}

export const DEFAULT_THRESHOLD = 0.6;

/** Letters and digits of Latin scripts with Vietnamese marks (and anything beyond U+2FFF); the rest separates words. */
const isWordChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)
  || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff) || c > 0x2fff;

/** The words of a text: NFC, lower case, split at anything not a letter or digit. (A loop: the `\p{L}` regex is
 * ten times slower, and `toLocaleLowerCase('vi')` too — Vietnamese has no special lower-casing rule.) */
export const wordsOf = (text: string): string[] => {
  const t = text.normalize('NFC').toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= t.length; i++) {
    const word = i < t.length && isWordChar(t.charCodeAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) { out.push(t.slice(start, i)); start = -1; }
  }
  return out;
};

/** NFC, lower case, letters and digits only, single spaces. */
export const normalizeVi = (text: string): string => wordsOf(text).join(' ');

const stripWord = (w: string): string => w.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').normalize('NFC');

/** Without tone and vowel marks, đ → d: "đề nghị" → "de nghi". */
export const stripMarks = (text: string): string => stripWord(text);

/** Words repeat across opinions: their unmarked form is remembered (bounded). */
const unmarked = new Map<string, string>();
const unmarkedWord = (w: string): string => {
  let out = unmarked.get(w);
  if (out === undefined) {
    out = /^[a-z0-9]*$/u.test(w) ? w : stripWord(w);
    if (unmarked.size > 100_000) unmarked.clear();
    unmarked.set(w, out);
  }
  return out;
};

/** The word uni- and bigrams compared for near-duplicates. */
export const shinglesOf = (text: string): string[] => shinglesOfWords(wordsOf(text));

const shinglesOfWords = (marked: readonly string[]): string[] => {
  const words = marked.map(unmarkedWord);
  const out = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return [...out];
};

/** |a ∩ b| / |a ∪ b| of two sets given as sorted arrays of numbers. */
const jaccardSorted = (a: Int32Array, b: Int32Array): number => {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { both++; i++; j++; } else if (a[i]! < b[j]!) i++; else j++;
  }
  const union = a.length + b.length - both;
  return union === 0 ? 1 : both / union;
};

/** Jaccard similarity of two texts' shingles (for tests and explanations). */
export const similarity = (a: string, b: string): number => {
  const sa = new Set(shinglesOf(a));
  const sb = shinglesOf(b);
  const both = sb.filter((s) => sa.has(s)).length;
  const union = sa.size + sb.length - both;
  return union === 0 ? 1 : both / union;
};

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) { const next = this.parent[x]!; this.parent[x] = r; x = next; }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Groups of one kind: exact equals first, then near-duplicates by prefix-filtered Jaccard. */
const groupOneKind = (items: readonly OpinionText[], threshold: number): number[][] => {
  const n = items.length;
  const uf = new UnionFind(n);
  const exact = new Map<string, number>();
  const seen = new Map<string, { readonly norm: string; readonly shingles: string[] }>();
  const sets = items.map((it, k) => {
    let known = seen.get(it.text);
    if (known === undefined) {
      const words = wordsOf(it.text);
      known = { norm: words.join(' '), shingles: shinglesOfWords(words) };
      seen.set(it.text, known);
    }
    const first = exact.get(known.norm);
    if (first === undefined) exact.set(known.norm, k); else uf.union(first, k);
    return known.shingles;
  });
  // Token ids by frequency: rarest first, so prefixes hold the rare tokens.
  const freq = new Map<string, number>();
  for (const s of sets) for (const t of s) freq.set(t, (freq.get(t) ?? 0) + 1);
  const order = [...freq.keys()].sort((a, b) => freq.get(a)! - freq.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  const idOf = new Map(order.map((t, i) => [t, i]));
  const ids = sets.map((s) => Int32Array.from(s.map((t) => idOf.get(t)!)).sort());
  const index = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const s = ids[k]!;
    const prefix = s.length - Math.ceil(threshold * s.length) + 1;
    const compared = new Set<number>();
    for (let p = 0; p < Math.min(prefix, s.length); p++) {
      const postings = index.get(s[p]!);
      if (postings !== undefined) {
        for (const other of postings) {
          if (compared.has(other)) continue;
          compared.add(other);
          if (uf.find(other) === uf.find(k)) continue;
          const o = ids[other]!;
          // Jaccard ≥ t needs t·|larger| ≤ |smaller|.
          const small = Math.min(o.length, s.length);
          const large = Math.max(o.length, s.length);
          if (small < threshold * large) continue;
          if (jaccardSorted(o, s) >= threshold) uf.union(other, k);
        }
        postings.push(k);
      } else {
        index.set(s[p]!, [k]);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const r = uf.find(k);
    const g = groups.get(r);
    if (g === undefined) groups.set(r, [k]); else g.push(k);
  }
  return [...groups.values()];
};

/**
 * The groups of the opinions on one paragraph, largest first (ties: the order of their first opinion). Every
 * opinion is in exactly one group.
 */
export const groupOpinions = (opinions: readonly OpinionText[], threshold = DEFAULT_THRESHOLD): OpinionGroup[] => {
  const firstIndex = new Map(opinions.map((o, i) => [o.key, i]));
  const out: OpinionGroup[] = [];
  for (const kind of OPINION_KINDS) {
    const items = opinions.filter((o) => o.kind === kind);
    if (items.length === 0) continue;
    for (const g of groupOneKind(items, threshold)) out.push({ kind, keys: g.map((k) => items[k]!.key) });
  }
  return out.sort((a, b) => b.keys.length - a.keys.length || firstIndex.get(a.keys[0]!)! - firstIndex.get(b.keys[0]!)!);
};
