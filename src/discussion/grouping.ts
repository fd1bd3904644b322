/**
 * Grouping the opinions on one paragraph that propose the same thing: the same kind (agree, change, addition,
 * removal, other) and the same or nearly the same wording.
 *
 * - Exact: equal after normalising (NFC, lower case in Vietnamese, punctuation and spacing ignored).
 * - Near: Jaccard similarity of word uni- and bigrams ≥ `threshold` (0.6), computed on words WITHOUT tone marks and
 *   with đ → d, so an opinion typed on a phone without Vietnamese input ("de nghi bo sung") meets the same opinion
 *   typed with it. Tone marks still count for exact equality.
 * - Groups are the connected pairs (single linkage). Exact equals are one node (a hash of the normalised text); the
 *   distinct texts are compared by prefix filtering: two sets with Jaccard ≥ t share a token among the first
 *   |s| − ⌈t·|s|⌉ + 1 of each, taken rarest first, and sizes must be within t of each other — so the pairs compared
 *   are few. The result is the all-pairs result (the property test in grouping.test.ts checks it).
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

/**
 * Shingles as numbers: a word's id is the id of its unmarked form, a bigram's id is looked up by its two word ids.
 * Words repeat across opinions and paragraphs, so the dictionary is kept between calls (bounded: emptied at the
 * start of a call when large, never during one, so ids stay consistent within a grouping).
 */
const wordIds = new Map<string, number>();
const unmarkedIds = new Map<string, number>();
const pairIds = new Map<number, number>();
let nextTokenId = 0;
const MAX_TOKENS = 1 << 20;
const resetTokensIfLarge = (): void => {
  if (nextTokenId < MAX_TOKENS) return;
  wordIds.clear();
  unmarkedIds.clear();
  pairIds.clear();
  nextTokenId = 0;
};
const wordId = (w: string): number => {
  let id = wordIds.get(w);
  if (id === undefined) {
    const u = /^[a-z0-9]*$/u.test(w) ? w : stripWord(w);
    id = unmarkedIds.get(u);
    if (id === undefined) { id = nextTokenId++; unmarkedIds.set(u, id); }
    wordIds.set(w, id);
  }
  return id;
};
const pairId = (a: number, b: number): number => {
  // Ids stay below 2^26 (the dictionary is emptied past 2^20 between calls), so the key is one exact number.
  const key = a * 0x4000000 + b;
  let id = pairIds.get(key);
  if (id === undefined) { id = nextTokenId++; pairIds.set(key, id); }
  return id;
};

/** The shingle ids of a text's words, distinct (in no particular order). */
const shingleIdsOfWords = (marked: readonly string[]): number[] => {
  const words = marked.map(wordId);
  const out = new Set<number>(words);
  for (let i = 0; i + 1 < words.length; i++) out.add(pairId(words[i]!, words[i + 1]!));
  return [...out];
};

/** The word uni- and bigrams compared for near-duplicates. */
export const shinglesOf = (text: string): string[] => shinglesOfWords(wordsOf(text));

const shinglesOfWords = (marked: readonly string[]): string[] => {
  const words = marked.map(stripWord);
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

/**
 * Groups of one kind. Exact equals share one normalised text and are one node; only the distinct texts go through
 * the near-duplicate search (prefix-filtered Jaccard), so a paragraph where a hundred delegates typed the same
 * proposal costs one comparison, not five thousand.
 */
const groupOneKind = (items: readonly OpinionText[], threshold: number): number[][] => {
  const n = items.length;
  const nodeOf = new Int32Array(n);
  const byText = new Map<string, number>();
  const byNorm = new Map<string, number>();
  const sets: number[][] = [];
  for (let k = 0; k < n; k++) {
    const text = items[k]!.text;
    let node = byText.get(text);
    if (node === undefined) {
      const words = wordsOf(text);
      const norm = words.join(' ');
      node = byNorm.get(norm);
      if (node === undefined) {
        node = sets.length;
        sets.push(shingleIdsOfWords(words));
        byNorm.set(norm, node);
      }
      byText.set(text, node);
    }
    nodeOf[k] = node;
  }
  const m = sets.length;
  const uf = new UnionFind(m);
  if (m > 1) {
    // Token ids by frequency: rarest first, so prefixes hold the rare tokens.
    // (Any fixed order finds the same pairs; this one makes the prefixes short lists.) Sorting numbers that carry
    // count and token together, without a comparator, is what keeps this cheap.
    const localOf = new Map<number, number>();
    const counts: number[] = [];
    const local = sets.map((s) => s.map((t) => {
      let l = localOf.get(t);
      if (l === undefined) { l = counts.length; localOf.set(t, l); counts.push(0); }
      counts[l]!++;
      return l;
    }));
    const SHIFT = 2 ** 26;
    const keys = new Float64Array(counts.length);
    for (let l = 0; l < counts.length; l++) keys[l] = counts[l]! * SHIFT + l;
    keys.sort();
    const rank = new Int32Array(counts.length);
    for (let i = 0; i < keys.length; i++) rank[keys[i]! % SHIFT] = i;
    const ids = local.map((s) => {
      const out = new Int32Array(s.length);
      for (let i = 0; i < s.length; i++) out[i] = rank[s[i]!]!;
      return out.sort();
    });
    const index = new Map<number, number[]>();
    // lastSeen[o] = the node o was last compared with (+1): a stamp instead of a set per node.
    const lastSeen = new Int32Array(m);
    for (let k = 0; k < m; k++) {
      const s = ids[k]!;
      const prefix = Math.min(s.length, s.length - Math.ceil(threshold * s.length) + 1);
      for (let p = 0; p < prefix; p++) {
        const postings = index.get(s[p]!);
        if (postings === undefined) { index.set(s[p]!, [k]); continue; }
        for (const other of postings) {
          if (lastSeen[other] === k + 1) continue;
          lastSeen[other] = k + 1;
          const o = ids[other]!;
          // Jaccard ≥ t needs t·|larger| ≤ |smaller|.
          const small = Math.min(o.length, s.length);
          const large = Math.max(o.length, s.length);
          if (small < threshold * large) continue;
          if (uf.find(other) === uf.find(k)) continue;
          if (jaccardSorted(o, s) >= threshold) uf.union(other, k);
        }
        postings.push(k);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const r = uf.find(nodeOf[k]!);
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
  resetTokensIfLarge();
  const firstIndex = new Map(opinions.map((o, i) => [o.key, i]));
  const out: OpinionGroup[] = [];
  for (const kind of OPINION_KINDS) {
    const items = opinions.filter((o) => o.kind === kind);
    if (items.length === 0) continue;
    for (const g of groupOneKind(items, threshold)) out.push({ kind, keys: g.map((k) => items[k]!.key) });
  }
  return out.sort((a, b) => b.keys.length - a.keys.length || firstIndex.get(a.keys[0]!)! - firstIndex.get(b.keys[0]!)!);
};
