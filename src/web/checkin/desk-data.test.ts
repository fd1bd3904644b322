import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/client.ts';
import type { AttendanceView, Checkin, Session } from '../api/types.ts';
import { answer, fakeApi } from '../test-support/fake-api.ts';
import { CODE } from '../test-support/views.ts';
import { checkIn, currentCheckins } from './desk-data.ts';

const attendance = (sessionId: number | null): AttendanceView => ({
  sessionId, summoned: 300, base: 298, present: 0, threshold: 150, nothingCanPass: false, quorumMet: null, exclusions: {},
});
const session = (id: number, position: number): Session => ({ id, kind: 'official', title: `Phiên ${position}`, position, startsAt: null, items: [] });
const checkin = (sessionId: number): Checkin => ({
  id: 1, sessionId, delegateId: 7, fullName: 'Hoàng Thị Đào', at: '2025-07-15T01:00:00Z', method: 'search', desk: 'web',
});

describe('checking in at the desk: to the session in progress', () => {
  it('the session the attendance names', async () => {
    const post = vi.fn<ApiClient['checkIn']>(({ params }) => answer(checkin(params.id)));
    const api = fakeApi({ attendance: () => answer(attendance(4)), checkIn: post });
    const outcome = await checkIn(api, CODE, { delegateId: 7 }, 'web');
    expect(post).toHaveBeenCalledWith({ params: { code: CODE, id: 4 }, body: { delegateId: 7, desk: 'web' } });
    expect(outcome).toMatchObject({ ok: true, checkin: { sessionId: 4, fullName: 'Hoàng Thị Đào' } });
  });

  it('before anything has started, the first session of the agenda', async () => {
    const post = vi.fn<ApiClient['checkIn']>(({ params }) => answer(checkin(params.id)));
    const api = fakeApi({ attendance: () => answer(attendance(null)), listSessions: () => answer([session(9, 2), session(8, 1)]), checkIn: post });
    await checkIn(api, CODE, { cardToken: 'abcdefghijklmnopqrstuvwxyz' }, 'web');
    expect(post).toHaveBeenCalledWith({ params: { code: CODE, id: 8 }, body: { cardToken: 'abcdefghijklmnopqrstuvwxyz', desk: 'web' } });
  });

  it('no session at all: says so, and sends nothing', async () => {
    const post = vi.fn<ApiClient['checkIn']>();
    const api = fakeApi({ attendance: () => answer(attendance(null)), listSessions: () => answer([]), checkIn: post });
    expect(await checkIn(api, CODE, { delegateId: 7 }, 'web')).toEqual({
      ok: false, message_vi: 'Chưa có phiên họp nào để điểm danh.', message_en: 'No session to check in to.',
    });
    expect(post).not.toHaveBeenCalled();
  });

  it('the server\'s refusal, in its own words', async () => {
    const api = fakeApi({
      attendance: () => answer(attendance(4)),
      checkIn: () => Promise.resolve({ ok: false, error: { code: 'card.revoked', message_vi: 'Thẻ này đã bị thu hồi.', message_en: 'This card was revoked.' } }),
    });
    expect(await checkIn(api, CODE, { cardToken: 'abcdefghijklmnopqrstuvwxyz' }, 'web'))
      .toEqual({ ok: false, message_vi: 'Thẻ này đã bị thu hồi.', message_en: 'This card was revoked.' });
  });

  it('lists the check-ins of that session; none before there is one', async () => {
    const list = vi.fn<ApiClient['listCheckins']>(({ params }) => answer([checkin(params.id)]));
    expect(await currentCheckins(fakeApi({ attendance: () => answer(attendance(4)), listCheckins: list }), CODE))
      .toEqual({ ok: true, value: [checkin(4)] });
    expect(await currentCheckins(fakeApi({ attendance: () => answer(attendance(null)), listSessions: () => answer([]), listCheckins: list }), CODE))
      .toEqual({ ok: true, value: [] });
    expect(list).toHaveBeenCalledTimes(1);
  });
});
