import { describe, expect, it } from 'vitest';
import { blocksFromHtml } from './html.ts';
import { blocksFromText, citeUnit, markerOf, splitDocument } from './structure.ts';

const DRAFT = `PHẦN THỨ NHẤT: ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT
Nhiệm kỳ qua, Đảng bộ đã lãnh đạo thực hiện thắng lợi nghị quyết.
I. KẾT QUẢ ĐẠT ĐƯỢC
1. Về công tác chính trị, tư tưởng
Công tác giáo dục chính trị được quan tâm.
Việc học tập nghị quyết được tổ chức nghiêm túc.
a) Về học tập lý luận
Trên 95% đảng viên tham gia học tập.
2. Về xây dựng tổ chức đảng
Tổ chức cơ sở đảng được củng cố. Chất lượng sinh hoạt chi bộ được nâng lên.
II. HẠN CHẾ, NGUYÊN NHÂN
Một số chi bộ sinh hoạt còn hình thức.
PHẦN THỨ HAI: PHƯƠNG HƯỚNG, NHIỆM VỤ
Phấn đấu 100% tổ chức đảng hoàn thành nhiệm vụ.`;

describe('splitting a draft', () => {
  const units = splitDocument(blocksFromText(DRAFT));

  it('finds the headings of every rank and nests paragraphs under them', () => {
    expect(units.filter((u) => u.kind === 'heading').map((u) => [u.label, u.level])).toEqual([
      ['PHẦN THỨ NHẤT', 1], ['I.', 4], ['1.', 5], ['a)', 6], ['2.', 5], ['II.', 4], ['PHẦN THỨ HAI', 1],
    ]);
    const p = units.filter((u) => u.kind === 'paragraph');
    expect(p.map((u) => u.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(p.map((u) => u.ref)).toEqual([
      'PHẦN THỨ NHẤT › đ1',
      'PHẦN THỨ NHẤT › I. › 1. › đ1',
      'PHẦN THỨ NHẤT › I. › 1. › đ2',
      'PHẦN THỨ NHẤT › I. › 1. › a) › đ1',
      'PHẦN THỨ NHẤT › I. › 2. › đ1',
      'PHẦN THỨ NHẤT › II. › đ1',
      'PHẦN THỨ HAI › đ1',
    ]);
    expect(units.map((u) => u.position)).toEqual(units.map((_, i) => i + 1));
  });

  it('keeps a numbered line that reads as sentences as a paragraph with its label', () => {
    const u = splitDocument(blocksFromText('I. MỤC TIÊU\n1. Tăng trưởng đạt 7%. Thu ngân sách vượt dự toán.'));
    expect(u[1]).toMatchObject({ kind: 'paragraph', label: '1.', number: 1, ref: 'I. › đ1' });
  });

  it('does not take a year or a plain number for a marker', () => {
    expect(markerOf('2025 là năm bản lề')).toBeNull();
    expect(markerOf('Chương II. Tổ chức')).toEqual({ rank: 2, label: 'Chương II' });
    expect(markerOf('đ) Về đối ngoại')).toEqual({ rank: 6, label: 'đ)' });
    expect(markerOf('Mục 3 Khen thưởng')).toEqual({ rank: 3, label: 'Mục 3' });
    expect(markerOf('Điều 12. Khen thưởng')).toEqual({ rank: 4, label: 'Điều 12' });
  });

  it('reads "Chương I. Quy định chung" as a heading and a long article as a paragraph', () => {
    const u = splitDocument(blocksFromText('Chương I. Quy định chung\nĐiều 1. Quy chế này quy định việc tổ chức. Đại biểu thực hiện nghiêm túc.'));
    expect(u.map((x) => [x.kind, x.label, x.ref])).toEqual([['heading', 'Chương I', 'Chương I'], ['paragraph', 'Điều 1', 'Chương I › đ1']]);
  });

  it('cites units the way a reader does', () => {
    expect(citeUnit(units[2]!)).toBe('Đề mục PHẦN THỨ NHẤT › I.');
    expect(citeUnit(units[1]!)).toBe('Đoạn 1 (PHẦN THỨ NHẤT › đ1)');
  });

  it('reads the HTML of a .docx: headings, numbered lists, entities', () => {
    const html = '<h1>BÁO CÁO CHÍNH TRỊ</h1><p>Mở đầu &amp; bối cảnh.</p><h2>Về kinh tế</h2><ol><li>Tăng trưởng khá.<ol><li>Nông nghiệp ổn định.</li></ol></li><li>Thu hút đầu tư.</li></ol><p>Kết luận.</p>';
    const blocks = blocksFromHtml(html);
    expect(blocks).toEqual([
      { text: 'BÁO CÁO CHÍNH TRỊ', headingLevel: 1 },
      { text: 'Mở đầu & bối cảnh.' },
      { text: 'Về kinh tế', headingLevel: 2 },
      { text: 'Tăng trưởng khá.', listLabel: '1.' },
      { text: 'Nông nghiệp ổn định.', listLabel: 'a)' },
      { text: 'Thu hút đầu tư.', listLabel: '2.' },
      { text: 'Kết luận.' },
    ]);
    const u = splitDocument(blocks);
    expect(u.map((x) => [x.kind, x.text])).toEqual([
      ['heading', 'BÁO CÁO CHÍNH TRỊ'], ['paragraph', 'Mở đầu & bối cảnh.'], ['heading', 'Về kinh tế'],
      ['heading', '1. Tăng trưởng khá.'], ['heading', 'a) Nông nghiệp ổn định.'], ['heading', '2. Thu hút đầu tư.'], ['paragraph', 'Kết luận.'],
    ]);
  });
});
