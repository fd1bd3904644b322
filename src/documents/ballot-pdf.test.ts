import { describe, expect, it } from 'vitest';
import { parseBallotQr } from './ballot-qr.ts';
import { HEADER, candidates, round } from './fixtures/congress.ts';
import type { BallotInput, ElectionRound } from './model.ts';
import { ballotLayoutOf, renderBallotPdf } from './pdf/ballot-pdf.ts';
import { meanGrey, pdfPageCount, pdfText, rasterise, readQr } from './testing/extract.ts';

const render = async (input: BallotInput): Promise<Buffer> => {
  const res = await renderBallotPdf(input);
  if (!res.ok) throw new Error(res.error.message_en);
  return res.value;
};
const flat = (s: string): string => s.replace(/\s+/gu, ' ');

const committee = round({ kind: 'committee', seats: 9, candidates: candidates(11), electionId: 'bch-2020' });

describe('renderBallotPdf', () => {
  it('prints the Party header, title, number to elect and every name in ballot order (strike-out, A5)', async () => {
    const pdf = await render({ header: HEADER, round: committee });
    const text = pdfText(pdf);
    for (const s of ['ĐẢNG BỘ TỈNH LẠNG SƠN', 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'PHIẾU BẦU CỬ',
      '(Số lượng được bầu: 9 đồng chí)']) expect(text).toContain(s);
    expect(flat(text)).toContain('Ban Chấp hành Đảng bộ Khối các cơ quan tỉnh khóa XIV, nhiệm kỳ 2020 – 2025');
    const positions = committee.candidates.map((c, i) => text.indexOf(`${i + 1}. ${c.name}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toMatch(/ngày \d+ tháng/u);
    expect(pdfPageCount(pdf)).toBe(1);
  });

  it('embeds the Tinos font and no other', async () => {
    const pdf = (await render({ header: HEADER, round: committee })).toString('latin1');
    const fonts = [...pdf.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/gu)].map((m) => m[2]);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f!.startsWith('Tinos'))).toBe(true);
    expect(pdf).toContain('/FontFile2');
  });

  it('carries a QR code with congress, election, round, page and layout hash — the same on every ballot', async () => {
    const input = { header: HEADER, round: { ...committee, round: 2 } };
    const pdf = await render(input);
    expect(await render(input)).toEqual(pdf);
    const layout = ballotLayoutOf(input);
    const page = rasterise(pdf, 1);
    const text = readQr(page, layout.pages[0]!.qr);
    expect(text).toBe(`DHB1;c=${HEADER.congressId};e=bch-2020;r=2;p=1/1;h=${layout.hash}`);
    expect(parseBallotQr(text!)).toEqual({
      ok: true, value: { congressId: HEADER.congressId, electionId: 'bch-2020', round: 2, page: 1, pages: 1, layoutHash: layout.hash },
    });
    for (const mark of layout.pages[0]!.marks) expect(meanGrey(page, mark)).toBeLessThan(40);
    // No stamp box: the seal goes over the committee's name (docs/rules.md §5), the band under it stays blank paper.
    const seal = layout.pages[0]!.seal;
    const header = layout.pages[0]!.header!;
    expect(meanGrey(page, { x: header.x, y: header.y + header.height + 2, width: 96, height: layout.pages[0]!.qr.height })).toBeGreaterThan(252);
    expect(seal.x + seal.width).toBeLessThan(layout.pages[0]!.qr.x);
  });

  it('prints the agree / disagree form with empty boxes when the list has no surplus', async () => {
    const r = round({ kind: 'standing-committee', seats: 5, candidates: candidates(5) });
    const pdf = await render({ header: HEADER, round: r });
    const text = pdfText(pdf);
    expect(text).toMatch(/STT\s+Họ và tên\s+Đồng ý\s+Không đồng ý/u);
    r.candidates.forEach((c, i) => expect(text).toMatch(new RegExp(`${i + 1}\\s+${c.name}`, 'u')));
    expect(flat(text)).toContain('Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh khóa XIV, nhiệm kỳ 2020 – 2025');
    const layout = ballotLayoutOf({ header: HEADER, round: r });
    expect(layout.form).toBe('agree-disagree');
    const page = rasterise(pdf, 1);
    for (const row of layout.pages[0]!.rows) {
      expect(meanGrey(page, row.agree!)).toBeGreaterThan(230);
      expect(meanGrey(page, row.disagree!)).toBeGreaterThan(230);
    }
  });

  it('prints the limit of a delegation ballot without surplus', async () => {
    const r = round({ kind: 'delegates', seats: 4, alternateSeats: 1, candidates: candidates(5) });
    expect(ballotLayoutOf({ header: HEADER, round: r }).form).toBe('agree-disagree');
    expect(flat(pdfText(await render({ header: HEADER, round: r })))).toContain(
      '(Số lượng được bầu: 4 đại biểu chính thức, 1 đại biểu dự khuyết; đồng ý không quá 5 người)');
  });

  it('prints the opinion-poll and secretary-poll forms', async () => {
    const poll = round({ kind: 'opinion-poll', seats: 0, candidates: candidates(3) });
    const pollText = flat(pdfText(await render({ header: HEADER, round: poll })));
    expect(pollText).toContain('PHIẾU XIN Ý KIẾN');
    expect(pollText).toContain('Về người được giới thiệu, tự ứng cử vào danh sách bầu cử Ban Chấp hành Đảng bộ Khối các cơ quan tỉnh khóa XIV');
    for (const c of poll.candidates) expect(pollText).toContain(c.name);
    expect(pollText).not.toMatch(/ký tên|chữ ký/iu);

    const sec = round({ kind: 'secretary-poll', seats: 0, candidates: candidates(35) });
    const secText = flat(pdfText(await render({ header: HEADER, round: sec })));
    expect(secText).toContain('PHIẾU GIỚI THIỆU BÍ THƯ');
    expect(secText).toContain('Họ và tên đồng chí được giới thiệu làm Bí thư:');
    expect(secText).toContain('(Ghi họ và tên một đồng chí Ủy viên Ban Chấp hành khóa XIV)');
    for (const c of sec.candidates) expect(secText).not.toContain(c.name);
  });

  it('spreads 300 names over several A4 pages, each page with its own QR code and every name once', async () => {
    const r: ElectionRound = round({ kind: 'delegates', seats: 250, alternateSeats: 20, candidates: candidates(300), electionId: 'dbdh' });
    const input = { header: HEADER, round: r };
    const pdf = await render(input);
    const layout = ballotLayoutOf(input);
    expect(layout.paper).toBe('A4');
    expect(pdfPageCount(pdf)).toBe(layout.pages.length);
    const text = pdfText(pdf);
    expect(flat(text)).toContain('(Số lượng được bầu: 250 đại biểu chính thức, 20 đại biểu dự khuyết; giữ lại không quá 270 tên)');
    for (const [i, c] of r.candidates.entries()) expect(text).toMatch(new RegExp(`(^|\\s)${i + 1}\\. ${c.name}(\\s|$)`, 'mu'));
    for (const page of layout.pages) {
      const qr = readQr(rasterise(pdf, page.index + 1), page.qr);
      expect(qr).toBe(`DHB1;c=${HEADER.congressId};e=dbdh;r=1;p=${page.index + 1}/${layout.pages.length};h=${layout.hash}`);
    }
  });

  it('refuses ids that cannot go into the QR code', async () => {
    const res = await renderBallotPdf({ header: { ...HEADER, congressId: 'đại hội' }, round: committee });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('ballot.qr-id');
  });
});
