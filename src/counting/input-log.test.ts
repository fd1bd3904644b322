import { describe, expect, it } from 'vitest';
import { addBallot, openBatch, openEntry, undoBallot } from './batch.ts';
import { applyEvent, emptyCountingState, replayLog, type CountingEvent } from './input-log.ts';
import { recordRuling } from './ruling.ts';
import { batchEvents, ctxOf, enterBatch, makeSpec, value } from './test-support.ts';

const ctx = ctxOf(makeSpec('committee', 5, 3, { base: 10 }));
const spec = { id: 'b1', label: 'Tập 1', physicalCount: 2, entriesRequired: 2 as const };
const a = { struck: ['c1', 'c2'] };
const b = { struck: ['c4', 'c5'] };
const meta = { batchId: 'b1', operator: 'op0', terminal: 't0', at: '2020-07-15T01:00:00.000Z' };

describe('replayLog', () => {
  it('rebuilds the same state as the transitions, undo and ruling included', () => {
    const events: CountingEvent[] = [
      ...batchEvents(ctx, spec, [[a, b], [a, a]]),
      { type: 'ruling', position: 2, ballot: b, reason: 'entry-slip', note: '', ...meta, operator: 'head', terminal: 'board' },
    ];
    // An undo in the middle of op0's entry: type a wrong ballot, take it back.
    const firstAdd = events.findIndex((e) => e.type === 'ballot-entered');
    events.splice(firstAdd, 0,
      { type: 'ballot-entered', position: 1, ballot: b, text: '4 5', ...meta },
      { type: 'ballot-undone', position: 1, ...meta });
    const direct = value(recordRuling(ctx, enterBatch(ctx, spec, [[a, b], [a, a]]),
      { position: 2, ballot: b, reason: 'entry-slip', note: '', by: 'head', terminal: 'board' }));
    const replayed = replayLog(ctx, events);
    expect(replayed.ok).toBe(true);
    if (replayed.ok) expect(replayed.value.batches.get('b1')).toEqual(direct);
  });
  it('says which event does not replay and why', () => {
    const events = batchEvents(ctx, spec, [[a, b], [a, a]]);
    const i = events.findIndex((e) => e.type === 'ballot-entered' && e.position === 2);
    const broken = events.map((e, j) => (j === i ? { ...e, position: 3 } : e));
    const r = replayLog(ctx, broken);
    expect(r.ok ? null : r.error).toMatchObject({ index: i, error: { code: 'log.position' } });
  });
  it('refuses typed text that does not give the recorded ballot', () => {
    const e: CountingEvent = { type: 'ballot-entered', position: 1, ballot: a, text: '1 3', ...meta };
    const s = value(openEntry(value(openBatch(spec)), { operator: 'op0', terminal: 't0' }));
    const r = applyEvent(ctx, { batches: new Map([['b1', s]]) }, e);
    expect(r.ok ? '' : r.error.code).toBe('log.text-mismatch');
    const garbled = applyEvent(ctx, { batches: new Map([['b1', s]]) }, { ...e, text: '1 99' });
    expect(garbled.ok ? '' : garbled.error.code).toBe('entry.row-out-of-range');
  });
  it('refuses an event of a batch never opened, a batch opened twice and a mismatched batch id', () => {
    const codeOf = (r: ReturnType<typeof applyEvent>) => (r.ok ? 'accepted' : r.error.code);
    expect(codeOf(applyEvent(ctx, emptyCountingState, { type: 'entry-opened', ...meta }))).toBe('log.batch-unknown');
    const opened = value(applyEvent(ctx, emptyCountingState, { type: 'batch-opened', batch: spec, ...meta }));
    expect(codeOf(applyEvent(ctx, opened, { type: 'batch-opened', batch: spec, ...meta }))).toBe('log.batch-exists');
    expect(codeOf(applyEvent(ctx, emptyCountingState, { type: 'batch-opened', batch: { ...spec, id: 'b9' }, ...meta }))).toBe('log.batch-id');
  });
  it('refuses what the transitions refuse, e.g. a second entry by the same operator', () => {
    const events: CountingEvent[] = [{ type: 'batch-opened', batch: spec, ...meta }, { type: 'entry-opened', ...meta }, { type: 'entry-opened', ...meta, terminal: 't9' }];
    const r = replayLog(ctx, events);
    expect(r.ok ? null : r.error).toMatchObject({ index: 2, error: { code: 'entry.same-operator' } });
  });
  it('checks the count of a close and the position of an undo', () => {
    let s = value(openEntry(value(openBatch(spec)), { operator: 'op0', terminal: 't0' }));
    s = value(addBallot(ctx, s, 'op0', a));
    const state = { batches: new Map([['b1', s]]) };
    const codeOf = (r: ReturnType<typeof applyEvent>) => (r.ok ? 'accepted' : r.error.code);
    expect(codeOf(applyEvent(ctx, state, { type: 'ballot-undone', position: 2, ...meta }))).toBe('log.position');
    expect(codeOf(applyEvent(ctx, state, { type: 'entry-closed', ballots: 2, ...meta }))).toBe('log.position');
    expect(value(applyEvent(ctx, state, { type: 'ballot-undone', position: 1, ...meta })).batches.get('b1')).toEqual(value(undoBallot(s, 'op0')));
    expect(codeOf(applyEvent(ctx, state, { type: 'entry-closed', ballots: 1, ...meta }))).toBe('entry.count-mismatch');
  });
  it('replays a batch counted again by hand only with a reason and from the count it held', () => {
    const opened: CountingEvent = { type: 'batch-opened', batch: { ...spec, physicalCount: 6 }, ...meta };
    const recount = (from: number, note: string): CountingEvent => ({ type: 'batch-recounted', from, physicalCount: 2, note, ...meta, operator: 'head', terminal: 'board' });
    const r = replayLog(ctx, [opened, recount(6, 'Đếm lại: 2 phiếu')]);
    expect(r.ok && r.value.batches.get('b1')?.spec.physicalCount).toBe(2);
    expect(replayLog(ctx, [opened, recount(5, 'Đếm lại')])).toMatchObject({ ok: false, error: { index: 1, error: { code: 'log.recount-from' } } });
    expect(replayLog(ctx, [opened, recount(6, ' ')])).toMatchObject({ ok: false, error: { index: 1, error: { code: 'log.note-required' } } });
  });
});
