/** Delegate cards (thẻ đại biểu): A4 sheets of eight cards to cut, each with the QR code of its card token. */
import { err, ok, ruleError, type Result, type RuleError } from '../../rules/index.ts';
import { PAPER_SIZES, type Box } from '../ballot-layout.ts';
import { CARDS_PER_PAGE, cardBox } from '../card-layout.ts';
import { CATEGORY_SHORT, STATUS_LABELS, congressName, upperVi } from '../labels.ts';
import type { CongressHeader, DelegateCard, DelegateCardsInput } from '../model.ts';
import { createPdf, documentDate, pdfToBuffer, type Pdf } from './doc.ts';
import { lineInBox, strokeBox } from './draw.ts';
import { drawQr } from './qr.ts';

const PAD = 10;
const QR = 78;
const RED = '#b00000';
const PRINTABLE_ASCII = /^[\x21-\x7e]{1,200}$/;
const CARD_CODE = /^[A-Z0-9]{5}-[A-Z0-9]{5}$/u;

const drawCard = (doc: Pdf, h: CongressHeader, card: DelegateCard, b: Box): void => {
  strokeBox(doc, b, 0.4, 3);
  const x = b.x + PAD;
  const w = b.width - 2 * PAD;
  lineInBox(doc, upperVi(h.organisation), { x, y: b.y + 8, width: w, height: 11 }, { size: 8.5, bold: true, align: 'center' });
  lineInBox(doc, congressName(h), { x, y: b.y + 19, width: w, height: 11 }, { size: 8, align: 'center' });
  lineInBox(doc, 'THẺ ĐẠI BIỂU', { x, y: b.y + 33, width: w, height: 20 }, { size: 15, bold: true, align: 'center', color: RED });
  const textW = w - QR - 6;
  const top = b.y + 60;
  lineInBox(doc, card.name, { x, y: top, width: textW, height: 18 }, { size: 13, bold: true });
  lineInBox(doc, card.delegation, { x, y: top + 20, width: textW, height: 13 }, { size: 9.5 });
  lineInBox(doc, `${STATUS_LABELS[card.status]} – ${CATEGORY_SHORT[card.category]}`, { x, y: top + 35, width: textW, height: 13 }, { size: 9.5, italic: true });
  if (card.seat !== null) lineInBox(doc, `Ghế: ${card.seat}`, { x, y: top + 52, width: textW, height: 18 }, { size: 14, bold: true });
  const code = card.code ?? null;
  const qrY = b.y + b.height - PAD - QR - (code === null ? 0 : 9);
  drawQr(doc, card.token, { x: b.x + b.width - PAD - QR, y: qrY, width: QR, height: QR });
  if (code !== null) {
    // Typed at /signin when no camera reads the QR code: the page explains it.
    lineInBox(doc, `Mã: ${code}`, { x: b.x + b.width - PAD - QR - 8, y: qrY + QR, width: QR + 8, height: 10 }, { size: 8, bold: true, align: 'center' });
  }
};

export const renderDelegateCardsPdf = async (input: DelegateCardsInput): Promise<Result<Buffer, RuleError>> => {
  const bad = input.cards.findIndex((c) => !PRINTABLE_ASCII.test(c.token));
  if (bad >= 0) {
    return err(ruleError('card.token', `Mã thẻ của "${input.cards[bad]!.name}" phải là ký tự ASCII in được (1–200 ký tự).`,
      `The card token of "${input.cards[bad]!.name}" must be 1–200 printable ASCII characters.`, `cards[${bad}].token`));
  }
  const badCode = input.cards.findIndex((c) => c.code !== undefined && c.code !== null && !CARD_CODE.test(c.code));
  if (badCode >= 0) {
    return err(ruleError('card.code', `Mã đăng nhập trên thẻ của "${input.cards[badCode]!.name}" phải có dạng ABCDE-FGHJK.`,
      `The sign-in code on the card of "${input.cards[badCode]!.name}" must look like ABCDE-FGHJK.`, `cards[${badCode}].code`));
  }
  const doc = createPdf({ title: `Thẻ đại biểu — ${congressName(input.header)}`, date: documentDate(input.header.date) });
  const { width, height } = PAPER_SIZES.A4;
  input.cards.forEach((card, k) => {
    if (k % CARDS_PER_PAGE === 0) doc.addPage({ size: [width, height], margin: 0 });
    drawCard(doc, input.header, card, cardBox(k % CARDS_PER_PAGE));
  });
  if (input.cards.length === 0) doc.addPage({ size: [width, height], margin: 0 });
  return ok(await pdfToBuffer(doc));
};
