/** The Vietnamese words of the documents: names of bodies, titles, categories. */
import type { ElectionKind } from '../rules/index.ts';
import type {
  CongressHeader, DelegateCategory, DelegateStatus, EducationLevel, ElectionRound, PoliticalTheoryLevel,
} from './model.ts';

export const upperVi = (s: string): string => s.toLocaleUpperCase('vi');

/** "khóa XIV, nhiệm kỳ 2020 – 2025" */
export const termPhrase = (h: CongressHeader): string => `khóa ${h.ordinal}, nhiệm kỳ ${h.term}`;

/** The body an election fills, as it is named in titles: "Ban Chấp hành Đảng bộ Khối các cơ quan tỉnh". */
export const bodyName = (h: CongressHeader, kind: ElectionKind): string => {
  switch (kind) {
    case 'committee':
      return `Ban Chấp hành ${h.organisation}`;
    case 'standing-committee':
      return `Ban Thường vụ ${h.committee}`;
    case 'secretary':
    case 'secretary-poll':
      return `Bí thư ${h.committee}`;
    case 'deputy-secretary':
      return `Phó Bí thư ${h.committee}`;
    case 'inspection-committee':
      return `Ủy ban Kiểm tra ${h.committee}`;
    case 'inspection-chair':
      return `Chủ nhiệm Ủy ban Kiểm tra ${h.committee}`;
    case 'delegates':
    case 'opinion-poll':
      return `Ban Chấp hành ${h.organisation}`;
  }
};

/** The line under a ballot's or minutes' title that says what is elected. */
export const electionSubject = (h: CongressHeader, round: Pick<ElectionRound, 'kind' | 'pollFor'>): string => {
  switch (round.kind) {
    case 'delegates': {
      const higher = h.higherCongressOrdinal ? ` lần thứ ${h.higherCongressOrdinal}` : '';
      return `Đại biểu dự Đại hội đại biểu ${h.higherOrganisation}${higher}, nhiệm kỳ ${h.term}`;
    }
    case 'opinion-poll':
      return `Về người được giới thiệu, tự ứng cử vào danh sách bầu cử ${bodyName(h, round.pollFor ?? 'committee')} ${termPhrase(h)}`;
    default:
      return `${bodyName(h, round.kind)} ${termPhrase(h)}`;
  }
};

/** The ballot's own title by kind. */
export const ballotTitle = (kind: ElectionKind): string =>
  kind === 'opinion-poll' ? 'PHIẾU XIN Ý KIẾN' : kind === 'secretary-poll' ? 'PHIẾU GIỚI THIỆU BÍ THƯ' : 'PHIẾU BẦU CỬ';

/** "Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh lần thứ XIV, nhiệm kỳ 2020 – 2025" */
export const congressName = (h: CongressHeader): string =>
  `Đại hội ${h.congressKind === 'delegates' ? 'đại biểu ' : ''}${h.organisation} lần thứ ${h.ordinal}, nhiệm kỳ ${h.term}`;

/** Who is summoned, in the words of the kind of congress. */
export const participantWord = (h: CongressHeader): string => (h.congressKind === 'delegates' ? 'đại biểu' : 'đảng viên');

export const STATUS_LABELS: Readonly<Record<DelegateStatus, string>> = {
  official: 'Đại biểu chính thức',
  alternate: 'Đại biểu dự khuyết',
};

export const CATEGORY_LABELS: Readonly<Record<DelegateCategory, string>> = {
  'ex-officio': 'Đại biểu đương nhiên',
  elected: 'Đại biểu được bầu',
  appointed: 'Đại biểu được chỉ định',
};

/** Short form for the card: "đương nhiên", "bầu", "chỉ định". */
export const CATEGORY_SHORT: Readonly<Record<DelegateCategory, string>> = {
  'ex-officio': 'đương nhiên',
  elected: 'bầu',
  appointed: 'chỉ định',
};

export const EDUCATION_LABELS: Readonly<Record<EducationLevel, string>> = {
  doctorate: 'Tiến sĩ',
  master: 'Thạc sĩ',
  university: 'Đại học',
  college: 'Cao đẳng',
  vocational: 'Trung cấp',
  secondary: 'Trung học phổ thông',
};

export const THEORY_LABELS: Readonly<Record<PoliticalTheoryLevel, string>> = {
  advanced: 'Cao cấp, cử nhân',
  intermediate: 'Trung cấp',
  elementary: 'Sơ cấp',
  none: 'Chưa qua đào tạo',
};
