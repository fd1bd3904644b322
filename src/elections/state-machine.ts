/**
 * The round of an election as a state machine: draft → list-approved → voting → counting →
 * counted → published → approved (chuẩn y by the higher committee). Pure: the server applies a transition
 * with a conditional update (`WHERE status = from`) so that two staff approving at once get exactly one effect.
 */
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';

export const ROUND_STATES = ['draft', 'list-approved', 'voting', 'counting', 'counted', 'published', 'approved'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const STATE_LABELS: Readonly<Record<RoundState, { readonly vi: string; readonly en: string }>> = {
  draft: { vi: 'đang lập danh sách', en: 'draft list' },
  'list-approved': { vi: 'danh sách đã được thông qua', en: 'list approved' },
  voting: { vi: 'đang bỏ phiếu', en: 'voting' },
  counting: { vi: 'đang kiểm phiếu', en: 'counting' },
  counted: { vi: 'đã kiểm phiếu xong', en: 'counted' },
  published: { vi: 'đã công bố kết quả', en: 'results published' },
  approved: { vi: 'đã được cấp trên chuẩn y', en: 'approved by the higher committee' },
};

/** The only legal next state of each state (a round moves forward, one step at a time). */
const NEXT: Readonly<Record<RoundState, RoundState | null>> = {
  draft: 'list-approved',
  'list-approved': 'voting',
  voting: 'counting',
  counting: 'counted',
  counted: 'published',
  published: 'approved',
  approved: null,
};

export const nextState = (from: RoundState): RoundState | null => NEXT[from];

/** Whether `from → to` is legal; the refusal says, in Vietnamese first, where the round stands. */
export const checkTransition = (from: RoundState, to: RoundState): Result<true, RuleError> => {
  if (NEXT[from] === to) return ok(true);
  const f = STATE_LABELS[from];
  const t = STATE_LABELS[to];
  if (from === to) {
    return err(ruleError('round.already', `Vòng bầu đã ở trạng thái "${f.vi}": không có gì thay đổi.`,
      `The round is already "${f.en}": nothing changed.`));
  }
  const next = NEXT[from];
  const hint_vi = next === null ? 'Vòng bầu đã kết thúc.' : `Bước tiếp theo là "${STATE_LABELS[next].vi}".`;
  const hint_en = next === null ? 'The round is finished.' : `The next step is "${STATE_LABELS[next].en}".`;
  return err(ruleError('round.illegal-transition',
    `Không thể chuyển vòng bầu từ "${f.vi}" sang "${t.vi}". ${hint_vi}`,
    `Cannot move the round from "${f.en}" to "${t.en}". ${hint_en}`));
};

/**
 * Told to the second of two people who made the same transition at once: the first one won, this one
 * changed nothing.
 */
export const lostRace = (expected: RoundState, actual: RoundState): RuleError =>
  ruleError('round.concurrent',
    `Trạng thái vòng bầu vừa được người khác thay đổi (nay là "${STATE_LABELS[actual].vi}", không còn là "${STATE_LABELS[expected].vi}"): thao tác của bạn không được thực hiện.`,
    `The round was just changed by someone else (now "${STATE_LABELS[actual].en}", no longer "${STATE_LABELS[expected].en}"): your action was not applied.`);

/** What the candidate list may still change in: only a draft list is edited. */
export const listEditable = (state: RoundState): Result<true, RuleError> =>
  state === 'draft'
    ? ok(true)
    : err(ruleError('round.list-locked', `Danh sách bầu cử đã khóa (vòng bầu ${STATE_LABELS[state].vi}).`,
      `The election list is locked (round ${STATE_LABELS[state].en}).`));
