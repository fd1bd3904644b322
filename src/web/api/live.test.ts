import { describe, expect, it } from 'vitest';
import { backoffDelay, liveUrl } from './live.ts';

describe('live connection', () => {
  it('backs off exponentially up to 15 s, with jitter of ±25%', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(500);
    expect(backoffDelay(3, () => 0.5)).toBe(4000);
    expect(backoffDelay(20, () => 0.5)).toBe(15_000);
    expect(backoffDelay(1, () => 0)).toBe(750);
    expect(backoffDelay(1, () => 1)).toBe(1250);
  });
  it('uses wss behind https', () => {
    expect(liveUrl('ls-xiv', { protocol: 'https:', host: 'h' })).toBe('wss://h/api/congresses/ls-xiv/live');
    expect(liveUrl('ls-xiv', { protocol: 'http:', host: 'h:8080' })).toBe('ws://h:8080/api/congresses/ls-xiv/live');
  });
});
