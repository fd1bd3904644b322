/**
 * How many are behind a group of opinions: "7/12 tổ, 38 đại biểu đề nghị bổ sung …".
 *
 * Sources: a delegate's own comment (on the phone or on a paper form), and a discussion group's recorded opinion
 * with the number of its members who agreed. A group's agreement count does not name who agreed, so a delegate who
 * also commented alone may be among them: each group counts the larger of its agreement count and its own members
 * who commented alone; delegates in no group that recorded the opinion add one each. Never more than the truth
 * when the agreement count includes those commenters, never less than either source.
 */
import { formatInteger } from '../locale/vi.ts';
import type { OpinionKind } from './grouping.ts';

export type OpinionSource =
  | { readonly source: 'delegate'; readonly delegateId: number; readonly groupId: number | null }
  | { readonly source: 'group'; readonly groupId: number; readonly agreeCount: number };

export interface Support {
  /** Groups that recorded it. */
  readonly groups: number;
  /** Groups that exist (the denominator of "7/12 tổ"). */
  readonly groupsTotal: number;
  readonly delegates: number;
}

export const countSupport = (sources: readonly OpinionSource[], groupsTotal: number): Support => {
  const groupAgree = new Map<number, number>();
  for (const s of sources) {
    if (s.source === 'group') groupAgree.set(s.groupId, Math.max(groupAgree.get(s.groupId) ?? 0, s.agreeCount));
  }
  const alone = new Map<number | null, Set<number>>();
  for (const s of sources) {
    if (s.source !== 'delegate') continue;
    const g = s.groupId !== null && groupAgree.has(s.groupId) ? s.groupId : null;
    const set = alone.get(g) ?? new Set<number>();
    set.add(s.delegateId);
    alone.set(g, set);
  }
  let delegates = alone.get(null)?.size ?? 0;
  for (const [g, agree] of groupAgree) delegates += Math.max(agree, alone.get(g)?.size ?? 0);
  return { groups: groupAgree.size, groupsTotal, delegates };
};

const VERB: Readonly<Record<OpinionKind, string>> = {
  agree: 'tán thành',
  change: 'đề nghị sửa',
  addition: 'đề nghị bổ sung',
  removal: 'đề nghị bỏ',
  other: 'có ý kiến',
};

export const KIND_LABELS_VI: Readonly<Record<OpinionKind, string>> = {
  agree: 'Tán thành',
  change: 'Sửa đổi',
  addition: 'Bổ sung',
  removal: 'Bỏ',
  other: 'Ý kiến khác',
};

/** "7/12 tổ, 38 đại biểu đề nghị bổ sung"; without groups: "3 đại biểu …"; groups only when there are groups. */
export const supportText = (s: Support, kind: OpinionKind): string => {
  const parts: string[] = [];
  if (s.groupsTotal > 0 && s.groups > 0) parts.push(`${formatInteger(s.groups)}/${formatInteger(s.groupsTotal)} tổ`);
  parts.push(`${formatInteger(s.delegates)} đại biểu`);
  return `${parts.join(', ')} ${VERB[kind]}`;
};
