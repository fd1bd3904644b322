/**
 * The secretariat's synthesis of one paragraph (tổng hợp, tiếp thu, giải trình): the opinions grouped, how many
 * are behind each group, and the answer — accepted (with the new wording), explained (with the explanation), or
 * not accepted — as the report prints it.
 */
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';
import { countSupport, supportText, type OpinionSource, type Support } from './counting.ts';
import { groupOpinions, type OpinionKind, type OpinionText } from './grouping.ts';

export const SYNTHESIS_STATUSES = ['pending', 'accepted', 'explained', 'not-accepted'] as const;
export type SynthesisStatus = (typeof SYNTHESIS_STATUSES)[number];

export const STATUS_LABELS_VI: Readonly<Record<SynthesisStatus, string>> = {
  pending: 'Chưa xử lý',
  accepted: 'Tiếp thu',
  explained: 'Giải trình',
  'not-accepted': 'Không tiếp thu',
};

export interface SynthesisAnswer {
  readonly status: SynthesisStatus;
  readonly newText: string | null;
  readonly explanation: string | null;
}

/** An answer must carry what its status promises: the new wording when accepted, the reason when explained. */
export const checkAnswer = (a: SynthesisAnswer): Result<SynthesisAnswer, RuleError> => {
  if (a.status === 'accepted' && (a.newText ?? '').trim() === '') {
    return err(ruleError('synthesis.new-text', 'Tiếp thu thì phải ghi câu chữ mới của đoạn.', 'An accepted opinion needs the new wording.', 'body.newText'));
  }
  if ((a.status === 'explained' || a.status === 'not-accepted') && (a.explanation ?? '').trim() === '') {
    return err(ruleError('synthesis.explanation', 'Giải trình hoặc không tiếp thu thì phải ghi lý do.', 'An explanation or a refusal needs its reason.', 'body.explanation'));
  }
  return ok({
    status: a.status,
    newText: a.status === 'accepted' ? a.newText : null,
    explanation: a.status === 'pending' ? null : a.explanation,
  });
};

/** An opinion as the synthesis sees it: its text for grouping, its source for counting. */
export interface Opinion extends OpinionText {
  readonly source: OpinionSource;
  readonly author: string;
  /** The opinion's own words (its text), and its proposed wording if any. */
  readonly body: string;
  readonly proposed: string | null;
}

export interface OpinionCluster {
  readonly kind: OpinionKind;
  /** The first opinion's proposal: the group's representative wording. */
  readonly representative: string;
  readonly opinions: readonly Opinion[];
  readonly support: Support;
  /** "7/12 tổ, 38 đại biểu đề nghị sửa" */
  readonly supportText: string;
}

/** The grouped opinions of one paragraph with their support, largest groups first. */
export const clusterOpinions = (opinions: readonly Opinion[], groupsTotal: number, threshold?: number): OpinionCluster[] => {
  const byKey = new Map(opinions.map((o) => [o.key, o]));
  return groupOpinions(opinions, threshold).map((g) => {
    const members = g.keys.map((k) => byKey.get(k)!);
    const support = countSupport(members.map((m) => m.source), groupsTotal);
    return { kind: g.kind, representative: members[0]!.text, opinions: members, support, supportText: supportText(support, g.kind) };
  });
};
