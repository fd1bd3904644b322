import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSupport, supportText } from './counting.ts';
import { groupOpinions, normalizeVi, shinglesOf, similarity, stripMarks, type OpinionKind, type OpinionText } from './grouping.ts';
import { clusterOpinions, type Opinion } from './synthesis.ts';
import { versionDiff, wordDiff } from './versions.ts';
import { blocksFromText, splitDocument } from './structure.ts';

const op = (key: string, text: string, kind: OpinionKind = 'change'): OpinionText => ({ key, kind, text });

describe('grouping opinions on a paragraph', () => {
  it('puts exact and near-identical proposals together, apart from a different one', () => {
    const groups = groupOpinions([
      op('a', 'Đề nghị bổ sung cụm từ "chuyển đổi số" vào mục tiêu tổng quát.'),
      op('b', 'đề nghị bổ sung cụm từ chuyển đổi số vào mục tiêu tổng quát'),
      op('c', 'De nghi bo sung cum tu chuyen doi so vao muc tieu tong quat'),
      op('d', 'Đề nghị bổ sung cụm từ "chuyển đổi số" vào mục tiêu chung của nhiệm kỳ.'),
      op('e', 'Đề nghị bỏ chỉ tiêu về tỷ lệ hộ nghèo vì đã đạt.'),
    ]);
    expect(groups.map((g) => g.keys)).toEqual([['a', 'b', 'c', 'd'], ['e']]);
  });

  it('never joins opinions of different kinds', () => {
    const groups = groupOpinions([op('a', 'Đoạn này viết dài', 'removal'), op('b', 'Đoạn này viết dài', 'change')]);
    expect(groups).toHaveLength(2);
  });

  it('tells tone marks apart for exactness but not for likeness', () => {
    expect(normalizeVi('  Mà, MA! ')).toBe('mà ma');
    expect(stripMarks('Đề nghị')).toBe('De nghi');
    expect(similarity('đề nghị sửa', 'de nghi sua')).toBe(1);
    expect(shinglesOf('a b c')).toEqual(['a', 'b', 'c', 'a b', 'b c']);
  });

  // Oracle: every pair compared by brute force, groups as connected components (a different formulation).
  const bruteForce = (items: readonly OpinionText[], t: number): string[][] => {
    const parent = items.map((_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        if (items[i]!.kind !== items[j]!.kind) continue;
        const same = normalizeVi(items[i]!.text) === normalizeVi(items[j]!.text);
        if (same || similarity(items[i]!.text, items[j]!.text) >= t) parent[find(j)] = find(i);
      }
    }
    const m = new Map<number, string[]>();
    items.forEach((it, i) => m.set(find(i), [...(m.get(find(i)) ?? []), it.key]));
    return [...m.values()].map((g) => [...g].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
  };
  const WORDS = ['đề', 'nghị', 'bổ', 'sung', 'sửa', 'chỉ', 'tiêu', 'kinh', 'tế', 'số', 'xã', 'hội', 'Đảng', 'bộ'];

  it('finds exactly the groups the brute force finds (property)', () => {
    const text = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 7 }).map((w) => w.join(' '));
    // Items are variants of a few base texts (a word dropped or added, case changed), so groups form.
    const variant = (bases: readonly string[]) => fc.record({
      base: fc.nat({ max: bases.length - 1 }), drop: fc.nat({ max: 8 }), add: fc.option(fc.constantFrom(...WORDS)), upper: fc.boolean(),
      kind: fc.constantFrom<OpinionKind>('change', 'addition'),
    }).map(({ base, drop, add, upper, kind }) => {
      const words = bases[base]!.split(' ');
      if (drop < words.length && words.length > 2) words.splice(drop, 1);
      if (add !== null) words.push(add);
      const t = words.join(' ');
      return { kind, text: upper ? t.toLocaleUpperCase('vi') : t };
    });
    const item = fc.array(text, { minLength: 1, maxLength: 3 });
    let joined = 0;
    fc.assert(fc.property(item.chain((bases) => fc.array(variant(bases), { maxLength: 25 })), fc.constantFrom(0.4, 0.6, 0.8), (raw, t) => {
      const items = raw.map((r, i) => ({ ...r, key: `k${String(i).padStart(2, '0')}` }));
      const got = groupOpinions(items, t).map((g) => [...g.keys].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
      expect(got).toEqual(bruteForce(items, t));
      if (got.some((g) => g.length > 1)) joined++;
    }), { numRuns: 300 });
    // The generator reaches groups of several opinions, not only singletons.
    expect(joined).toBeGreaterThan(100);
  });

  it('groups the same whatever was grouped before (the word dictionary is kept between calls)', () => {
    const items = [op('a', 'Đề nghị bổ sung chỉ tiêu kinh tế số'), op('b', 'de nghi bo sung chi tieu kinh te so.'), op('c', 'Đề nghị sửa chỉ tiêu xã hội')];
    const first = groupOpinions(items);
    for (let i = 0; i < 200; i++) groupOpinions([op(`x${i}`, `từ ${i} mới ${i * 7} khác ${i * 13}`), op(`y${i}`, `chỉ tiêu ${i}`)]);
    expect(groupOpinions(items)).toEqual(first);
    expect(first.map((g) => g.keys)).toEqual([['a', 'b'], ['c']]);
  });
});

describe('counting support', () => {
  it('counts groups once and never twice a delegate its group already counted', () => {
    const s = countSupport([
      { source: 'group', groupId: 1, agreeCount: 9 },
      { source: 'group', groupId: 2, agreeCount: 3 },
      { source: 'delegate', delegateId: 10, groupId: 1 },
      { source: 'delegate', delegateId: 11, groupId: 2 },
      { source: 'delegate', delegateId: 12, groupId: 2 },
      { source: 'delegate', delegateId: 13, groupId: 2 },
      { source: 'delegate', delegateId: 14, groupId: 2 },
      { source: 'delegate', delegateId: 15, groupId: 3 },
      { source: 'delegate', delegateId: 15, groupId: 3 },
      { source: 'delegate', delegateId: 16, groupId: null },
    ], 12);
    // group 1: max(9, 1) = 9; group 2: max(3, 4) = 4; delegates 15 and 16 alone: 2.
    expect(s).toEqual({ groups: 2, groupsTotal: 12, delegates: 15 });
    expect(supportText({ groups: 7, groupsTotal: 12, delegates: 1038 }, 'addition')).toBe('7/12 tổ, 1.038 đại biểu đề nghị bổ sung');
    expect(supportText({ groups: 0, groupsTotal: 0, delegates: 3 }, 'removal')).toBe('3 đại biểu đề nghị bỏ');
  });

  it('clusters with support text', () => {
    const o = (key: string, text: string, delegateId: number): Opinion => ({
      key, kind: 'addition', text, body: text, proposed: null, author: `Đại biểu ${delegateId}`, source: { source: 'delegate', delegateId, groupId: null },
    });
    const g: Opinion = { key: 'g1', kind: 'addition', text: 'Bổ sung chuyển đổi số', body: 'Bổ sung chuyển đổi số', proposed: null, author: 'Tổ 1',
      source: { source: 'group', groupId: 1, agreeCount: 7 } };
    const c = clusterOpinions([o('a', 'Bổ sung chuyển đổi số.', 1), o('b', 'bổ sung chuyển đổi số', 2), g, o('c', 'Thêm về môi trường', 3)], 2);
    expect(c.map((x) => [x.opinions.length, x.supportText])).toEqual([[3, '1/2 tổ, 9 đại biểu đề nghị bổ sung'], [1, '1 đại biểu đề nghị bổ sung']]);
  });
});

describe('versions', () => {
  it('shows a reworded paragraph word by word, and added or removed ones as such', () => {
    const a = splitDocument(blocksFromText('I. MỤC TIÊU\nTăng trưởng bình quân 7% mỗi năm.\nGiữ vững ổn định.\nĐoạn sẽ bỏ.'));
    const b = splitDocument(blocksFromText('I. MỤC TIÊU\nTăng trưởng bình quân 7,5% mỗi năm.\nGiữ vững ổn định.\nĐoạn mới thêm.\nĐoạn mới thứ hai.'));
    const d = versionDiff(a, b);
    expect(d.map((c) => c.kind)).toEqual(['same', 'changed', 'same', 'changed', 'added']);
    const changed = d[1]!;
    if (changed.kind !== 'changed') throw new Error('expected changed');
    expect(changed.words.filter((w) => w.op !== 'same').map((w) => [w.op, w.text])).toEqual([['removed', '7%'], ['added', '7,5%']]);
    expect(wordDiff('a b', 'a b')).toEqual([{ op: 'same', text: 'a b' }]);
  });
});
