import { describe, expect, it } from 'vitest';
import { secondRegistration } from './speakers.ts';

describe('one open contribution per delegate', () => {
  it('refuses a second registration while the first is registered, approved or being given, naming it', () => {
    for (const status of ['registered', 'approved', 'speaking'] as const) {
      const e = secondRegistration([{ title: 'Chuyển đổi số', position: 4, status }]);
      expect(e?.code).toBe('speaker.already-registered');
      expect(e?.message_vi).toContain('"Chuyển đổi số" (số thứ tự 4)');
    }
  });
  it('allows one when there is none, or the earlier ones are done or withdrawn', () => {
    expect(secondRegistration([])).toBeNull();
    expect(secondRegistration([{ title: 'A', position: 1, status: 'done' }, { title: 'B', position: 2, status: 'withdrawn' }])).toBeNull();
  });
});
