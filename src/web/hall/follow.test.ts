import { describe, expect, it } from 'vitest';
import type { HallState, PublishedResult, VoteView } from '../api/types.ts';
import { hallScene, reviewedTerm } from './follow.ts';

const vote = (id: number, agendaItemId: number | null, voided = false): VoteView => ({
  id, subject: `Biểu quyết ${id}`, kind: 'other', agree: 10, disagree: 1, other: 0, base: 12, present: 11, threshold: 7, passed: true,
  recordedAt: '2020-07-15T02:00:00.000Z', agendaItemId, voided: voided ? { at: '2020-07-15T03:00:00.000Z', reason: 'nhầm', by: 'thuky' } : null,
});
const result = (electionId: number): PublishedResult => ({ electionId, roundNumber: 1, title: `Bầu ${electionId}`, kind: 'opinion-poll', count: { present: 10, results: [] } as never });
const item = (id: number, kind: string) => ({ id, kind, sessionTitle: 'Phiên', title: `Mục ${id}` });
const base = (over: Partial<HallState>): Parameters<typeof hallScene>[0] => ({
  currentItem: null, currentSpeaker: null, published: null, publishedBy: new Map(), electionOfItem: new Map(), votes: [], targets: null,
  discussion: [], view: { mode: 'follow' }, ...over,
});

describe('the hall screen follows the agenda', () => {
  it('an election item shows its own election result, never another one', () => {
    const s = base({ currentItem: item(20, 'election'), electionOfItem: new Map([[20, 5], [21, 6]]), publishedBy: new Map([[6, result(6)]]), published: result(6) });
    expect(hallScene(s).kind).toBe('item');
    const withOwn = { ...s, publishedBy: new Map([[5, result(5)], [6, result(6)]]) };
    const scene = hallScene(withOwn);
    expect(scene.kind === 'election' ? scene.result.electionId : null).toBe(5);
  });
  it('leaves the result once the agenda moves on', () => {
    const s = base({ currentItem: item(23, 'vote'), electionOfItem: new Map([[20, 5]]), publishedBy: new Map([[5, result(5)]]), published: result(5) });
    expect(hallScene(s).kind).toBe('item');
  });
  it('a show-of-hands item shows the last vote in force recorded under it', () => {
    const s = base({ currentItem: item(7, 'vote'), votes: [vote(1, 7), vote(2, 7, true), vote(3, 8)] });
    const scene = hallScene(s);
    expect(scene.kind === 'vote' ? scene.vote.id : null).toBe(1);
    expect(hallScene({ ...s, votes: [vote(2, 7, true)] }).kind).toBe('item');
  });
  it('shows the speaker while someone speaks', () => {
    expect(hallScene(base({ currentItem: item(16, 'discussion'), currentSpeaker: { id: 1 } as never })).kind).toBe('speaker');
  });
  it('a discussion item shows the discussion\'s numbers between speakers, when there is a document to discuss', () => {
    const numbers = [{ documentId: 1, title: 'Dự thảo Báo cáo chính trị', kind: 'political-report' as const, versionNumber: 1, comments: 38, delegates: 20, paper: 3,
      groupOpinions: 9, groupsReporting: 7, groups: 12, units: 14, accepted: 2, explained: 1, notAccepted: 0 }];
    expect(hallScene(base({ currentItem: item(16, 'discussion'), discussion: numbers })).kind).toBe('discussion');
    expect(hallScene(base({ currentItem: item(16, 'discussion') })).kind).toBe('item');
    expect(hallScene(base({ currentItem: item(17, 'report'), discussion: numbers })).kind).toBe('item');
    expect(hallScene(base({ discussion: numbers, view: { mode: 'fixed', show: 'discussion', voteId: null, electionId: null } })).kind).toBe('discussion');
    expect(hallScene(base({ view: { mode: 'fixed', show: 'discussion', voteId: null, electionId: null } })).kind).toBe('item');
  });
});

describe('the operator panel holds a view', () => {
  it('holds the chosen view whatever the agenda does, and falls back to the item when there is nothing to show', () => {
    const s = base({ currentItem: item(7, 'vote'), votes: [vote(1, 7), vote(4, null)], view: { mode: 'fixed', show: 'attendance', voteId: null, electionId: null } });
    expect(hallScene(s).kind).toBe('attendance');
    const chosen = hallScene({ ...s, view: { mode: 'fixed', show: 'vote', voteId: 1, electionId: null } });
    expect(chosen.kind === 'vote' ? chosen.vote.id : null).toBe(1);
    const latest = hallScene({ ...s, view: { mode: 'fixed', show: 'vote', voteId: null, electionId: null } });
    expect(latest.kind === 'vote' ? latest.vote.id : null).toBe(4);
    expect(hallScene({ ...s, view: { mode: 'fixed', show: 'targets', voteId: null, electionId: null } }).kind).toBe('item');
    expect(hallScene({ ...s, view: { mode: 'fixed', show: 'election', voteId: null, electionId: 9 } }).kind).toBe('item');
  });
});

describe('the targets slide names the term reviewed', () => {
  it('the 2020–2025 congress reviews 2015–2020', () => {
    expect(reviewedTerm(2020, 2025)).toBe('2015–2020');
    expect(reviewedTerm(2025, 2030)).toBe('2020–2025');
  });
});
