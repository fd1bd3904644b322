import { describe, expect, it } from 'vitest';
import { countBallots, type Ballot, type ElectionSpec } from '../rules/index.ts';
import { openBatch } from './batch.ts';
import { roundResult, sameStoredCount } from './round-result.ts';
import { ctxOf, enterBatch, makeSpec, value } from './test-support.ts';

const batchOf = (spec: ElectionSpec, id: string, ballots: readonly Ballot[]) =>
  enterBatch(ctxOf(spec), { id, label: id, physicalCount: ballots.length, entriesRequired: 2 }, [ballots, ballots]);

/** `n` copies of a strike-out ballot keeping exactly the given rows. */
const keeping = (spec: ElectionSpec, kept: readonly string[], n: number): Ballot[] =>
  Array.from({ length: n }, () => ({ struck: spec.candidates.map((c) => c.id).filter((id) => !kept.includes(id)) }));

describe('roundResult', () => {
  const committee = makeSpec('committee', 4, 2, { base: 10 });
  it('counts the final batches with the rules core and stops when complete', () => {
    const ballots = [...keeping(committee, ['c1', 'c2'], 6), ...keeping(committee, ['c3'], 4)];
    const r = value(roundResult(ctxOf(committee), {
      issued: 10, collected: 10, batches: [batchOf(committee, 'b1', ballots.slice(0, 5)), batchOf(committee, 'b2', ballots.slice(5))],
    }));
    expect(r.count).toEqual(value(countBallots(committee, ballots)));
    expect(r).toMatchObject({ complete: true, anomalies: [], ballotsCounted: 10, countedBatches: ['b1', 'b2'] });
    expect(r.next.type).toBe('stop');
  });
  it('asks for a new round among the tied names', () => {
    const ballots = [...keeping(committee, ['c1', 'c2'], 4), ...keeping(committee, ['c1', 'c3'], 4), ...keeping(committee, ['c2', 'c3'], 2)];
    const r = value(roundResult(ctxOf(committee), { issued: 10, collected: 10, batches: [batchOf(committee, 'b1', ballots)] }));
    expect(r.next).toMatchObject({ type: 'tie-round', seats: 1, candidates: ['c2', 'c3'] });
    expect(r.next.type === 'tie-round' && r.next.message_vi).toContain('bầu lại');
  });
  it('leaves a committee shortfall to the congress', () => {
    const ballots = keeping(committee, ['c1'], 10);
    const r = value(roundResult(ctxOf(committee), { issued: 10, collected: 10, batches: [batchOf(committee, 'b1', ballots)] }));
    expect(r.next).toMatchObject({ type: 'congress-decides', unfilledSeats: 1 });
  });
  it('calls a new round for a delegation shortfall', () => {
    const delegates = makeSpec('delegates', 4, 2, { base: 10 });
    const r = value(roundResult(ctxOf(delegates), { issued: 10, collected: 10, batches: [batchOf(delegates, 'b1', keeping(delegates, ['c1'], 10))] }));
    expect(r.next).toMatchObject({ type: 'new-round', unfilledSeats: 1 });
  });
  it('a delegation tied at the official cut and at the alternate cut: both ties, and both cuts left', () => {
    // 2 officials + 2 alternates, N_base 10: c1 10; c2 = c3 = 8 for the last official seat; c4 = c5 = 7 for the alternate place left.
    const delegates = makeSpec('delegates', 6, 2, { base: 10, alternateSeats: 2 });
    const ballots = [...keeping(delegates, ['c1', 'c3', 'c4', 'c5'], 2), ...keeping(delegates, ['c1', 'c2', 'c4', 'c5'], 2),
      ...keeping(delegates, ['c1', 'c2', 'c3', 'c5'], 3), ...keeping(delegates, ['c1', 'c2', 'c3', 'c4'], 3)];
    const r = value(roundResult(ctxOf(delegates), { issued: 10, collected: 10, batches: [batchOf(delegates, 'b1', ballots)] }));
    expect(r.next).toMatchObject({ type: 'tie-round', seats: 1, candidates: ['c2', 'c3'], unfilledSeats: 3, remaining: {
      official: { seats: 1, tie: { seats: 1, candidates: ['c2', 'c3'] } }, alternate: { seats: 2, tie: { seats: 1, candidates: ['c4', 'c5'] } } } });
    expect(r.next.message_vi).toBe('Có 2 người bằng phiếu cho 1 chỗ đại biểu chính thức còn lại và 2 người bằng phiếu cho 1 chỗ đại biểu dự khuyết còn lại: Đại hội bầu lại trong số những người này.');
  });
  it('a delegation shortfall names the official and the alternate seats left', () => {
    const delegates = makeSpec('delegates', 4, 2, { base: 10, alternateSeats: 1 });
    const r = value(roundResult(ctxOf(delegates), { issued: 10, collected: 10, batches: [batchOf(delegates, 'b1', keeping(delegates, ['c1'], 10))] }));
    expect(r.next).toMatchObject({ type: 'new-round', unfilledSeats: 2, remaining: { official: { seats: 1 }, alternate: { seats: 1 } } });
    expect(r.next.message_vi).toBe('Còn thiếu 1 đại biểu chính thức và 1 đại biểu dự khuyết: bầu lần tiếp theo cho số còn thiếu; Đại hội quyết định danh sách.');
  });
  it('a stored count equals its replay; one stored before `remaining` existed is compared without it', () => {
    const delegates = makeSpec('delegates', 4, 2, { base: 10, alternateSeats: 1 });
    const outcome = value(countBallots(delegates, keeping(delegates, ['c1'], 10)));
    expect(sameStoredCount(outcome, JSON.stringify(outcome))).toBe(true);
    if (outcome.type !== 'election') throw new Error('election');
    const { remaining: _, ...before } = outcome.count;
    expect(sameStoredCount(outcome, JSON.stringify({ ...outcome, count: before }))).toBe(true);
    expect(sameStoredCount(outcome, JSON.stringify({ ...outcome, count: { ...before, unfilledSeats: 1 } }))).toBe(false);
    expect(sameStoredCount(outcome, JSON.stringify({ ...outcome, count: { ...outcome.count, remaining: { ...outcome.count.remaining, official: { seats: 0, tie: null } } } }))).toBe(false);
  });
  it('stops after a poll', () => {
    const poll = makeSpec('opinion-poll', 1, 0, { present: 10 });
    const r = value(roundResult(ctxOf(poll), { issued: 2, collected: 2, batches: [batchOf(poll, 'b1', [{ marks: { c1: 'agree' } }, { marks: { c1: 'disagree' } }])] }));
    expect(r.next.type).toBe('stop');
  });
  it('counts only final batches and says which are not, with no result to announce', () => {
    const ballots = keeping(committee, ['c1', 'c2'], 6);
    const disputed = enterBatch(ctxOf(committee), { id: 'b2', label: 'Hòm 2', physicalCount: 1, entriesRequired: 2 },
      [keeping(committee, ['c1', 'c2'], 1), keeping(committee, ['c3'], 1)]);
    const open = value(openBatch({ id: 'b3', label: 'Hòm 3', physicalCount: 3, entriesRequired: 2 }));
    const r = value(roundResult(ctxOf(committee), { issued: 10, collected: 10, batches: [batchOf(committee, 'b1', ballots), disputed, open] }));
    expect(r.ballotsCounted).toBe(6);
    expect(r.countedBatches).toEqual(['b1']);
    expect(r.complete).toBe(false);
    expect(r.anomalies).toContainEqual(expect.objectContaining({ code: 'batches-not-final', batches: ['b2', 'b3'],
      message_vi: 'Còn 2 tập phiếu chưa có kết quả cuối cùng: "Hòm 2", "Hòm 3".' }));
    expect(r.next.type).toBe('finish-counting');
  });
  it('shows more ballots collected than issued, and batches that do not add up to the ballots collected', () => {
    const ballots = keeping(committee, ['c1', 'c2'], 6);
    const r = value(roundResult(ctxOf(committee), { issued: 5, collected: 7, batches: [batchOf(committee, 'b1', ballots)] }));
    expect(r.anomalies.map((a) => a.code)).toEqual(['collected-over-issued', 'batches-vs-collected']);
    expect(r.anomalies[0]!.message_vi).toBe('Số phiếu thu vào (7) nhiều hơn số phiếu phát ra (5).');
    expect(r.complete).toBe(false);
    const shown = value(roundResult(ctxOf(committee), { issued: 5, collected: 6, batches: [batchOf(committee, 'b1', ballots)] }));
    expect(shown.anomalies.map((a) => a.code)).toEqual(['collected-over-issued']);
    expect(shown.complete).toBe(true);
  });
  it('refuses a batch counted twice and impossible ballot numbers', () => {
    const b = batchOf(committee, 'b1', keeping(committee, ['c1'], 2));
    const codeOf = (r: ReturnType<typeof roundResult>) => (r.ok ? 'accepted' : r.error.code);
    expect(codeOf(roundResult(ctxOf(committee), { issued: 4, collected: 4, batches: [b, b] }))).toBe('round.duplicate-batch');
    expect(codeOf(roundResult(ctxOf(committee), { issued: -1, collected: 4, batches: [b] }))).toBe('round.ballot-numbers');
  });
});
