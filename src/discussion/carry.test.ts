import { describe, expect, it } from 'vitest';
import { carryUnits, planCarry, type CarryTarget } from './carry.ts';
import { blocksFromText, splitDocument } from './structure.ts';

const units = (text: string, base: number) => splitDocument(blocksFromText(text)).map((u, i) => ({ ...u, id: base + i }));

describe('carrying comments to a new version', () => {
  it('follows the same text, a reworded or moved paragraph, and marks a removed one', () => {
    const v1 = units([
      'I. MỤC TIÊU',
      'Tăng trưởng kinh tế bình quân 7% mỗi năm trong nhiệm kỳ.',
      'Giữ vững quốc phòng, an ninh trên địa bàn tỉnh.',
      'Đoạn này sẽ bị bỏ hẳn khỏi dự thảo vì trùng ý với phần khác.',
      'Phát triển nguồn nhân lực chất lượng cao cho các ngành mũi nhọn.',
    ].join('\n'), 100);
    const v2 = units([
      'I. MỤC TIÊU',
      'Phát triển nguồn nhân lực chất lượng cao cho các ngành kinh tế mũi nhọn.',
      'Tăng trưởng kinh tế bình quân 7,5% mỗi năm trong nhiệm kỳ.',
      'Giữ vững quốc phòng, an ninh trên địa bàn tỉnh.',
      'Một đoạn hoàn toàn mới về chuyển đổi số.',
    ].join('\n'), 200);
    const m = carryUnits(v1, v2);
    const at = (id: number) => m.get(id);
    expect(at(100)).toEqual({ to: 200, how: 'same' });
    expect(at(101)).toEqual({ to: 202, how: 'similar' });
    expect(at(102)).toEqual({ to: 203, how: 'same' });
    expect(at(103)).toEqual({ to: null, how: 'removed' });
    // Moved to the top and reworded: found by similarity, not by position.
    expect(at(104)).toEqual({ to: 201, how: 'similar' });
    expect(m.size).toBe(v1.length);
  });

  it('does not carry a comment to an unrelated paragraph that took the place of its own', () => {
    const m = carryUnits(units('Đoạn cũ nói về giáo dục và đào tạo.', 1), units('Một nội dung khác hẳn về giao thông nông thôn.', 2));
    expect(m.get(1)).toEqual({ to: null, how: 'removed' });
  });

  it('plans the move of every opinion, a comment or a group\'s record, by its unit\'s target', () => {
    const targets = new Map<number, CarryTarget<number>>([
      [1, { to: 11, how: 'same' }], [2, { to: 12, how: 'similar' }], [3, { to: null, how: 'removed' }],
    ]);
    const comments = [{ id: 50, unitId: 1 }, { id: 51, unitId: 2 }, { id: 52, unitId: 3 }, { id: 53, unitId: 2 }];
    const groupRecords = [{ id: 7, unitId: 2 }, { id: 8, unitId: 9 }];
    expect(planCarry(targets, comments)).toEqual({
      same: 1, similar: 2, removed: 1,
      moves: [
        { id: 50, from: 1, to: 11, how: 'same' }, { id: 51, from: 2, to: 12, how: 'similar' },
        { id: 52, from: 3, to: null, how: 'removed' }, { id: 53, from: 2, to: 12, how: 'similar' },
      ],
    });
    // A unit the plan does not know (not of the old version) keeps its opinion, marked as on a removed paragraph.
    expect(planCarry(targets, groupRecords)).toEqual({
      same: 0, similar: 1, removed: 1,
      moves: [{ id: 7, from: 2, to: 12, how: 'similar' }, { id: 8, from: 9, to: null, how: 'removed' }],
    });
    expect(planCarry(targets, [])).toEqual({ same: 0, similar: 0, removed: 0, moves: [] });
  });
});
