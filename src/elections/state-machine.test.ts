import { describe, expect, it } from 'vitest';
import { checkTransition, nextState, ROUND_STATES, listEditable, lostRace } from './state-machine.ts';

describe('round state machine', () => {
  it('moves forward one step at a time to approval', () => {
    const path = ['draft', 'list-approved', 'voting', 'counting', 'counted', 'published', 'approved'];
    for (let i = 0; i + 1 < path.length; i++) {
      expect(nextState(path[i] as never)).toBe(path[i + 1]);
    }
    expect(nextState('approved')).toBeNull();
  });

  it('accepts exactly the six legal transitions among all 49 pairs', () => {
    let legal = 0;
    for (const from of ROUND_STATES) for (const to of ROUND_STATES) if (checkTransition(from, to).ok) legal++;
    expect(legal).toBe(6);
  });

  it('refuses skipping and going back with a Vietnamese message naming the next step', () => {
    const skip = checkTransition('draft', 'voting');
    expect(skip.ok).toBe(false);
    if (!skip.ok) {
      expect(skip.error.code).toBe('round.illegal-transition');
      expect(skip.error.message_vi).toContain('Bước tiếp theo là "danh sách đã được thông qua"');
    }
    const back = checkTransition('published', 'counting');
    expect(back.ok).toBe(false);
    const again = checkTransition('voting', 'voting');
    expect(!again.ok && again.error.code).toBe('round.already');
    const done = checkTransition('approved', 'draft');
    expect(!done.ok && done.error.message_vi).toContain('Vòng bầu đã kết thúc');
  });

  it('locks the list after the draft and explains a lost race', () => {
    expect(listEditable('draft').ok).toBe(true);
    expect(listEditable('voting').ok).toBe(false);
    expect(lostRace('counted', 'published').message_vi).toContain('đã công bố kết quả');
  });
});
