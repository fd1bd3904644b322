import { describe, expect, it } from 'vitest';
import { CARDS_PER_PAGE, cardBox } from './card-layout.ts';
import { HEADER } from './fixtures/congress.ts';
import { cards } from './fixtures/delegates.ts';
import { CATEGORY_SHORT, STATUS_LABELS } from './labels.ts';
import { renderDelegateCardsPdf } from './pdf/cards-pdf.ts';
import { pdfPageCount, pdfText, rasterise, readQr } from './testing/extract.ts';

describe('delegate cards', () => {
  it('prints eight cards per A4 sheet with name, delegation, seat, category and a readable QR of the token', async () => {
    // Every other card with a sign-in code: it is printed under the QR code, which moves up to make room.
    const list = cards(10).map((c, k) => (k % 2 === 0 ? { ...c, code: `ABCDE-FG${k}HJ`.replace(/[01]/gu, '2') } : c));
    const res = await renderDelegateCardsPdf({ header: HEADER, cards: list });
    if (!res.ok) throw new Error(res.error.message_en);
    expect(pdfPageCount(res.value)).toBe(2);
    const text = pdfText(res.value).replace(/\s+/gu, ' ');
    expect(text.split('THẺ ĐẠI BIỂU').length - 1).toBe(10);
    for (const c of list) {
      for (const s of [c.name, c.delegation, `${STATUS_LABELS[c.status]} – ${CATEGORY_SHORT[c.category]}`]) expect(text).toContain(s);
      if (c.seat !== null) expect(text).toContain(`Ghế: ${c.seat}`);
      if (c.code !== undefined) expect(text).toContain(`Mã: ${c.code}`);
    }
    for (const page of [1, 2]) {
      const raster = rasterise(res.value, page);
      const onPage = list.slice((page - 1) * CARDS_PER_PAGE, page * CARDS_PER_PAGE);
      onPage.forEach((c, slot) => {
        const b = cardBox(slot);
        expect(readQr(raster, { x: b.x + b.width - 95, y: b.y + b.height - 105, width: 90, height: 100 }, 150, 2)).toBe(c.token);
      });
    }
  });

  it('refuses a sign-in code that is not two groups of five', async () => {
    const res = await renderDelegateCardsPdf({ header: HEADER, cards: [{ ...cards(1)[0]!, code: 'abc' }] });
    expect(!res.ok && res.error.code).toBe('card.code');
  });

  it('refuses a token that is not printable ASCII', async () => {
    const res = await renderDelegateCardsPdf({ header: HEADER, cards: [{ ...cards(1)[0]!, token: 'thẻ số 1' }] });
    expect(res.ok).toBe(false);
  });
});
