/**
 * The life of a round (docs/rules.md §3–§6, §10) as pure steps: state → Result<what changes, refusal>. The server
 * loads the facts, calls a step, stores what it returns and audits it; the status itself is written in one place
 * (src/server/round-store.ts), always through `checkTransition`.
 *
 *   draft → list-approved → voting → counting → counted → published → approved
 */
import { ok, type Result } from '../rules/index.ts';
import { onList, type RoundFacts } from './facts.ts';
import { roundSurplus } from './list.ts';
import { notNow, refuseNow, refuseRule, type Refusal } from './refusal.ts';
import { boardHead } from './board.ts';
import { checkTransition, STATE_LABELS, type RoundState } from './state-machine.ts';

const step = (from: RoundState, to: RoundState): Result<true, Refusal> => {
  const legal = checkTransition(from, to);
  return legal.ok ? legal : { ok: false, error: notNow(legal.error) };
};

const SURPLUS_VI: Readonly<Record<string, string>> = {
  'no-surplus': 'danh sách phải dài hơn số lượng được bầu (phải có số dư)',
  'over-lawful-max': 'số dư vượt 30% số lượng được bầu',
  'over-congress-max': 'số dư vượt mức đại hội đã biểu quyết',
  'congress-max-unlawful': 'mức số dư đại hội biểu quyết vượt quy chế',
};

/** Before the congress votes on the list: someone on it, no withdrawal pending, nominees polled, the surplus lawful. */
export const canApproveList = (r: RoundFacts): Result<true, Refusal> => {
  const moves = step(r.status, 'list-approved');
  if (!moves.ok) return moves;
  const listed = onList(r.candidates);
  if (listed.length === 0) return refuseRule('list.empty', 'Danh sách bầu cử chưa có ai.', 'The election list is empty.');
  const pending = r.candidates.filter((c) => c.status === 'withdrawal-requested').map((c) => c.name).join(', ');
  if (pending !== '') {
    return refuseRule('list.withdrawal-pending', `Còn đơn xin rút chưa được đại hội quyết định: ${pending}.`,
      `Withdrawal requests still await the congress's decision: ${pending}.`);
  }
  const isPoll = r.election.kind === 'opinion-poll' || r.election.kind === 'secretary-poll';
  const unpolled = listed.filter((c) => c.source !== 'committee-list' && c.pollAgree === null).map((c) => c.name).join(', ');
  if (unpolled !== '' && !isPoll) {
    return refuseRule('list.poll-pending', `Người được đề cử, ứng cử chưa qua phiếu xin ý kiến: ${unpolled}.`,
      `Nominees not yet through the opinion poll: ${unpolled}.`);
  }
  const surplus = roundSurplus(r);
  if (surplus.errors.length > 0) {
    return refuseRule('list.surplus', `Danh sách chưa đúng quy chế về số dư: ${surplus.errors.map((x) => SURPLUS_VI[x.code] ?? x.code).join('; ')}.`,
      `The list breaks the surplus rules: ${surplus.errors.map((x) => x.code).join(', ')}.`);
  }
  return ok(true);
};

/**
 * Voting opens with an approved counting board none of whose members is on the list (docs/rules.md §2): a
 * candidate added after the board was chosen must not count the ballots that elect them.
 */
export const canOpenVoting = (r: RoundFacts): Result<true, Refusal> => {
  const moves = step(r.status, 'voting');
  if (!moves.ok) return moves;
  if (r.board === null) return refuseRule('voting.no-counting-board', 'Chưa chỉ định Ban Kiểm phiếu cho cuộc bầu cử.', 'No counting board is assigned to the election.');
  if (!r.board.approved) return refuseRule('voting.board-not-approved', 'Ban Kiểm phiếu chưa được thông qua.', 'The counting board is not approved.');
  const clash = boardCandidates(r);
  if (clash !== '') {
    return refuseRule('voting.board-candidate', `Thành viên Ban Kiểm phiếu không được có tên trong danh sách bầu cử: ${clash}.`,
      `A counting board member may not be a candidate of the election: ${clash}.`);
  }
  return ok(true);
};

/** The names of board members who are candidates on the round's list ('' when none). */
export const boardCandidates = (r: Pick<RoundFacts, 'board' | 'candidates'>): string => {
  const listed = new Set(onList(r.candidates).map((c) => c.delegateId).filter((id) => id !== null));
  return (r.board?.members ?? []).filter((m) => listed.has(m.delegateId)).map((m) => m.name).join(', ');
};

/** Ballots issued never exceed those present at the vote; ballots collected never exceed those issued. */
export const checkBallotNumbers = (r: Pick<RoundFacts, 'present'>, issued: number, collected: number | null): Result<true, Refusal> => {
  if (r.present !== null && issued > r.present) {
    return refuseRule('ballots.over-present', `Số phiếu phát ra (${issued}) vượt số đại biểu có mặt (${r.present}).`,
      `Ballots issued (${issued}) exceed those present (${r.present}).`, 'body.issued');
  }
  if (collected !== null && collected > issued) {
    return refuseRule('ballots.over-issued', `Số phiếu thu về (${collected}) vượt số phiếu phát ra (${issued}).`,
      `Ballots collected (${collected}) exceed those issued (${issued}).`, 'body.collected');
  }
  return ok(true);
};

/** The numbers of ballots issued and collected are recorded while the round is voted or counted. */
export const canRecordBallots = (r: RoundFacts, issued: number, collected: number | null): Result<true, Refusal> => {
  if (r.status !== 'voting' && r.status !== 'counting') {
    return refuseNow('ballots.state', 'Chỉ ghi số phiếu phát ra, thu về khi đang bỏ phiếu hoặc kiểm phiếu.', 'Ballots are recorded only while voting or counting.');
  }
  return checkBallotNumbers(r, issued, collected);
};

/**
 * The board opens counting with the numbers of ballots issued and collected: voting → counting, or new numbers
 * while counting (never fewer collected than the batches already hold).
 */
export const canOpenCounting = (r: RoundFacts, issued: number, collected: number, inBatches: number): Result<'move' | 'renumber', Refusal> => {
  if (r.status !== 'voting' && r.status !== 'counting') {
    return refuseNow('counting.open-state', `Chỉ mở kiểm phiếu khi vòng bầu đang bỏ phiếu hoặc kiểm phiếu (vòng bầu ${STATE_LABELS[r.status].vi}).`,
      `Counting opens only while the round is voting or counting (round ${STATE_LABELS[r.status].en}).`);
  }
  if (r.status === 'counting' && r.ballotsIssued === issued && r.ballotsCollected === collected) {
    return refuseNow('counting.open-state', 'Kiểm phiếu đã mở với đúng các số phiếu này: không có gì thay đổi.', 'Counting is already open with these ballot numbers: nothing changed.');
  }
  if (inBatches > collected) {
    return refuseRule('batch.over-collected', `Các tập đã tạo có ${inBatches} phiếu, nhiều hơn số phiếu thu về (${collected}).`,
      `The batches already hold ${inBatches} ballots, more than the ${collected} collected.`, 'body.collected');
  }
  const numbers = checkBallotNumbers(r, issued, collected);
  if (!numbers.ok) return numbers;
  return ok(r.status === 'voting' ? 'move' : 'renumber');
};

/** A result comes from counting only: the round is being counted. */
export const canCount = (r: Pick<RoundFacts, 'status'>): Result<true, Refusal> =>
  r.status === 'counting' ? ok(true)
    : refuseNow('counting.not-open', `Vòng bầu không ở bước kiểm phiếu (vòng bầu ${STATE_LABELS[r.status].vi}).`,
      `The round is not being counted (round ${STATE_LABELS[r.status].en}).`);

export const canPublish = (r: Pick<RoundFacts, 'status'>): Result<true, Refusal> => step(r.status, 'published');
export const canApproveResult = (r: Pick<RoundFacts, 'status'>): Result<true, Refusal> => step(r.status, 'approved');

/** Counting starts once the number of ballots issued is recorded. */
export const canStartCounting = (r: RoundFacts): Result<true, Refusal> => {
  const moves = step(r.status, 'counting');
  if (!moves.ok) return moves;
  return r.ballotsIssued === null
    ? refuseNow('counting.no-ballots-issued', 'Chưa ghi số phiếu phát ra.', 'The number of ballots issued is not recorded.')
    : ok(true);
};

const sameName = (a: string, b: string): boolean =>
  a.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi') === b.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');

/**
 * A hand count's totals are accepted from the board while the round is counted, when it is not counted in
 * batches, for the ballots collected, signed off by the head of the election's counting board.
 */
export const canHandCount = (r: RoundFacts, inBatches: boolean, total: number, signedBy: string): Result<true, Refusal> => {
  const counting = canCount(r);
  if (!counting.ok) return counting;
  if (inBatches) {
    return refuseNow('count.in-batches', 'Vòng bầu này đang kiểm phiếu theo tập: kết thúc bằng "Kết thúc kiểm phiếu" từ các tập đã đối chiếu.',
      'This round is counted in batches: finish it from its reconciled batches.');
  }
  if (r.ballotsCollected !== null && total !== r.ballotsCollected) {
    return refuseRule('count.collected-mismatch', `Tổng số phiếu kiểm (${total}) khác số phiếu thu về (${r.ballotsCollected}).`,
      `Ballots counted (${total}) differ from ballots collected (${r.ballotsCollected}).`, 'body.collected');
  }
  const head = boardHead(r.board);
  if (head === null) return refuseRule('count.no-head', 'Ban Kiểm phiếu chưa có Trưởng ban để ký biên bản.', 'The counting board has no head to sign the minutes.');
  if (!sameName(head, signedBy)) {
    return refuseRule('count.not-head', `Biên bản kiểm phiếu phải do Trưởng Ban Kiểm phiếu (${head}) ký xác nhận.`,
      `The counting minutes must be signed off by the head of the counting board (${head}).`, 'body.signedBy');
  }
  return ok(true);
};
