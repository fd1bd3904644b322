/**
 * The minutes of a counted round, by kind: counting minutes (committee, standing committee, secretary …),
 * delegation minutes, opinion-poll minutes, secretary-poll minutes. Counts are the round's stored result;
 * attendance is the round's snapshot of N_base, its exclusions and those present (older rounds without the
 * exclusions snapshot: `loadAttendance`, deriveAttendance of the delegates now).
 */
import type { Kysely } from 'kysely';
import type { PrintFormat } from '../../api/printouts.ts';
import {
  countingMinutes, delegationMinutes, opinionPollMinutes, secretaryPollMinutes, type CountMethod, type CountTimes, type VotingAttendance,
} from '../../documents/index.ts';
import { formatTime } from '../../locale/vi.ts';
import { computeBase, err, ok, ruleError, type Result } from '../../rules/index.ts';
import { loadAttendance } from '../../store/attendance.ts';
import { baseExclusionsFromJson } from '../../store/base-exclusions-json.ts';
import { handCountFromJson } from '../../store/hand-count-json.ts';
import type { Congress, Database, ElectionRound } from '../../store/schema.ts';
import { conflict, unprocessable, type Problem } from '../problems.ts';
import type { FileOut } from '../route.ts';
import { renderAs } from './common.ts';
import { loadPrintRound, requireCounted, roundHeader, storedOutcome, type PrintRound } from './round.ts';

/** When counting started and ended: the round's transitions to "counting" and "counted" in the audit log. */
const countTimes = async (db: Kysely<Database>, congressId: number, roundId: number): Promise<CountTimes> => {
  const rows = await db.selectFrom('audit_log').select(['at', 'payload']).where('congress_id', '=', congressId)
    .where('action', '=', 'round.transition').where('subject', '=', `round:${roundId}`).orderBy('id').execute();
  const at = (to: string): string | undefined => {
    const row = rows.filter((r) => {
      try {
        return (JSON.parse(r.payload) as { to?: unknown }).to === to;
      } catch {
        return false;
      }
    }).pop();
    return row === undefined ? undefined : formatTime(new Date(row.at));
  };
  return { start: at('counting'), end: at('counted') };
};

/**
 * Summoned and excluded as at the vote: the round's snapshot (base_exclusions, stored when voting opened), which
 * later status changes do not touch. Rounds voted before the snapshot existed (null) derive them from the
 * delegates' statuses now, refused when N_base no longer equals the round's snapshot of the base.
 */
const votingAttendance = async (db: Kysely<Database>, congress: Congress, p: PrintRound): Promise<Result<VotingAttendance, Problem>> => {
  const { base, present, base_exclusions: snapshot } = p.round;
  if (base === null || present === null) {
    return err(conflict(ruleError('printout.no-snapshot', 'Vòng bầu không có số làm căn cứ và số có mặt lúc bỏ phiếu.',
      'The round has no base and attendance recorded at voting.')));
  }
  if (snapshot !== null) {
    const stored = baseExclusionsFromJson(snapshot);
    if (!stored.ok) return err(unprocessable(stored.error));
    const derived = computeBase(stored.value);
    if (!derived.ok || derived.value !== base) {
      // Written in one update with the base; a mismatch means the row was altered by hand.
      return err(conflict(ruleError('printout.snapshot-mismatch',
        `Các số loại trừ ghi lúc bỏ phiếu không cho đúng số làm căn cứ ${base} của vòng bầu.`,
        `The exclusions recorded at voting do not give the round's base ${base}.`)));
    }
    return ok({ congress: stored.value, presentAtVoting: present });
  }
  const a = await loadAttendance(db, congress.id);
  if (!a.ok) return err(unprocessable(a.error));
  if (p.election.kind !== 'opinion-poll' && a.value.base !== base) {
    return err(conflict(ruleError('printout.base-changed',
      `Số làm căn cứ lúc bỏ phiếu là ${base}, nay danh sách đại biểu cho ${a.value.base}: trạng thái đại biểu đã thay đổi sau khi bỏ phiếu, `
      + 'biên bản không ghi được các số loại trừ đúng với lúc bỏ phiếu. Hãy kiểm tra lại trạng thái đại biểu.',
      `The base at voting was ${base}; the delegate list now gives ${a.value.base}: delegate statuses changed after the vote, so the minutes `
      + 'cannot state the exclusions as they were. Check the delegate statuses.')));
  }
  return ok({ congress: a.value.counts, presentAtVoting: present });
};

/** How the round was counted, for the minutes: the board's batches (how many entries), or its hand count (who signed). */
const countMethod = async (db: Kysely<Database>, round: ElectionRound): Promise<CountMethod | undefined> => {
  if (round.counted_by === 'hand') {
    const signed = handCountFromJson(round.hand_count);
    return signed === null ? undefined : { kind: 'hand', signedBy: signed.signedBy };
  }
  const batch = await db.selectFrom('counting_batches').select('entries_required').where('round_id', '=', round.id).orderBy('number').executeTakeFirst();
  return batch === undefined ? undefined : { kind: 'batches', entries: batch.entries_required };
};

export const roundMinutes = async (
  db: Kysely<Database>, congress: Congress, electionId: number, number: number, format: PrintFormat,
): Promise<Result<FileOut, Problem>> => {
  const l = await loadPrintRound(db, congress, electionId, number);
  if (!l.ok) return l;
  const p = l.value;
  const counted = requireCounted(p, 'biên bản kiểm phiếu', 'minutes');
  if (!counted.ok) return counted;
  if (!p.hasBoard) {
    return err(conflict(ruleError('printout.no-board', 'Cuộc bầu cử chưa có Ban Kiểm phiếu (có thành viên) để ký biên bản.',
      'The election has no counting board with members to sign the minutes.')));
  }
  const outcome = storedOutcome(p);
  if (!outcome.ok) return outcome;
  const attendance = await votingAttendance(db, congress, p);
  if (!attendance.ok) return attendance;
  const base = {
    header: roundHeader(congress, p), round: p.model, attendance: attendance.value,
    ballotsIssued: p.round.ballots_issued ?? outcome.value.count.ballots.total,
    times: await countTimes(db, congress.id, p.round.id),
    method: await countMethod(db, p.round),
  };
  const name = `bien-ban-kiem-phieu-${congress.code}-bau-cu-${p.election.id}-vong-${p.round.number}`;
  const o = outcome.value;
  switch (o.type) {
    case 'election':
      return renderAs(db, p.election.kind === 'delegates' ? delegationMinutes : countingMinutes, { ...base, count: o.count }, format, name);
    case 'opinion-poll':
      return renderAs(db, opinionPollMinutes, { ...base, count: o.count }, format, name);
    case 'secretary-poll':
      return renderAs(db, secretaryPollMinutes, { ...base, count: o.count }, format, name);
  }
};
