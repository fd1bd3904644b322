import { describe, expect, it } from 'vitest';
import { formatDateShort } from '../locale/vi.ts';
import { discardEntry, openBatch, openEntry } from './batch.ts';
import { replayLog, type CountingEvent } from './input-log.ts';
import { logLines } from './log-print.ts';
import { recordRuling } from './ruling.ts';
import { CountingEventSchema } from './schemas.ts';
import { batchView } from './views.ts';
import { batchEvents, ctxOf, enterBatch, makeSpec, value } from './test-support.ts';

const ctx = ctxOf(makeSpec('committee', 5, 3, { base: 10 }));
const spec = { id: 'b1', label: 'Tập 1', physicalCount: 2, entriesRequired: 2 as const };
const a = { struck: ['c1', 'c2'] };
const b = { struck: ['c4', 'c5'] };

describe('batchView', () => {
  it('shows an operator only their own entry', () => {
    let s = value(openEntry(value(openBatch(spec)), { operator: 'an', terminal: 't1' }));
    expect(batchView(ctx, s, 'binh')).toEqual({ id: 'b1', label: 'Tập 1', physicalCount: 2, entriesRequired: 2, status: 'entering', myEntry: null });
    s = enterBatch(ctx, spec, [[a, b], [a, a]]);
    expect(batchView(ctx, s, 'op1')).toMatchObject({ status: 'reconciling', myEntry: { ballots: 2, closed: true } });
    expect(JSON.stringify(batchView(ctx, s, 'op1'))).not.toContain('c4');
  });
});

describe('discardEntry', () => {
  it('removes an entry so another can be made, and is refused after a ruling', () => {
    const s = enterBatch(ctx, spec, [[a, b], [b, a]]);
    const d = value(discardEntry(s, 'op1'));
    expect(d.entries.map((e) => e.operator)).toEqual(['op0']);
    expect(value(openEntry(d, { operator: 'chi', terminal: 't9' })).entries).toHaveLength(2);
    const ruled = value(recordRuling(ctx, s, { position: 1, ballot: a, reason: 'entry-slip', note: '', by: 'head', terminal: 'board' }));
    const r = discardEntry(ruled, 'op1');
    expect(r.ok ? '' : r.error.code).toBe('entry.discard-after-ruling');
    const none = discardEntry(s, 'zz');
    expect(none.ok ? '' : none.error.code).toBe('entry.not-found');
  });
  it('replays from the log and needs a reason there', () => {
    const events: CountingEvent[] = [...batchEvents(ctx, spec, [[a, b], [b, a]]),
      { type: 'entry-discarded', discarded: 'op1', note: 'bỏ sót một phiếu', batchId: 'b1', operator: 'head', terminal: 'board', at: '2020-07-15T05:00:00.000Z' }];
    const r = replayLog(ctx, events);
    expect(r.ok && r.value.batches.get('b1')!.entries.length).toBe(1);
    const noReason = replayLog(ctx, [...events.slice(0, -1), { ...events.at(-1)!, note: ' ' } as CountingEvent]);
    expect(noReason.ok ? null : noReason.error.error.code).toBe('log.note-required');
  });
});

describe('logLines', () => {
  it('prints every event, Vietnamese first, in Vietnam time', () => {
    const events: CountingEvent[] = [...batchEvents(ctx, spec, [[a, b], [a, a]]),
      { type: 'ruling', position: 2, ballot: b, reason: 'partial-strike', note: '', batchId: 'b1', operator: 'head', terminal: 'board', at: '2020-07-15T05:00:07.000Z' }];
    const lines = logLines(ctx, events);
    expect(lines).toHaveLength(events.length);
    expect(lines[0]).toMatchObject({ seq: 1, action_vi: 'Mở tập phiếu', detail: 'Tập 1: 2 phiếu, nhập 2 lần' });
    expect(lines.find((l) => l.action_en === 'Ballot entered')).toMatchObject({ position: 1, detail: '1 2', operator: 'op0' });
    expect(lines.at(-1)).toMatchObject({ time: `${formatDateShort('2020-07-15')} 12:00:07`, position: 2, detail: '4 5 — Gạch không hết họ và tên' });
  });
});

describe('CountingEventSchema', () => {
  it('parses every event the core writes, and refuses a malformed one', () => {
    const events = batchEvents(ctx, spec, [[a, b], [a, a]]);
    for (const e of JSON.parse(JSON.stringify(events)) as unknown[]) expect(CountingEventSchema.safeParse(e).success).toBe(true);
    expect(CountingEventSchema.safeParse({ ...events[3], position: 0 }).success).toBe(false);
    expect(CountingEventSchema.safeParse({ ...events[0], type: 'teleport' }).success).toBe(false);
    expect(CountingEventSchema.safeParse({ ...events[1], at: 'yesterday' }).success).toBe(false);
  });
});

describe('entry-moved in the log', () => {
  it('replays an entry continued at another terminal, prints it, and refuses a move from a terminal the entry was not at', () => {
    const all = batchEvents(ctx, spec, [[a, b], [b, a]]);
    // op0's first ballot, then its PC fails: op0 continues at "may-9".
    const firstOfOp0 = all.findIndex((e) => e.type === 'ballot-entered' && e.operator === 'op0');
    const move: CountingEvent = { type: 'entry-moved', moved: 'op0', from: 't0', note: 'máy hỏng', batchId: 'b1', operator: 'op0', terminal: 'may-9', at: '2020-07-16T02:00:00.000Z' };
    const events = [...all.slice(0, firstOfOp0 + 1), move, ...all.slice(firstOfOp0 + 1).map((e) => (e.operator === 'op0' ? { ...e, terminal: 'may-9' } : e))];
    expect(events.every((e) => CountingEventSchema.safeParse(e).success)).toBe(true);
    const r = replayLog(ctx, events);
    expect(r.ok && r.value.batches.get('b1')!.entries.map((e) => [e.operator, e.terminal, e.ballots.length, e.closed]))
      .toEqual([['op0', 'may-9', 2, true], ['op1', 't1', 2, true]]);
    const line = logLines(ctx, events).find((l) => l.action_en.startsWith('Entry of op0 moved'));
    expect(line?.action_vi).toBe('Chuyển lần nhập của op0 từ máy t0 sang máy may-9');
    const wrongFrom = replayLog(ctx, [...all.slice(0, firstOfOp0 + 1), { ...move, from: 't1' }]);
    expect(wrongFrom.ok ? '' : wrongFrom.error.error.code).toBe('log.moved-from');
  });
});
