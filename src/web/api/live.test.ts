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

describe('one shared live connection per congress', () => {
  it('opens one socket for many listeners, fans out events, closes after the last one leaves', async () => {
    const { subscribeLive } = await import('./live.ts');
    const sockets: FakeSocket[] = [];
    class FakeSocket {
      onopen: (() => void) | null = null;
      onmessage: ((m: { data: unknown }) => void) | null = null;
      onclose: (() => void) | null = null;
      onerror: (() => void) | null = null;
      closed = false;
      constructor(readonly url: string) {
        sockets.push(this);
      }
      close(): void {
        this.closed = true;
      }
    }
    const original = globalThis.WebSocket;
    (globalThis as unknown as { WebSocket: unknown }).WebSocket = FakeSocket;
    try {
      const seen: string[] = [];
      const opened: string[] = [];
      const a = subscribeLive('ws://h/live', { onOpen: () => opened.push('a'), onChange: (k) => seen.push(`a:${k}`) });
      const b = subscribeLive('ws://h/live', { onOpen: () => opened.push('b'), onChange: (k) => seen.push(`b:${k}`) });
      expect(sockets).toHaveLength(1);
      sockets[0]!.onopen?.();
      sockets[0]!.onmessage?.({ data: JSON.stringify({ type: 'event', kind: 'attendance', id: null, seq: 1 }) });
      sockets[0]!.onmessage?.({ data: 'not json' });
      expect(opened).toEqual(['a', 'b']);
      expect(seen).toEqual(['a:attendance', 'b:attendance']);
      a();
      expect(sockets[0]!.closed).toBe(false);
      b();
      expect(sockets[0]!.closed).toBe(true);
    } finally {
      (globalThis as unknown as { WebSocket: unknown }).WebSocket = original;
    }
  });
});
