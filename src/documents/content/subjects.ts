/** Titles of the minutes: "Bầu Ban Chấp hành … khóa XIV, nhiệm kỳ 2020 – 2025 (bầu lần 2)". */
import { electionSubject } from '../labels.ts';
import { documentHeader } from './header.ts';
import type { CongressHeader, ElectionRound } from '../model.ts';

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

export const roundSuffix = (round: number): string => (round > 1 ? ` (bầu lần ${round})` : '');

export const minutesSubject = (h: CongressHeader, r: ElectionRound): string => {
  switch (r.kind) {
    case 'delegates':
      return `Bầu đoàn ${lowerFirst(electionSubject(h, r))}${roundSuffix(r.round)}`;
    case 'opinion-poll':
      return `Lấy phiếu xin ý kiến ${lowerFirst(electionSubject(h, r))}`;
    case 'secretary-poll':
      return `Lấy phiếu giới thiệu ${electionSubject(h, r)}`;
    default:
      return `Bầu ${electionSubject(h, r)}${roundSuffix(r.round)}`;
  }
};

/** The frame every counting minutes shares: the counting board's header, the title and what the round elects. */
export const countingMinutesFrame = (h: CongressHeader, r: ElectionRound) => ({
  header: documentHeader(h, 'Ban Kiểm phiếu'),
  title: 'BIÊN BẢN KIỂM PHIẾU',
  subtitles: [minutesSubject(h, r)],
  date: h.date,
});
