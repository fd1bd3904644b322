import { describe, expect, it } from 'vitest';
import { formatDateShort, formatPercent } from '../locale/vi.ts';
import { percentOf } from '../rules/index.ts';
import { credentialsComposition } from '../reports/credentials.ts';
import { BOARD, HEADER, round } from './fixtures/congress.ts';
import { candidates } from './fixtures/congress.ts';
import { delegates } from './fixtures/delegates.ts';
import { CONGRESS } from './fixtures/minutes.ts';
import { attendanceReport, credentialsReport, inputLog, showOfHandsRecord, type InputLogEntry } from './index.ts';
import { EDUCATION_LABELS, THEORY_LABELS } from './labels.ts';
import { rowPattern } from './testing/extract.ts';
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
});

describe('input log', () => {
  it('lists every event with operator, terminal, time and what was entered, judged by the core', async () => {
    const r = round({ kind: 'committee', seats: 3, candidates: candidates(5) });
    const [c1, c2, c3] = r.candidates;
    const at = (s: number): string => `2020-07-15T07:${String(10 + s).padStart(2, '0')}:0${s % 10}Z`;
    const entries: InputLogEntry[] = [
      { seq: 1, at: at(0), operator: 'Nguyễn Thu Hà', terminal: 'MÁY-01', batch: 'T01', position: null, action: 'batch-opened', ballot: null },
      { seq: 2, at: at(1), operator: 'Nguyễn Thu Hà', terminal: 'MÁY-01', batch: 'T01', position: 1, action: 'ballot-entered', ballot: { struck: [c1!.id, c3!.id] } },
      { seq: 3, at: at(2), operator: 'Nguyễn Thu Hà', terminal: 'MÁY-01', batch: 'T01', position: 2, action: 'ballot-entered', ballot: { struck: [c2!.id] } },
      { seq: 4, at: at(3), operator: 'Trần Văn Nam', terminal: 'MÁY-02', batch: 'T01', position: 2, action: 'ruling', ballot: { struck: [], identifyingMarks: true }, note: 'Có chữ ký' },
    ];
    const t = await renderBoth(inputLog, { header: HEADER, round: r, entries });
    for (const text of [t.pdf, t.docx]) {
      const f = flat(text);
      expect(f).toContain('NHẬT KÝ NHẬP PHIẾU');
      expect(f).toContain('Số sự kiện: 4, trong đó 2 lượt nhập phiếu.');
      expect(f).toContain(`Ngày ${formatDateShort('2020-07-15')}`);
      expect(text).toMatch(rowPattern(['1', 'T01', 'Nguyễn Thu Hà', 'MÁY-01', '14:10:00', 'Mở tập phiếu']));
      expect(text).toMatch(rowPattern(['2', 'T01 / 1', 'Nguyễn Thu Hà', 'MÁY-01', '14:11:01', 'Nhập phiếu: Gạch: 1, 3', 'Hợp lệ']));
      expect(text).toMatch(rowPattern(['Nhập phiếu: Gạch: 2']));
      expect(text).toMatch(rowPattern(['3', 'T01 / 2', 'Nguyễn Thu Hà', 'MÁY-01', '14:12:02', 'Nhập phiếu: Gạch: 2', 'Không hợp lệ: Phiếu bầu']));
      expect(f).toContain('quá số lượng được bầu');
      expect(f).toContain('Trần Văn Nam');
      expect(f).toContain('MÁY-02');
      expect(f).toContain('Có chữ ký');
    }
  });
});
