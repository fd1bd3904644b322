/** What must hold before a round moves on; the legality of the step itself is the state machine's (src/elections). */
import type { Transaction } from 'kysely';
import { err, ok, ruleError, type Result } from '../rules/index.ts';
import type { Candidate, Congress, Database, Election, ElectionRound } from '../store/schema.ts';
import { listed, surplusOf } from './election-data.ts';
import { conflict, unprocessable, type Problem } from './problems.ts';

const SURPLUS_VI: Readonly<Record<string, string>> = {
  'no-surplus': 'danh sách phải dài hơn số lượng được bầu (phải có số dư)',
  'over-lawful-max': 'số dư vượt 30% số lượng được bầu',
  'over-congress-max': 'số dư vượt mức đại hội đã biểu quyết',
  'congress-max-unlawful': 'mức số dư đại hội biểu quyết vượt quy chế',
};

export const canApproveList = (congress: Congress, e: Election, round: ElectionRound, cs: readonly Candidate[]): Result<true, Problem> => {
  const onList = listed(cs);
  if (onList.length === 0) {
    return err(unprocessable(ruleError('list.empty', 'Danh sách bầu cử chưa có ai.', 'The election list is empty.')));
  }
  const pending = cs.filter((c) => c.status === 'withdrawal-requested');
  if (pending.length > 0) {
    return err(unprocessable(ruleError('list.withdrawal-pending', `Còn đơn xin rút chưa được đại hội quyết định: ${pending.map((c) => c.full_name).join(', ')}.`,
      `Withdrawal requests still await the congress's decision: ${pending.map((c) => c.full_name).join(', ')}.`)));
  }
  const unpolled = onList.filter((c) => c.source !== 'committee-list' && c.poll_agree === null);
  if (unpolled.length > 0 && e.kind !== 'opinion-poll' && e.kind !== 'secretary-poll') {
    return err(unprocessable(ruleError('list.poll-pending', `Người được đề cử, ứng cử chưa qua phiếu xin ý kiến: ${unpolled.map((c) => c.full_name).join(', ')}.`,
      `Nominees not yet through the opinion poll: ${unpolled.map((c) => c.full_name).join(', ')}.`)));
  }
  const surplus = surplusOf(congress, e, round, cs);
  if (surplus.errors.length > 0) {
    const vi = surplus.errors.map((x) => SURPLUS_VI[x.code] ?? x.code).join('; ');
    return err(unprocessable(ruleError('list.surplus', `Danh sách chưa đúng quy chế về số dư: ${vi}.`,
      `The list breaks the surplus rules: ${surplus.errors.map((x) => x.code).join(', ')}.`)));
  }
  return ok(true);
};

export const canOpenVoting = async (trx: Transaction<Database>, e: Election): Promise<Result<true, Problem>> => {
  if (e.counting_board_id === null) {
    return err(unprocessable(ruleError('voting.no-counting-board', 'Chưa chỉ định Ban Kiểm phiếu cho cuộc bầu cử.', 'No counting board is assigned to the election.')));
  }
  const body = await trx.selectFrom('bodies').select('approved_vote_id').where('id', '=', e.counting_board_id).executeTakeFirst();
  if (body?.approved_vote_id === null || body === undefined) {
    return err(unprocessable(ruleError('voting.board-not-approved', 'Ban Kiểm phiếu chưa được thông qua.', 'The counting board is not approved.')));
  }
  return ok(true);
};

export const canStartCounting = (round: ElectionRound): Result<true, Problem> =>
  round.ballots_issued === null
    ? err(conflict(ruleError('counting.no-ballots-issued', 'Chưa ghi số phiếu phát ra.', 'The number of ballots issued is not recorded.')))
    : ok(true);
