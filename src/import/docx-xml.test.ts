import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocxBlocks } from './docx-blocks.ts';
import { docxXmlBlocks } from './docx-xml.ts';

describe('reading a .docx', () => {
  it('keeps headings, Word numbering and Vietnamese text', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'so', levels: [
        { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.START },
        { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
      ] }] },
      sections: [{ children: [
        new Paragraph({ text: 'BÁO CÁO CHÍNH TRỊ', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Kết quả đạt được', numbering: { reference: 'so', level: 0 } }),
        new Paragraph({ text: 'Về kinh tế & xã hội', numbering: { reference: 'so', level: 1 } }),
        new Paragraph({ text: 'Về quốc phòng', numbering: { reference: 'so', level: 1 } }),
        new Paragraph({ text: 'Hạn chế', numbering: { reference: 'so', level: 0 } }),
        new Paragraph({ text: 'Một số chi bộ sinh hoạt còn hình thức.' }),
      ] }],
    });
    const data = await Packer.toBuffer(doc);
    const blocks = docxXmlBlocks(data);
    expect(blocks).toEqual([
      { text: 'BÁO CÁO CHÍNH TRỊ', headingLevel: 1 },
      { text: 'Kết quả đạt được', listLabel: 'I.' },
      { text: 'Về kinh tế & xã hội', listLabel: 'a)' },
      { text: 'Về quốc phòng', listLabel: 'b)' },
      { text: 'Hạn chế', listLabel: 'II.' },
      { text: 'Một số chi bộ sinh hoạt còn hình thức.' },
    ]);
    expect(await readDocxBlocks(data, 5)).toMatchObject({ ok: false, error: { code: 'discussion.docx-too-long' } });
  });

  it('refuses what is not a Word file', async () => {
    expect(await readDocxBlocks(new TextEncoder().encode('không phải tệp Word'), 100)).toMatchObject({ ok: false, error: { code: 'discussion.docx-unreadable' } });
  });
});
