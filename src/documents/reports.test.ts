import { describe, expect, it } from 'vitest';
import { formatDateShort, formatPercent } from '../locale/vi.ts';
import { percentOf } from '../rules/index.ts';
import { credentialsComposition } from '../reports/credentials.ts';
import { BOARD, HEADER, round } from './fixtures/congress.ts';
import { candidates } from './fixtures/congress.ts';
import { delegates } from './fixtures/delegates.ts';
import { CONGRESS } from './fixtures/minutes.ts';
import type { Result } from '../rules/index.ts';
import type { TableBlock } from './content/blocks.ts';
import { attendanceReport, credentialsReport, inputLog, showOfHandsRecord, type DocumentContent, type InputLogEntry } from './index.ts';
import { EDUCATION_LABELS, THEORY_LABELS } from './labels.ts';
import { pdfPageCount, pdfText, rowPattern } from './testing/extract.ts';
import { flat, renderBoth } from './testing/render.ts';

describe('credentials report', () => {
  it('prints the composition tables and the conclusion, in PDF and Word', async () => {
    const list = delegates(120).map((d, k) => (k === 5 ? { ...d, credentialsIssue: 'Đang bị đình chỉ sinh hoạt đảng' } : d));
    const c = credentialsComposition(list, HEADER.date);
    const t = await renderBoth(credentialsReport, { header: HEADER, delegates: list, committee: BOARD });
    for (const text of [t.pdf, t.docx]) {
      const f = flat(text);
      for (const s of ['BAN THẨM TRA TƯ CÁCH ĐẠI BIỂU', 'BÁO CÁO', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Lạng Sơn, ngày 15 tháng 7 năm 2020',
        'Thẩm tra tư cách đại biểu dự Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh lần thứ XIV, nhiệm kỳ 2020 – 2025',
        'TM. BAN THẨM TRA TƯ CÁCH ĐẠI BIỂU', BOARD.head]) expect(f).toContain(s);
      expect(f).toContain(`Tổng số đại biểu được triệu tập: ${c.summonedOfficial + c.summonedAlternate}, trong đó đại biểu chính thức: ${c.summonedOfficial}, đại biểu dự khuyết: ${c.summonedAlternate}.`);
      expect(f).toContain(`Số đại biểu chính thức có mặt: ${c.presentOfficial}; vắng mặt: ${c.absentOfficials.length}`);
      for (const a of c.absentOfficials) expect(text).toMatch(rowPattern([a.name, a.delegation, a.reason!]));
      expect(text).toMatch(rowPattern(['Đại biểu đương nhiên', String(c.byCategory['ex-officio'].count), formatPercent(c.byCategory['ex-officio'].percent)]));
      expect(text).toMatch(rowPattern(['Đại biểu được chỉ định', String(c.byCategory.appointed.count), formatPercent(c.byCategory.appointed.percent)]));
      expect(text).toMatch(rowPattern(['Đại biểu nữ', String(c.women.count), formatPercent(c.women.percent)]));
      expect(text).toMatch(rowPattern(['Đại biểu người dân tộc thiểu số', String(c.ethnicMinorities.count), formatPercent(c.ethnicMinorities.percent)]));
      expect(text).toMatch(rowPattern(['Đại biểu dưới 40 tuổi', String(c.under40.count), formatPercent(c.under40.percent)]));
      for (const [k, label] of Object.entries(EDUCATION_LABELS)) {
        const s = c.education[k as keyof typeof EDUCATION_LABELS];
        expect(text).toMatch(rowPattern([label, String(s.count), formatPercent(s.percent)]));
      }
      for (const [k, label] of Object.entries(THEORY_LABELS)) {
        const s = c.politicalTheory[k as keyof typeof THEORY_LABELS];
        expect(text).toMatch(rowPattern([label, String(s.count), formatPercent(s.percent)]));
      }
      expect(f).toContain(`Đại biểu cao tuổi nhất: đồng chí ${c.oldest!.name}, ${c.oldest!.age} tuổi`);
      expect(f).toContain(`đại biểu trẻ tuổi nhất: đồng chí ${c.youngest!.name}, ${c.youngest!.age} tuổi`);
      expect(f).toContain(`tuổi bình quân: ${String(c.averageAge).replace('.', ',')} tuổi`);
      expect(f).toContain(`${c.qualified} đại biểu chính thức có mặt đủ tư cách đại biểu dự Đại hội; 1 đại biểu chưa đủ tư cách:`);
      expect(f).toContain(`Đồng chí ${list[5]!.name}: Đang bị đình chỉ sinh hoạt đảng.`);
    }
  });
});

describe('attendance report', () => {
  it('states attendance against N_base and lists the absent', async () => {
    const absentees = ['Lê Thị Đào', 'Vi Văn Đức', 'Nông Thị Thu', 'Hà Văn Nam', 'Bế Thị Lan', 'Mã Văn Sơn'].map((name, k) => (
      { name, delegation: k % 2 === 0 ? 'Đảng bộ Sở Y tế' : 'Đảng bộ Công an tỉnh', reason: k === 0 ? 'Ốm, có đơn' : null }));
    const input = { header: HEADER, session: 'Phiên khai mạc, sáng ngày 15/7/2020', attendance: CONGRESS, present: 254, absentees,
      quorum: { numerator: 2, denominator: 3 }, signedBy: BOARD };
    const t = await renderBoth(attendanceReport, input);
    for (const text of [t.pdf, t.docx]) {
      const f = flat(text);
      expect(f).toContain('BÁO CÁO TÌNH HÌNH ĐẠI BIỂU CÓ MẶT');
      expect(f).toContain('Phiên khai mạc, sáng ngày 15/7/2020');
      expect(f).toContain('Số đại biểu làm căn cứ (N): 256; quá một nửa là ít nhất 129.');
      expect(f).toContain(`Số đại biểu có mặt: 254 (${formatPercent(percentOf(254, 256))} so với N); vắng mặt: 6.`);
      expect(f).toContain('99,22%');
      expect(f).toContain('Tỷ lệ có mặt tối thiểu theo cài đặt: 2/3 số làm căn cứ — đạt.');
      expect(f).not.toContain('Cảnh báo');
      for (const a of absentees) expect(text).toMatch(rowPattern([a.name, a.delegation]));
    }
    const missing = await attendanceReport.pdf({ ...input, present: 253 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('attendance.absentees');
    const many = Array.from({ length: 132 }, (_, k) => ({ name: `Đại biểu ${k}`, delegation: 'Đảng bộ Sở Y tế', reason: null }));
    const low = await renderBoth(attendanceReport, { ...input, present: 128, absentees: many, quorum: null });
    expect(flat(low.pdf)).toContain('Cảnh báo: số có mặt không quá một nửa số làm căn cứ');
    expect(flat(low.docx)).toContain('Không áp dụng tỷ lệ có mặt tối thiểu');
  });
});

describe('the history of changes after the opening', () => {
  // 23:40 UTC on the 14th is 06:40 on the 15th in Vietnam: the printed date is Vietnam's.
  const changes = [
    { at: '2020-07-14T23:40:00Z', by: 'Hoàng Văn Phong (vanphong)', name: 'Lê Thị Hoa', change: 'Được triệu tập → Vắng cả đại hội', reason: 'Ốm, nằm viện' },
    { at: '2020-07-15T02:05:00Z', by: 'Nông Thị Thu (thuky)', name: 'Vi Văn Sơn', change: 'Sửa: chỗ ngồi', reason: null },
  ];
  const rows = [
    ['1', '06:40 ngày 15/7/2020', 'Hoàng Văn Phong (vanphong)', 'Lê Thị Hoa', 'Được triệu tập → Vắng cả đại hội', 'Ốm, nằm viện'],
    ['2', '09:05 ngày 15/7/2020', 'Nông Thị Thu (thuky)', 'Vi Văn Sơn', 'Sửa: chỗ ngồi', ''],
  ];
  const historyOf = (c: Result<DocumentContent, unknown>): TableBlock | undefined => (c.ok
    ? c.value.blocks.find((b): b is TableBlock => b.kind === 'table' && b.columns.some((x) => x.title === 'Người ghi')) : undefined);
  const absentees = [{ name: 'Lê Thị Hoa', delegation: 'Đảng bộ Sở Y tế', reason: 'Ốm, nằm viện' }];
  const attendance = { header: HEADER, session: 'Phiên khai mạc, sáng ngày 15/7/2020', attendance: CONGRESS, present: CONGRESS.officialSummoned - 1, absentees, quorum: null, signedBy: BOARD, changes };

  it('prints when, who recorded it, the delegate, the status before → after and the reason, in both reports', async () => {
    const credentials = { header: HEADER, delegates: delegates(40), committee: BOARD, changes };
    for (const content of [credentialsReport.content(credentials), attendanceReport.content(attendance)]) {
      const history = historyOf(content);
      expect(history?.columns.map((c) => c.title)).toEqual(['STT', 'Thời điểm', 'Người ghi', 'Họ và tên', 'Thay đổi', 'Lý do']);
      expect(history?.rows).toEqual(rows);
    }
    for (const t of [await renderBoth(credentialsReport, credentials), await renderBoth(attendanceReport, attendance)]) {
      for (const row of rows) expect(t.docx).toContain(`${row.join(' | ')} |`);
      for (const s of ['Người ghi', '(vanphong)', '(thuky)', '06:40']) expect(t.pdf).toContain(s);
    }
  });

  it('prints no history when nothing changed', () => {
    expect(historyOf(attendanceReport.content({ ...attendance, changes: [] }))).toBeUndefined();
  });
});

describe('show-of-hands record', () => {
  it('records agree / disagree / other per item and whether it passed against N_base', async () => {
    const items = [
      { subject: 'Thông qua Quy chế bầu cử', counts: { agree: 250, disagree: 0, other: 0 } },
      { subject: 'Thông qua số lượng Ban Chấp hành khóa XIV: 35 đồng chí', counts: { agree: 128, disagree: 100, other: 20 } },
    ];
    const t = await renderBoth(showOfHandsRecord, { header: HEADER, session: 'Phiên trù bị', base: 256, present: 250, items, signedBy: BOARD });
    for (const text of [t.pdf, t.docx]) {
      expect(flat(text)).toContain('BIÊN BẢN BIỂU QUYẾT');
      expect(flat(text)).toContain('tức ít nhất 129.');
      expect(text).toMatch(rowPattern(['1', 'Thông qua Quy chế bầu cử', '250', '0', '0', '97,66%', 'Thông qua']));
      expect(text).toMatch(rowPattern(['128', '100', '20', '50,00%', 'Không thông qua']));
    }
    expect(flat(t.docx)).toContain('Thông qua số lượng Ban Chấp hành khóa XIV: 35 đồng chí');
    const over = await showOfHandsRecord.pdf({ header: HEADER, session: 'x', base: 256, present: 250, items: [{ subject: 'x', counts: { agree: 251, disagree: 0, other: 0 } }], signedBy: BOARD });
    expect(over.ok).toBe(false);
  });
  it('keeps a voided vote in the record, struck through, with who voided it and why', async () => {
    const items = [
      { subject: 'Thông qua Chương trình (ghi nhầm)', counts: { agree: 1, disagree: 9, other: 1 }, voided: { reason: 'Ghi nhầm số', by: 'thuky', at: '2020-07-15T02:00:00.000Z' } },
      { subject: 'Thông qua Chương trình', counts: { agree: 250, disagree: 0, other: 0 } },
    ];
    const c = showOfHandsRecord.content({ header: HEADER, session: 'Phiên trù bị', base: 256, present: 250, items, signedBy: BOARD });
    if (!c.ok) throw new Error(c.error.message_en);
    const tables = c.value.blocks.filter((b) => b.kind === 'table');
    expect(tables.map((tb) => tb.kind === 'table' ? tb.struckRows : null)).toEqual([[0]]);
    const t = await renderBoth(showOfHandsRecord, { header: HEADER, session: 'Phiên trù bị', base: 256, present: 250, items, signedBy: BOARD });
    for (const text of [t.pdf, t.docx]) {
      expect(text).toMatch(rowPattern(['1', '9', '1', '0,39%', 'Đã hủy']));
      expect(flat(text)).toContain('Nội dung số 1 (gạch ngang) đã được hủy bởi thuky: Ghi nhầm số.');
    }
  });
});

describe('input log', () => {
  const op = (k: number): string => ['Nguyễn Thu Hà', 'Trần Văn Nam', 'Lê Thị Mai'][k]!;
  const at = (s: number): string => new Date(Date.UTC(2020, 6, 15, 7, 0, 0) + s * 1000).toISOString();

  it('lists each ballot on one line with what every entry typed and its validity; corrections, moves and rulings on lines of their own', async () => {
    const r = round({ kind: 'committee', seats: 3, candidates: candidates(5) });
    const [c1, c2, c3, c4] = r.candidates;
    const ev = (e: Omit<InputLogEntry, 'seq' | 'at'>, k: number): InputLogEntry => ({ ...e, seq: k + 1, at: at(k) });
    const entries: InputLogEntry[] = [
      { operator: 'bkp', terminal: 'MÁY-00', batch: '1', position: null, action: 'batch-opened', ballot: null, batchSpec: { label: 'Hòm phiếu 1', physicalCount: 2, entriesRequired: 2 } },
      { operator: op(0), terminal: 'MÁY-01', batch: '1', position: null, action: 'entry-opened', ballot: null },
      { operator: op(1), terminal: 'MÁY-02', batch: '1', position: null, action: 'entry-opened', ballot: null },
      { operator: op(0), terminal: 'MÁY-01', batch: '1', position: 1, action: 'ballot-entered', ballot: { struck: [c1!.id, c3!.id] } },
      { operator: op(1), terminal: 'MÁY-02', batch: '1', position: 1, action: 'ballot-entered', ballot: { struck: [c1!.id, c3!.id] } },
      { operator: op(0), terminal: 'MÁY-01', batch: '1', position: 2, action: 'ballot-entered', ballot: { struck: [c3!.id] } },
      { operator: op(0), terminal: 'MÁY-01', batch: '1', position: 2, action: 'ballot-undone', ballot: null },
      { operator: op(0), terminal: 'MÁY-01', batch: '1', position: 2, action: 'ballot-entered', ballot: { struck: [c2!.id, c4!.id] } },
      { operator: 'bkp', terminal: 'MÁY-03', batch: '1', position: null, action: 'entry-moved', ballot: null, entryOf: op(1), fromTerminal: 'MÁY-02', note: 'Máy 2 hỏng' },
      { operator: op(1), terminal: 'MÁY-03', batch: '1', position: 2, action: 'ballot-entered', ballot: { struck: [] } },
      { operator: op(0), terminal: 'MÁY-01', batch: '1', position: null, action: 'entry-closed', ballot: null, note: '2 phiếu' },
      { operator: op(1), terminal: 'MÁY-03', batch: '1', position: null, action: 'entry-closed', ballot: null, note: '2 phiếu' },
      { operator: 'bkp', terminal: 'MÁY-00', batch: '1', position: 2, action: 'ruling', ballot: { struck: [c2!.id, c4!.id] }, note: 'Đối chiếu phiếu giấy' },
    ].map((e, k) => ev(e as Omit<InputLogEntry, 'seq' | 'at'>, k));
    const t = await renderBoth(inputLog, { header: HEADER, round: r, entries });
    for (const text of [t.pdf, t.docx]) {
      const f = flat(text);
      expect(f).toContain('NHẬT KÝ NHẬP PHIẾU');
      expect(f).toContain('Số sự kiện: 13, trong đó 5 lượt nhập phiếu.');
      expect(f).toContain(`Ngày ${formatDateShort('2020-07-15')}`);
      expect(f).toContain('Hòm phiếu 1: 2 phiếu, nhập 2 lần (mở lúc 14:00:00, bkp, máy MÁY-00)');
      expect(f).toContain(`Lần nhập 1: ${op(0)}, máy MÁY-01 (14:00:01–14:00:10); 2 phiếu, 2 hợp lệ, 0 không hợp lệ.`);
      expect(f).toContain(`Lần nhập 2: ${op(1)}, máy MÁY-02 → máy MÁY-03 (14:00:02–14:00:11); 2 phiếu, 1 hợp lệ, 1 không hợp lệ.`);
      expect(text).toMatch(rowPattern(['1', 'Gạch: 1, 3', 'như lần 1', 'Hợp lệ']));
      expect(text).toMatch(rowPattern(['Xóa phiếu vừa nhập: Gạch: 3']));
      expect(text).toMatch(rowPattern(['2', 'Gạch: 2, 4', 'Không gạch tên nào', 'Các lần nhập khác nhau']));
      expect(f).toContain('Chuyển từ máy MÁY-02 sang máy MÁY-03 (14:00:08, bkp): Máy 2 hỏng');
      expect(f).toContain('Đối chiếu phiếu giấy');
    }
    expect(flat(t.docx)).toContain('Ban Kiểm phiếu quyết định (bkp, máy MÁY-00, 14:00:12): Gạch: 2, 4 — Hợp lệ');
    // The correction comes before the ballot typed again, the move after the ballot it followed.
    const f = flat(t.docx);
    expect(f.indexOf('Xóa phiếu vừa nhập')).toBeLessThan(f.indexOf('Các lần nhập khác nhau'));
  });

  it('prints 500 ballots entered twice in a few pages, every ballot once', async () => {
    const r = round({ kind: 'committee', seats: 9, candidates: candidates(12) });
    const events: Array<Omit<InputLogEntry, 'seq' | 'at'>> = [];
    const ballotAt = (b: number, pos: number) => ({ struck: r.candidates.filter((_, k) => (b * 7 + pos * 3 + k) % 4 === 0).map((c) => c.id) });
    for (let b = 1; b <= 10; b++) {
      const batch = String(b);
      events.push({ operator: 'bkp', terminal: 'board', batch, position: null, action: 'batch-opened', ballot: null, batchSpec: { label: `Tập ${b}`, physicalCount: 50, entriesRequired: 2 } });
      for (const k of [0, 1]) {
        events.push({ operator: op(k), terminal: `Máy ${k + 1}`, batch, position: null, action: 'entry-opened', ballot: null });
        for (let pos = 1; pos <= 50; pos++) {
          events.push({ operator: op(k), terminal: `Máy ${k + 1}`, batch, position: pos, action: 'ballot-entered', ballot: ballotAt(b, pos) });
        }
        events.push({ operator: op(k), terminal: `Máy ${k + 1}`, batch, position: null, action: 'entry-closed', ballot: null, note: '50 phiếu' });
      }
    }
    const entries = events.map((e, k): InputLogEntry => ({ ...e, seq: k + 1, at: at(k) }));
    const content = inputLog.content({ header: HEADER, round: r, entries });
    if (!content.ok) throw new Error(content.error.message_en);
    const tables = content.value.blocks.filter((x) => x.kind === 'table');
    expect(tables).toHaveLength(10);
    for (const tb of tables) {
      if (tb.kind !== 'table') continue;
      expect(tb.dense).toBe(true);
      expect(tb.rows.map((row) => row[0])).toEqual(Array.from({ length: 50 }, (_, k) => String(k + 1)));
      expect(tb.rows.every((row) => row[2] === 'như lần 1')).toBe(true);
    }
    const pdf = await inputLog.pdf({ header: HEADER, round: r, entries });
    if (!pdf.ok) throw new Error(pdf.error.message_en);
    // 1,050 events, 1,000 of them ballots typed: 12 pages (the log printed one line per event took 57).
    expect(pdfPageCount(pdf.value)).toBeLessThanOrEqual(12);
    const text = pdfText(pdf.value);
    for (let b = 1; b <= 10; b++) expect(flat(text)).toContain(`Tập ${b}: 50 phiếu, nhập 2 lần`);
  });
});
