import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/client.ts';
import type { DeskCheckinResult, RecordedCheckin } from '../api/types.ts';
import { answer, fakeApi } from '../test-support/fake-api.ts';
import { CODE } from '../test-support/views.ts';
import { checkIn, isRepeat, presentNow } from './desk-data.ts';

const recorded = (o: Partial<RecordedCheckin>): RecordedCheckin => ({
  id: 1, sessionId: 1, delegateId: 7, fullName: 'Hoàng Thị Đào', at: '2025-07-15T01:00:00Z', method: 'search', desk: 'Bàn 1',
  leftAt: null, leftReason: null, voidedAt: null, voidReason: null, ...o,
});

describe('checking in at the desk: to the congress', () => {
  it('sends the card or the delegate with the desk\'s name; the server picks the session', async () => {
    const result: DeskCheckinResult = {
      outcome: 'checked-in', checkin: recorded({}), session: { id: 4, title: 'Phiên 2', position: 2, freshCheckin: false },
      delegate: { id: 7, code: '007', fullName: 'Hoàng Thị Đào', seat: null, organisationName: null, standing: 'official', votes: true, replaces: null },
    };
    const post = vi.fn<ApiClient['deskCheckIn']>(() => answer(result));
    const api = fakeApi({ deskCheckIn: post });
    expect(await checkIn(api, CODE, { delegateId: 7 }, 'Bàn 3')).toEqual({ ok: true, result });
    expect(post).toHaveBeenCalledWith({ params: { code: CODE }, body: { delegateId: 7, desk: 'Bàn 3' } });
  });

  it('passes the server\'s refusal with its code (the desk colours it)', async () => {
    const api = fakeApi({
      deskCheckIn: () => Promise.resolve({ ok: false, error: { code: 'checkin.absent-whole', message_vi: 'Vắng mặt cả đại hội.', message_en: 'Absent.' } }),
    });
    expect(await checkIn(api, CODE, { cardToken: 'abcdefghijklmnopqrstuvwxyz' }, 'Bàn 1'))
      .toEqual({ ok: false, code: 'checkin.absent-whole', message_vi: 'Vắng mặt cả đại hội.', message_en: 'Absent.' });
  });

  it('marks present those checked in to the congress, or to this session when it requires a fresh check-in', () => {
    const rows = [recorded({ delegateId: 1 }), recorded({ delegateId: 2, sessionId: 2 }), recorded({ delegateId: 3, voidedAt: 'x' }), recorded({ delegateId: 4, leftAt: 'x' })];
    expect([...presentNow(rows, { id: 2, title: 'Ngày 2', position: 2, freshCheckin: false })].sort()).toEqual([1, 2]);
    expect([...presentNow(rows, { id: 2, title: 'Ngày 2', position: 2, freshCheckin: true })]).toEqual([2]);
  });

  it('ignores the same card still in front of the camera, not another card nor the same one later', () => {
    const last = { token: 'AAAAAAAAAAAAAAAAAAAAAAAA', at: 1_000 };
    expect(isRepeat(last, last.token, 3_500)).toBe(true);
    expect(isRepeat(last, 'BBBBBBBBBBBBBBBBBBBBBBBB', 3_500)).toBe(false);
    expect(isRepeat(last, last.token, 12_000)).toBe(false);
    expect(isRepeat(null, last.token, 1_000)).toBe(false);
  });
});
