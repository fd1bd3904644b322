import { describe, expect, it } from 'vitest';
import { formatPercent } from '../locale/vi.ts';
import { COUNT_SETTINGS_OF_KIND, INVALID_REASON_LABELS, describeCountSettings, type CandidateResult } from '../rules/index.ts';
import { BOARD, HEADER } from './fixtures/congress.ts';
import * as F from './fixtures/minutes.ts';
import { countingMinutes, delegationMinutes, opinionPollMinutes, secretaryPollMinutes } from './index.ts';
import { docxXml, rowPattern } from './testing/extract.ts';
import { flat, renderBoth, type BothTexts } from './testing/render.ts';

const eachText = (t: BothTexts): ReadonlyArray<readonly [string, string]> => [['pdf', t.pdf], ['docx', t.docx]];

/** Header, board and signatures: what every counting minutes carries. */
const expectFrame = (text: string, subject: string): void => {
  const f = flat(text);
  for (const s of ['ĐẢNG BỘ TỈNH LẠNG SƠN', 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH', 'BAN KIỂM PHIẾU', 'ĐẢNG CỘNG SẢN VIỆT NAM',
    'Lạng Sơn, ngày 15 tháng 7 năm 2020', 'BIÊN BẢN KIỂM PHIẾU', subject, 'TRƯỞNG BAN KIỂM PHIẾU']) expect(f).toContain(s);
  expect(f).toContain(`Đồng chí ${BOARD.head} – Trưởng ban`);
  for (const m of BOARD.members) expect(f).toContain(`Đồng chí ${m} – Ủy viên`);
  expect(text.split(BOARD.head).length).toBeGreaterThanOrEqual(3);
};

const expectVotesRows = (text: string, results: readonly CandidateResult[]): void => {
  results.forEach((r, k) => expect(text).toMatch(rowPattern([String(k + 1), r.name, String(r.votes), formatPercent(r.percent)])));
};

/** The names of `ids` appear in this order after `marker`. */
const expectOrder = (text: string, marker: string, names: readonly string[]): void => {
  const from = text.indexOf(marker);
  expect(from).toBeGreaterThanOrEqual(0);
  let at = from;
  for (const name of names) {
    const next = text.indexOf(name, at);
    expect(next, name).toBeGreaterThan(at);
    at = next;
  }
};

describe('counting minutes (docs/rules.md §8)', () => {
  const input = F.committeeMinutes();
  const c = input.count;

  it('states board, attendance, N_base and exclusions, ballots and invalid reasons, in PDF and Word', async () => {
    const t = await renderBoth(countingMinutes, input);
    for (const [, text] of eachText(t)) {
      expectFrame(text, 'Bầu Ban Chấp hành Đảng bộ Khối các cơ quan tỉnh khóa XIV, nhiệm kỳ 2020 – 2025');
      const f = flat(text);
      expect(f).toContain('số lượng được bầu: 35 đồng chí');
      expect(f).toContain('Danh sách bầu cử gồm 40 đồng chí');
      expect(f).toContain('bắt đầu kiểm phiếu lúc 14:05, kết thúc lúc 16:40');
      expect(f).toContain('Tổng số đại biểu chính thức được triệu tập: 260.');
      expect(f).toContain('Số đại biểu có mặt khi bỏ phiếu: 250; vắng mặt: 10.');
      expect(f).toContain('Số cấp ủy viên triệu tập Đại hội vắng mặt suốt thời gian Đại hội: 1.');
      expect(f).toContain('không có đại biểu dự khuyết thay thế: 3.');
      expect(f).toContain(`(N): ${F.BASE}.`);
      expect(f).toContain(`tức ít nhất ${c.threshold} phiếu`);
      expect(f).toContain('Số phiếu phát ra: 250.');
      expect(f).toContain(`Số phiếu thu vào: ${c.ballots.total}.`);
      expect(f).toContain(`Số phiếu hợp lệ: ${c.ballots.valid}.`);
      expect(f).toContain(`Số phiếu không hợp lệ: ${c.ballots.invalid}, trong đó:`);
      for (const reason of ['not-issued', 'identifying-mark', 'over-seats', 'all-struck'] as const) {
        expect(f).toContain(`${INVALID_REASON_LABELS[reason].vi}: ${c.ballots.invalidByReason[reason]}.`);
      }
    }
  });

  it('lists the votes of every candidate in ballot order with % of N_base, then the elected by votes', async () => {
    const t = await renderBoth(countingMinutes, input);
    const byId = new Map(c.results.map((r) => [r.id, r]));
    expect(c.results.some((r) => formatPercent(r.percent) === '89,06%')).toBe(true);
    for (const [, text] of eachText(t)) {
      expectVotesRows(text, c.results);
      expectOrder(text, 'IV. SỐ PHIẾU BẦU', c.results.map((r) => r.name));
      expectOrder(text, 'V. KẾT QUẢ', c.elected.map((id) => byId.get(id)!.name));
      expect(flat(text)).toContain('Đã bầu đủ số lượng: 35 đồng chí.');
    }
  });

  it('prints every count setting in force and the ballot form', async () => {
    const settings = { ...input.round.settings, writeInInvalid: false };
    const t = await renderBoth(countingMinutes, { ...input, round: { ...input.round, settings } });
    for (const [, text] of eachText(t)) {
      const f = flat(text);
      expect(f).toContain('Hình thức phiếu: danh sách có số dư, đại biểu gạch cả họ và tên người không bầu.');
      expect(f).toContain('Mỗi phiếu bầu không quá 35 người.');
      const lines = describeCountSettings(settings, COUNT_SETTINGS_OF_KIND.committee.filter((k) => k !== 'singleCandidateBothOrNoneInvalid'));
      expect(lines.filter((l) => l.value_vi === 'Không')).toHaveLength(1);
      for (const line of lines) expect(f).toContain(`${line.label_vi}: ${line.value_vi}.`);
    }
  });

  it('says which seats are tied and that the congress votes again among them', async () => {
    const tieInput = F.committeeMinutes(6, 5);
    // Make the last seat a tie: the core decides, the minutes only report.
    const results = tieInput.count.results;
    expect(tieInput.count.outcome).not.toBe('tie');
    const votes = [200, 190, 180, 170, 150, 150];
    const count = {
      ...tieInput.count,
      results: results.map((r, k) => ({ ...r, votes: votes[k]!, percent: r.percent })),
      elected: results.slice(0, 4).map((r) => r.id),
      tie: { seats: 1, candidates: [results[4]!.id, results[5]!.id] },
      unfilledSeats: 1,
      outcome: 'tie' as const,
    };
    const t = await renderBoth(countingMinutes, { ...tieInput, count });
    for (const [, text] of eachText(t)) {
      const f = flat(text);
      expect(f).toContain(`Có 2 đồng chí bằng số phiếu nhau (150 phiếu) cho 1 chỗ còn lại: đồng chí ${results[4]!.name}, đồng chí ${results[5]!.name}.`);
      expect(f).toContain('Đại hội biểu quyết việc bầu lại trong số các đồng chí này');
    }
  });

  it('refuses a count measured against another base, another list, or another kind of election', async () => {
    const wrongBase = await countingMinutes.pdf({ ...input, attendance: { ...input.attendance, congress: { ...F.CONGRESS, officialSummoned: 300 } } });
    expect(wrongBase.ok).toBe(false);
    if (!wrongBase.ok) expect(wrongBase.error.code).toBe('minutes.base');
    const wrongList = await countingMinutes.docx({ ...input, round: { ...input.round, candidates: [...input.round.candidates].reverse() } });
    expect(wrongList.ok).toBe(false);
    const wrongKind = await countingMinutes.pdf(F.delegationMinutes());
    expect(wrongKind.ok).toBe(false);
  });

  it('writes Word with Times New Roman, a borderless two-cell header, underlined party name and italic date', async () => {
    const t = await renderBoth(countingMinutes, input);
    const xml = docxXml(t.docxBuffer);
    const styles = docxXml(t.docxBuffer, 'word/styles.xml');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(xml).not.toMatch(/w:ascii="(?!Times New Roman")/u);
    const firstTable = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    expect(firstTable.match(/<w:tc>/gu)).toHaveLength(2);
    expect(firstTable).toMatch(/<w:tblBorders>(?:(?!<\/w:tblBorders>).)*w:val="none"/su);
    expect(firstTable).not.toMatch(/w:val="single"(?!\/>)/u);
    expect(firstTable).toMatch(/<w:u w:val="single"\/>(?:(?!<\/w:r>).)*ĐẢNG CỘNG SẢN VIỆT NAM/su);
    expect(firstTable).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*Lạng Sơn, ngày 15 tháng 7 năm 2020/su);
    // Page numbers from the second page: a PAGE field in the default header, none on the first page.
    expect(xml).toContain('<w:titlePg/>');
    expect(docxXml(t.docxBuffer, 'word/header1.xml')).toContain('PAGE');
  });
});

describe('delegation minutes', () => {
  it('separates official delegates and alternates by rank, and states the shortfall', async () => {
    const input = F.delegationMinutes();
    const c = input.count;
    const byId = new Map(c.results.map((r) => [r.id, r]));
    const t = await renderBoth(delegationMinutes, input);
    for (const [, text] of eachText(t)) {
      expectFrame(text, 'Bầu đoàn đại biểu dự Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII, nhiệm kỳ 2020 – 2025');
      const f = flat(text);
      expect(f).toContain('số lượng được bầu: 20 đại biểu chính thức và 3 đại biểu dự khuyết');
      expect(f).toContain('Số phiếu phát ra: 252.');
      expectVotesRows(text, c.results);
      expectOrder(text, 'trúng cử đại biểu chính thức', c.elected.map((id) => byId.get(id)!.name));
      expectOrder(text, 'trúng cử đại biểu dự khuyết', (c.alternates ?? []).map((id) => byId.get(id)!.name));
      expect(f).toContain(`còn thiếu ${c.unfilledSeats} đại biểu`);
      expect(f).toContain('Mỗi phiếu bầu không quá 23 người.');
    }
    expect(c.outcome).toBe('shortfall');
    expect((await delegationMinutes.pdf(F.committeeMinutes())).ok).toBe(false);
  });
});

describe('opinion-poll minutes', () => {
  it('measures against the delegates present and names who passed 30%', async () => {
    const input = F.opinionPollMinutes();
    const c = input.count;
    const admitted = new Set(c.admitted);
    expect(admitted.size).toBeGreaterThan(0);
    expect(admitted.size).toBeLessThan(c.results.length);
    const t = await renderBoth(opinionPollMinutes, input);
    for (const [, text] of eachText(t)) {
      expectFrame(text, 'Lấy phiếu xin ý kiến về người được giới thiệu, tự ứng cử vào danh sách bầu cử Ban Chấp hành Đảng bộ Khối các cơ quan tỉnh khóa XIV');
      const f = flat(text);
      expect(f).toContain('Số đại biểu có mặt khi lấy phiếu: 250.');
      expect(f).toContain(`tức ít nhất ${c.threshold} phiếu`);
      c.results.forEach((r, k) => expect(text).toMatch(rowPattern([String(k + 1), r.name, String(r.votes), formatPercent(r.percent),
        admitted.has(r.id) ? 'Trên 30%' : 'Không đủ 30%'])));
    }
  });
});

describe('secretary-poll minutes', () => {
  it('counts write-ins per member, blank and unrecognised ballots, and says it elects nobody', async () => {
    const input = F.secretaryPollMinutes();
    const c = input.count;
    expect(c.blank).toBeGreaterThan(0);
    expect(c.unrecognized).toBeGreaterThan(0);
    const t = await renderBoth(secretaryPollMinutes, input);
    for (const [, text] of eachText(t)) {
      expectFrame(text, 'Lấy phiếu giới thiệu Bí thư Đảng ủy Khối các cơ quan tỉnh khóa XIV, nhiệm kỳ 2020 – 2025');
      const f = flat(text);
      expect(f).toContain(`Số phiếu không ghi tên: ${c.blank}.`);
      expect(f).toContain(`(không tính): ${c.unrecognized}.`);
      expect(f).toContain('Kết quả giới thiệu chỉ có giá trị tham khảo, không phải kết quả bầu cử.');
      expectVotesRows(text, c.results);
    }
  });
});

describe('a congress of members', () => {
  it('speaks of members and prints the exclusions of docs/rules.md §1 for members', async () => {
    const input = F.committeeMinutes();
    const congress = { kind: 'members' as const, officialSummoned: 270, temporarilyAttachedElsewhere: 4, exemptedNotAttending: 3,
      suspendedProsecutedOrDetained: 1, absentWholeExcused: 6 };
    const t = await renderBoth(countingMinutes, {
      ...input, header: { ...HEADER, congressKind: 'members' }, attendance: { congress, presentAtVoting: 250 },
    });
    for (const [, text] of eachText(t)) {
      const f = flat(text);
      expect(f).toContain('Đại hội Đảng bộ Khối các cơ quan tỉnh lần thứ XIV');
      expect(f).toContain('Tổng số đảng viên chính thức được triệu tập: 270.');
      expect(f).toContain('Số đảng viên có mặt khi bỏ phiếu: 250; vắng mặt: 20.');
      expect(f).toContain('Số đảng viên đang sinh hoạt tạm thời ở đảng bộ khác: 4.');
      expect(f).toContain('Số đảng viên được miễn sinh hoạt không dự Đại hội: 3.');
      expect(f).toContain('Số đảng viên bị đình chỉ sinh hoạt, bị khởi tố, truy tố, tạm giam: 1.');
      expect(f).toContain('có lý do được cấp ủy triệu tập chấp nhận: 6.');
      expect(f).toContain(`Số đảng viên làm căn cứ tính kết quả bầu cử (N): ${F.BASE}.`);
    }
  });
});

describe('every minutes header', () => {
  it('uses the date of the congress header', async () => {
    const t = await renderBoth(countingMinutes, { ...F.committeeMinutes(), header: { ...HEADER, date: '2021-02-05' } });
    expect(t.pdf).toContain('Lạng Sơn, ngày 05 tháng 02 năm 2021');
    expect(t.docx).toContain('Lạng Sơn, ngày 05 tháng 02 năm 2021');
  });
});

describe('the minutes print only the settings that apply to the election (one definition per kind, src/rules/settings.ts)', () => {
  const all = describeCountSettings(F.committeeMinutes().round.settings);
  const label = (key: string): string => all.find((l) => l.key === key)!.label_vi;
  const printed = (text: string): string[] => all.filter((l) => flat(text).includes(l.label_vi)).map((l) => l.key).sort();
  const cases = [
    ['committee (strike-out list)', () => renderBoth(countingMinutes, F.committeeMinutes()), ['identifyingMarkInvalid', 'unstampedIsNotIssued', 'writeInInvalid']],
    ['secretary (a list of one)', () => renderBoth(countingMinutes, F.secretaryMinutes()), ['identifyingMarkInvalid', 'singleCandidateBothOrNoneInvalid', 'unstampedIsNotIssued', 'writeInInvalid']],
    ['delegation', () => renderBoth(delegationMinutes, F.delegationMinutes()), ['alternatesFromSameBallot', 'identifyingMarkInvalid', 'unstampedIsNotIssued', 'writeInInvalid']],
    ['opinion poll', () => renderBoth(opinionPollMinutes, F.opinionPollMinutes()), ['identifyingMarkInvalid', 'unstampedIsNotIssued', 'writeInInvalid']],
    ['secretary poll', () => renderBoth(secretaryPollMinutes, F.secretaryPollMinutes()), ['identifyingMarkInvalid', 'unstampedIsNotIssued']],
  ] as const;
  for (const [name, render, expected] of cases) {
    it(name, async () => {
      const t = await render();
      for (const [, text] of eachText(t)) expect(printed(text)).toEqual([...expected]);
    });
  }
  it('no alternates outside a delegation; no single-candidate rule on a list of many; no write-in rule on the secretary poll', () => {
    expect(label('alternatesFromSameBallot')).toContain('dự khuyết');
    for (const kind of ['committee', 'standing-committee', 'secretary', 'deputy-secretary', 'inspection-committee', 'inspection-chair', 'opinion-poll', 'secretary-poll'] as const) {
      expect(COUNT_SETTINGS_OF_KIND[kind]).not.toContain('alternatesFromSameBallot');
    }
    expect(COUNT_SETTINGS_OF_KIND['secretary-poll']).not.toContain('writeInInvalid');
  });
});

describe('voided nominations stay in the minutes, struck through, with the reason', () => {
  const voided = [{ name: 'Lò Văn Nhầm', reason: 'Giới thiệu nhầm người cùng tên', by: 'lso.chutich', at: '2020-07-16T02:00:00Z' }];
  const cases = [
    ['counting minutes', () => { const i = F.committeeMinutes(); return renderBoth(countingMinutes, { ...i, round: { ...i.round, voidedNominations: voided } }); }],
    ['opinion-poll minutes', () => { const i = F.opinionPollMinutes(); return renderBoth(opinionPollMinutes, { ...i, round: { ...i.round, voidedNominations: voided } }); }],
  ] as const;
  for (const [name, render] of cases) {
    it(name, async () => {
      const t = await render();
      for (const [, text] of eachText(t)) {
        expect(flat(text)).toContain('Việc giới thiệu các đồng chí sau đã được hủy');
        expect(flat(text)).toContain('Lò Văn Nhầm (đã hủy: Giới thiệu nhầm người cùng tên; người hủy: lso.chutich).');
      }
      // The name is struck through in the Word file (the PDF draws the same run with a line through it).
      expect(docxXml(t.docxBuffer)).toMatch(/<w:strike\/>(?:(?!<\/w:r>).)*Lò Văn Nhầm/su);
    });
  }
  it('prints nothing of the kind when no nomination was voided', async () => {
    const t = await renderBoth(countingMinutes, F.committeeMinutes());
    expect(flat(t.docx)).not.toContain('đã được hủy');
  });
});
