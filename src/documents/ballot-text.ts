/** The words printed on a ballot, apart from the names: subject, number to elect, instructions. */
import { formatInteger as n } from '../locale/vi.ts';
import { ballotForm, ballotLimit } from '../rules/index.ts';
import { ballotTitle, electionSubject } from './labels.ts';
import type { CongressHeader, ElectionRound } from './model.ts';

export interface BallotWords {
  readonly title: string;
  readonly subject: string;
  /** The number to elect, or the instruction of a poll, in italics under the subject. */
  readonly note: string;
}

export const ballotWords = (h: CongressHeader, r: ElectionRound): BallotWords => {
  const subject = `${electionSubject(h, r)}${r.round > 1 ? ` (bầu lần ${r.round})` : ''}`;
  const title = ballotTitle(r.kind);
  switch (r.kind) {
    case 'opinion-poll':
      return { title, subject, note: '(Đồng ý với người nào thì đánh dấu X vào ô "Đồng ý", không đồng ý thì đánh dấu X vào ô "Không đồng ý")' };
    case 'secretary-poll':
      return { title, subject, note: `(Ghi họ và tên một đồng chí Ủy viên Ban Chấp hành khóa ${h.ordinal})` };
    case 'delegates': {
      const limit = ballotLimit(r);
      const alternates = r.alternateSeats > 0 ? `, ${n(r.alternateSeats)} đại biểu dự khuyết` : '';
      const form = ballotForm(r);
      const keep = form === 'strike-out' ? `; giữ lại không quá ${n(limit)} tên` : form === 'agree-disagree' ? `; đồng ý không quá ${n(limit)} người` : '';
      return { title, subject, note: `(Số lượng được bầu: ${n(r.seats)} đại biểu chính thức${alternates}${keep})` };
    }
    default:
      return { title, subject, note: `(Số lượng được bầu: ${n(r.seats)} đồng chí)` };
  }
};
