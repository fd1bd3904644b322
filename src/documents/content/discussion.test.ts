import { describe, expect, it } from 'vitest';
import { HEADER } from '../fixtures/congress.ts';
import { discussionReportContent, resolutionContent } from './discussion.ts';

describe('the synthesis report (báo cáo tổng hợp, tiếp thu, giải trình)', () => {
  const content = discussionReportContent({
    header: HEADER, documentTitle: 'Dự thảo Báo cáo chính trị trình Đại hội', versionNumber: 1,
    totals: { comments: 4, paper: 4, groupOpinions: 1, groupsReported: 1, groups: 4 }, units: [], signedBy: '',
  });

  it('names the congress the draft is presented to once, not twice', () => {
    expect(content.subtitles?.[0]).toBe('Tổng hợp, tiếp thu, giải trình ý kiến góp ý vào Dự thảo Báo cáo chính trị');
    expect(content.subtitles?.[1]).toMatch(/^trình Đại hội /u);
  });

  it('gives the totals in one run of text, so a justified line keeps every space ("1 ý kiến", not "1ý kiến")', () => {
    const first = content.blocks[0]!;
    expect(first.kind === 'paragraph' ? first.runs.map((r) => r.text) : null).toEqual([
      'Đoàn Thư ký Đại hội đã tổng hợp ý kiến góp ý vào Dự thảo Báo cáo chính trị trình Đại hội (phiên bản số 1): 4 ý kiến của đại biểu (trong đó 4 phiếu góp ý '
      + 'bằng giấy) và 1 ý kiến của 1/4 tổ thảo luận, về 0 đoạn của dự thảo. Các ý kiến cùng nội dung được tổng hợp chung; số tổ và số đại biểu ghi kèm từng nội dung.',
    ]);
  });

  it('says each group of opinions once: who and how many with the kind in words, no "(sửa đổi)" after "đề nghị sửa", no ".;" in the table', () => {
    const c = discussionReportContent({
      header: HEADER, documentTitle: 'Dự thảo Báo cáo chính trị', versionNumber: 1, totals: { comments: 3, paper: 0, groupOpinions: 1, groupsReported: 1, groups: 2 }, signedBy: '',
      units: [{ cite: 'Đoạn 8', text: 'Phát triển nông nghiệp hàng hóa.', status: 'pending', newText: null, explanation: null, clusters: [
        { kind: 'change', supportText: '1/2 tổ, 6 đại biểu đề nghị sửa', representative: 'Phát triển nông nghiệp hàng hóa, tập trung vào hồi, quế.' },
        { kind: 'addition', supportText: '1 đại biểu đề nghị bổ sung', representative: 'Phát triển du lịch cộng đồng.' },
      ] }],
    });
    const texts = c.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
    expect(texts).toContain('- 1/2 tổ, 6 đại biểu đề nghị sửa: Phát triển nông nghiệp hàng hóa, tập trung vào hồi, quế.');
    const table = c.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' ? table.rows[0]![2] : null)
      .toBe('1/2 tổ, 6 đại biểu đề nghị sửa: Phát triển nông nghiệp hàng hóa, tập trung vào hồi, quế; 1 đại biểu đề nghị bổ sung: Phát triển du lịch cộng đồng.');
  });
});

describe('the printed resolution (nghị quyết)', () => {
  const units = [{ kind: 'heading' as const, text: 'I. MỤC TIÊU' }, { kind: 'paragraph' as const, text: 'Xây dựng Đảng bộ trong sạch, vững mạnh.' }];
  const print = (targets: readonly { name: string; target: string }[]) => {
    const c = resolutionContent({ header: HEADER, units, targets, vote: null, signedBy: 'Hoàng Văn Thụ' });
    if (!c.ok) throw new Error(c.error.message_en);
    return c.value.blocks;
  };

  it('prints the new term\'s targets as their section, under the congress\'s term, numbered in their order', () => {
    const blocks = print([
      { name: 'Thu nhập bình quân đầu người đến năm 2030', target: '65 triệu đồng/người/năm' },
      { name: 'Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ', target: 'trên 90% hằng năm' },
    ]);
    const at = blocks.findIndex((x) => x.kind === 'heading' && x.text === 'Các chỉ tiêu chủ yếu nhiệm kỳ 2020 – 2025');
    expect(at).toBeGreaterThan(2);
    const rows = blocks[at + 1];
    expect(rows?.kind === 'table' ? [rows.columns.map((x) => x.title), ...rows.rows] : null).toEqual([
      ['STT', 'Chỉ tiêu', 'Mục tiêu'],
      ['1', 'Thu nhập bình quân đầu người đến năm 2030', '65 triệu đồng/người/năm'],
      ['2', 'Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ', 'trên 90% hằng năm'],
    ]);
  });

  it('has no section of targets when the resolution has none', () => {
    expect(print([]).some((x) => x.kind === 'table' || (x.kind === 'heading' && x.text.startsWith('Các chỉ tiêu')))).toBe(false);
  });
});
