// Its own file, so that the documents below are the first this process renders (the fault needed a fresh cache).
import { describe, expect, it } from 'vitest';
import { HEADER, round } from '../fixtures/congress.ts';
import { pdfText } from '../testing/extract.ts';
import { renderBallotPdf } from './ballot-pdf.ts';

const text = async (r: Parameters<typeof renderBallotPdf>[0]['round']): Promise<string> => {
  const res = await renderBallotPdf({ header: HEADER, round: r });
  if (!res.ok) throw new Error(res.error.message_en);
  return pdfText(res.value).replace(/\s+/gu, ' ');
};

describe('fonts parsed once per process', () => {
  it('keep the text of composed letters extractable in every later document', async () => {
    // The first document has "ỳ" (kỳ) but no plain "y": its subset creates the glyph "y" without code points.
    const first = await text(round({ kind: 'committee', seats: 1, candidates: [{ id: 'a', name: 'Lý Văn Kỷ' }, { id: 'b', name: 'Hà Văn Nam' }] }));
    expect(first).toContain('Lý Văn Kỷ');
    expect(first).not.toMatch(/[^ỳýỷỹỵ]y/u);
    const second = await text(round({ kind: 'standing-committee', seats: 1, candidates: [{ id: 'a', name: 'Hoàng Thị Thủy' }] }));
    expect(second).toContain('Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh');
    expect(second).toContain('Hoàng Thị Thủy');
  });
});
