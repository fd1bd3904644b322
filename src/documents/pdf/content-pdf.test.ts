import { describe, expect, it } from 'vitest';
import { b, type Run } from '../content/blocks.ts';
import { pdfText } from '../testing/extract.ts';
import { renderContentPdf, spacesBeforeRunEnds } from './content-pdf.ts';

const LONG = 'đề nghị làm rõ thêm các giải pháp phát triển kinh tế nông nghiệp và du lịch, bổ sung các chỉ tiêu về môi trường và an sinh xã hội cho giai đoạn tới.';

describe('a justified paragraph of bold and plain runs', () => {
  it('keeps the space between a bold run and the plain run that starts with it, mid-line', async () => {
    const runs: Run[] = [b('Tổ 1:'), { text: ` Nhất trí với dự thảo, ${LONG}` }, b(' Tổ 2:'), { text: ` Nhất trí, ${LONG}` }];
    const pdf = await renderContentPdf({
      header: { lines: [{ text: 'ĐẢNG BỘ XÃ TÂN LIÊN', bold: true }], placeDate: null },
      title: 'TỔNG HỢP Ý KIẾN',
      subtitles: [],
      date: '2020-07-15',
      blocks: [{ kind: 'paragraph', indent: true, align: 'justify', runs }],
    });
    const text = pdfText(pdf).replace(/\s+/gu, ' ');
    expect(text).toContain('Tổ 1: Nhất trí');
    expect(text).toContain('Tổ 2: Nhất trí');
  });

  it('moves a run\'s leading spaces to the end of the run before it, and changes no text', () => {
    const runs: Run[] = [{ text: ' a' }, b('Tổ 2:'), { text: '  b ' }, { text: 'c' }];
    const moved = spacesBeforeRunEnds(runs);
    expect(moved.map((r) => r.text)).toEqual([' a', 'Tổ 2:  ', 'b ', 'c']);
    expect(moved.map((r) => r.text).join('')).toBe(runs.map((r) => r.text).join(''));
    expect(moved[1]?.bold).toBe(true);
  });
});
