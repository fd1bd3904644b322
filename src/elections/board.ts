/** The counting board of an election (docs/rules.md §2): approved by the congress, never a candidate, fixed once voting starts. */
import { ok, type Result } from '../rules/index.ts';
import { onList, type BoardFacts, type CandidateFacts } from './facts.ts';
import { refuseNow, refuseRule, type Refusal } from './refusal.ts';
import type { RoundState } from './state-machine.ts';

export const canAssignBoard = (
  board: BoardFacts,
  rounds: readonly { readonly status: RoundState; readonly candidates: readonly CandidateFacts[] }[],
): Result<true, Refusal> => {
  if (!board.approved) {
    return refuseRule('counting-board.not-approved', 'Ban Kiểm phiếu chưa được đại hội biểu quyết thông qua.', 'The counting board is not approved by the congress yet.', 'body.bodyId');
  }
  if (rounds.some((r) => r.status !== 'draft' && r.status !== 'list-approved')) {
    return refuseNow('counting-board.locked', 'Đã bắt đầu bỏ phiếu: không đổi Ban Kiểm phiếu được nữa.', 'Voting has begun: the counting board cannot change.');
  }
  const candidates = new Set(rounds.flatMap((r) => onList(r.candidates)).map((c) => c.delegateId));
  const names = board.members.filter((m) => candidates.has(m.delegateId)).map((m) => m.name).join(', ');
  if (names !== '') {
    return refuseRule('counting-board.candidate', `Thành viên Ban Kiểm phiếu không được có tên trong danh sách bầu cử: ${names}.`,
      `A counting board member may not be a candidate of the election: ${names}.`, 'body.bodyId');
  }
  return ok(true);
};

/** The head of the board, as the minutes name them. */
export const boardHead = (board: BoardFacts | null): string | null => board?.members.find((m) => m.role === 'head')?.name ?? null;
