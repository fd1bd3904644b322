/** The credentials report (báo cáo thẩm tra tư cách đại biểu) with its composition tables. */
import { formatPercent } from '../../locale/vi.ts';
import { delegateChangesSection } from './delegate-changes.ts';
import { credentialsComposition, PARTY_YEAR_BANDS, type PartyYearBand, type Share } from '../../reports/credentials.ts';
import { formatDecimal1 } from '../format.ts';
import { CATEGORY_LABELS, EDUCATION_LABELS, THEORY_LABELS, congressName } from '../labels.ts';
import { EDUCATION_LEVELS, THEORY_LEVELS, type CredentialsReportInput, type DelegateCategory } from '../model.ts';
import { b, col, heading, p, table, type Block, type DocumentContent } from './blocks.ts';
import { n } from './count-sections.ts';
import { documentHeader } from './header.ts';

const BAND_LABELS: Readonly<Record<PartyYearBand, string>> = {
  'under-10': 'Dưới 10 năm',
  '10-19': 'Từ 10 đến dưới 20 năm',
  '20-29': 'Từ 20 đến dưới 30 năm',
  '30-plus': 'Từ 30 năm trở lên',
};

const shareTable = (rows: ReadonlyArray<readonly [string, Share]>): Block =>
  table([col('STT', 8, 'center'), col('Nội dung', 52), col('Số đại biểu', 18, 'right'), col('Tỷ lệ', 18, 'right')],
    rows.map(([label, s], k) => [n(k + 1), label, n(s.count), formatPercent(s.percent)]));

export const credentialsReportContent = (input: CredentialsReportInput): DocumentContent => {
  const h = input.header;
  const c = credentialsComposition(input.delegates, h.date);
  const categories: readonly DelegateCategory[] = ['ex-officio', 'elected', 'appointed'];
  const age = c.averageAge === null ? '' : `; tuổi bình quân: ${formatDecimal1(c.averageAge)} tuổi`;
  return {
    header: documentHeader(h, 'Ban Thẩm tra tư cách đại biểu'),
    title: 'BÁO CÁO',
    subtitles: [`Thẩm tra tư cách đại biểu dự ${congressName(h)}`],
    date: h.date,
    blocks: [
      heading('I. SỐ LƯỢNG ĐẠI BIỂU'),
      p('- Tổng số đại biểu được triệu tập: ', b(n(c.summonedOfficial + c.summonedAlternate)), ', trong đó đại biểu chính thức: ',
        b(n(c.summonedOfficial)), ', đại biểu dự khuyết: ', b(n(c.summonedAlternate)), '.'),
      p('- Số đại biểu chính thức có mặt: ', b(n(c.presentOfficial)), '; vắng mặt: ', b(n(c.absentOfficials.length)),
        c.absentOfficials.length > 0 ? ' (danh sách dưới đây).' : '.'),
      ...(c.absentOfficials.length > 0
        ? [table([col('STT', 8, 'center'), col('Họ và tên', 34), col('Đơn vị', 32), col('Lý do', 26)],
          c.absentOfficials.map((a, k) => [n(k + 1), a.name, a.delegation, a.reason ?? '']))]
        : []),
      p('- Số đại biểu dự khuyết có mặt: ', b(n(c.presentAlternate)), '.'),
      heading(`II. CƠ CẤU CỦA ${n(c.reference)} ĐẠI BIỂU CHÍNH THỨC CÓ MẶT`),
      p(b('1. Theo loại đại biểu')),
      shareTable(categories.map((k) => [CATEGORY_LABELS[k], c.byCategory[k]])),
      p(b('2. Nữ, dân tộc thiểu số, tuổi đời')),
      shareTable([
        ['Đại biểu nữ', c.women],
        ['Đại biểu người dân tộc thiểu số', c.ethnicMinorities],
        ['Đại biểu dưới 40 tuổi', c.under40],
      ]),
      p(`Đại biểu cao tuổi nhất: ${c.oldest === null ? '—' : `đồng chí ${c.oldest.name}, ${n(c.oldest.age)} tuổi`}; `,
        `đại biểu trẻ tuổi nhất: ${c.youngest === null ? '—' : `đồng chí ${c.youngest.name}, ${n(c.youngest.age)} tuổi`}${age}.`),
      p(b('3. Trình độ chuyên môn')),
      shareTable(EDUCATION_LEVELS.map((k) => [EDUCATION_LABELS[k], c.education[k]])),
      p(b('4. Trình độ lý luận chính trị')),
      shareTable(THEORY_LEVELS.map((k) => [THEORY_LABELS[k], c.politicalTheory[k]])),
      p(b('5. Tuổi Đảng')),
      shareTable(PARTY_YEAR_BANDS.map((k) => [BAND_LABELS[k], c.partyYears[k]])),
      heading('III. KẾT LUẬN'),
      c.notQualified.length === 0
        ? p(`Ban Thẩm tra tư cách đại biểu kết luận: cả ${n(c.qualified)} đại biểu chính thức có mặt đủ tư cách đại biểu dự Đại hội.`)
        : p(`Ban Thẩm tra tư cách đại biểu kết luận: ${n(c.qualified)} đại biểu chính thức có mặt đủ tư cách đại biểu dự Đại hội; `,
          `${n(c.notQualified.length)} đại biểu chưa đủ tư cách:`),
      ...c.notQualified.map((x, k) => p(`${k + 1}. Đồng chí ${x.name}: ${x.issue}.`)),
      // docs/rules.md §8: the committee reports the list as it stands, with every change since the opening.
      ...delegateChangesSection('IV. NHỮNG THAY ĐỔI VỀ ĐẠI BIỂU SAU KHI KHAI MẠC', input.changes ?? []),
      { kind: 'signatures', signers: [{ caption: ['TM. BAN THẨM TRA TƯ CÁCH ĐẠI BIỂU', 'TRƯỞNG BAN'], name: input.committee.head }] },
    ],
  };
};
