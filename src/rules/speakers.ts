/**
 * One contribution at a time per delegate (docs/rules.md §1 is silent; this is the practice of the presidium's list):
 * a delegate whose registration is still open (registered, approved, speaking) cannot register another; once it is
 * done or withdrawn they may. Pure.
 */
import { ruleError, type RuleError } from './result.ts';

export type SpeakerStatusName = 'registered' | 'approved' | 'speaking' | 'done' | 'withdrawn';

const OPEN: ReadonlySet<SpeakerStatusName> = new Set(['registered', 'approved', 'speaking']);

export const secondRegistration = (existing: readonly { readonly title: string; readonly position: number; readonly status: SpeakerStatusName }[]): RuleError | null => {
  const open = existing.find((s) => OPEN.has(s.status));
  if (open === undefined) return null;
  return ruleError('speaker.already-registered',
    `Đồng chí đã đăng ký tham luận "${open.title}" (số thứ tự ${open.position}). Muốn đổi bài, hãy báo Đoàn Thư ký rút bài cũ trước.`,
    `You have already registered the contribution "${open.title}" (number ${open.position}). To change it, ask the secretariat to withdraw the first one.`,
    'body.title');
};

/**
 * Who reads a contribution's text: the presidium and the office at any time (they choose and order the
 * contributions), its speaker, and everyone once the speaker has taken the floor. Pure.
 */
export const speechReadable = (status: SpeakerStatusName, reader: { readonly chair: boolean; readonly own: boolean }): boolean =>
  reader.chair || reader.own || status === 'speaking' || status === 'done';
