import { describe, expect, it } from 'vitest';
import { secondRegistration, speechReadable } from './speakers.ts';

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

describe('who reads a contribution\'s text', () => {
  it('the presidium and the office, and its speaker, at any time', () => {
    for (const status of ['registered', 'approved', 'withdrawn'] as const) {
      expect(speechReadable(status, { chair: true, own: false })).toBe(true);
      expect(speechReadable(status, { chair: false, own: true })).toBe(true);
    }
  });
  it('everyone else only once the speaker has taken the floor', () => {
    expect((['registered', 'approved', 'withdrawn'] as const).map((s) => speechReadable(s, { chair: false, own: false }))).toEqual([false, false, false]);
    expect((['speaking', 'done'] as const).map((s) => speechReadable(s, { chair: false, own: false }))).toEqual([true, true]);
  });
});
