/** The `--text` summary for each kind of result (unit tests of countToText; the command itself is in count.test.ts). */
import { describe, expect, it } from 'vitest';
import { countToText } from '../../src/cli/count-text.ts';
import { countBallots, defaultCountSettings, type Ballot, type ElectionSpec } from '../../src/rules/index.ts';

const names = ['Nguyễn Văn An', 'Trần Thị Ánh', 'Lê Văn Bình', 'Phạm Thị Đào'];
const spec = (o: Partial<ElectionSpec>): ElectionSpec => ({
  kind: 'committee', seats: 2, alternateSeats: 0, base: 10, settings: defaultCountSettings,
  candidates: names.map((name, i) => ({ id: `c${i + 1}`, name })), ...o,
});
const textOf = (s: ElectionSpec, ballots: Ballot[], measured = true): string => {
  const r = countBallots(s, ballots);
  if (!r.ok) throw new Error(r.error.message_en);
  return countToText(s, r.value, measured);
};
const times = (n: number, b: Ballot): Ballot[] => Array.from({ length: n }, () => b);

describe('the Vietnamese summary read aloud', () => {
  it('a tie: who is tied, for how many seats, and that the congress votes again', () => {
    const text = textOf(spec({}), [...times(4, { struck: ['c3', 'c4'] }), ...times(4, { struck: ['c2', 'c4'] }), ...times(2, { struck: ['c1', 'c4'] })]);
    expect(text).toContain('Trúng cử (1/2, theo số phiếu từ cao xuống thấp):\n  1. Nguyễn Văn An (8 phiếu)');
    expect(text).toContain('Có 2 người bằng phiếu nhau cho 1 chỗ còn lại: Trần Thị Ánh, Lê Văn Bình. Đại hội biểu quyết việc bầu lại trong số những người này.');
  });
  it('a shortfall: how many are missing, and that the congress decides', () => {
    const text = textOf(spec({}), [...times(6, { struck: ['c3', 'c4'] }), ...times(4, { struck: ['c1', 'c2', 'c3', 'c4'] })]);
    expect(text).toContain('  - Phiếu gạch tất cả các tên trong danh sách: 4');
    expect(text).toContain('Trúng cử (2/2');
    const short = textOf(spec({}), times(5, { struck: ['c3', 'c4'] }));
    expect(short).toContain('Không có người nào trúng cử.');
    expect(short).toContain('Còn thiếu 2 người. Đại hội thảo luận, biểu quyết có bầu tiếp hay không.');
  });
  it('a delegation lists the alternates by votes', () => {
    const text = textOf(spec({ kind: 'delegates', seats: 1, alternateSeats: 1 }), [...times(6, { struck: ['c3', 'c4'] }), ...times(1, { struck: ['c2', 'c4'] })]);
    expect(text).toContain('KẾT QUẢ KIỂM PHIẾU — ĐOÀN ĐẠI BIỂU DỰ ĐẠI HỘI CẤP TRÊN');
    expect(text).toContain('Đại biểu dự khuyết (theo thứ tự số phiếu):\n  1. Trần Thị Ánh (6 phiếu)');
  });
  it('the opinion poll: measured against those present, and who enters the list', () => {
    const poll = spec({ kind: 'opinion-poll', seats: 0, present: 10 });
    const text = textOf(poll, [...times(4, { marks: { c1: 'agree', c2: 'agree' } }), { marks: { c3: 'agree' } }]);
    expect(text).toContain('Số đại biểu có mặt: 10; cần trên 30% đồng ý, tức ít nhất 4 phiếu.');
    expect(text).toContain('Được đưa vào danh sách bầu cử (2 người):\n  1. Nguyễn Văn An (4 phiếu)\n  2. Trần Thị Ánh (4 phiếu)');
    expect(textOf(poll, [{ marks: { c1: 'agree' } }])).toContain('Không có người nào được trên 30% đại biểu có mặt đồng ý.');
  });
  it('the secretary poll: blank, unrecognized, and that it elects nobody', () => {
    const text = textOf(spec({ kind: 'secretary-poll', seats: 0 }), [{ writeIn: 'c2' }, { writeIn: null }, { writeIn: 'người khác' }]);
    expect(text).toContain('Phiếu không ghi tên: 1; ghi tên người không phải Ủy viên Ban Chấp hành mới (không tính): 1.');
    expect(text).toContain('Kết quả giới thiệu chỉ có giá trị tham khảo, không phải kết quả bầu cử.');
    expect(text).toContain('  2. Trần Thị Ánh: 1 phiếu, đạt 10,00%');
  });
  it('a secretary poll given no base: no base line and no percentages', () => {
    const text = textOf(spec({ kind: 'secretary-poll', seats: 0 }), [{ writeIn: 'c2' }, { writeIn: null }], false);
    expect(text).not.toContain('căn cứ');
    expect(text).toContain('  2. Trần Thị Ánh: 1 phiếu\n');
    expect(text).not.toContain('đạt');
  });
});

describe('a delegation: ties and shortfalls named by cut (official or alternate)', () => {
  const delegation = spec({ kind: 'delegates', seats: 1, alternateSeats: 1, base: 9 });
  it('a tie at the alternate cut only', () => {
    // Nguyễn Văn An 10 votes; Trần Thị Ánh and Lê Văn Bình 5 each for the one alternate seat.
    const text = textOf(delegation, [...times(5, { struck: ['c3', 'c4'] }), ...times(5, { struck: ['c2', 'c4'] })]);
    expect(text.split('\n').at(-1)).toBe('Có 2 người bằng phiếu nhau cho 1 chỗ đại biểu dự khuyết còn lại: Trần Thị Ánh, Lê Văn Bình. '
      + 'Đại hội biểu quyết việc bầu lại trong số những người này.');
  });
  it('a tie at the official cut only', () => {
    // Nguyễn Văn An and Trần Thị Ánh 5 each for the official seat; nobody else passes.
    const text = textOf(delegation, [...times(5, { struck: ['c2', 'c3', 'c4'] }), ...times(5, { struck: ['c1', 'c3', 'c4'] })]);
    expect(text.split('\n').at(-1)).toBe('Có 2 người bằng phiếu nhau cho 1 chỗ đại biểu chính thức còn lại: Nguyễn Văn An, Trần Thị Ánh. '
      + 'Đại hội biểu quyết việc bầu lại trong số những người này.');
  });
  it('a shortfall names the official and the alternate seats apart', () => {
    const text = textOf(delegation, times(4, { struck: ['c3', 'c4'] }));
    expect(text.split('\n').at(-1)).toBe('Còn thiếu 1 đại biểu chính thức và 1 đại biểu dự khuyết. Đại hội thảo luận, biểu quyết có bầu tiếp hay không.');
    const alternatesOnly = textOf(delegation, [...times(5, { struck: ['c2', 'c3', 'c4'] }), ...times(4, { struck: ['c3', 'c4'] })]);
    expect(alternatesOnly.split('\n').at(-1)).toBe('Còn thiếu 1 đại biểu dự khuyết. Đại hội thảo luận, biểu quyết có bầu tiếp hay không.');
  });
});
