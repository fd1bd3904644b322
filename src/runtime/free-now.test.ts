import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freeNow, wholeBuffer } from './free-now.ts';

/** This process's resident memory, MB. */
const residentMb = (): number => Number(/^VmRSS:\s+(\d+)/mu.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;

describe('freeNow', () => {
  it('gives a large buffer back before it returns, no collection needed', () => {
    const big = Buffer.allocUnsafeSlow(96 << 20).fill(7);
    const before = residentMb();
    expect(freeNow(big)).toBe(true);
    expect(big.length).toBe(0);
    expect(before - residentMb()).toBeGreaterThan(80);
  });

  it('frees a typed array of any kind that holds its whole buffer', () => {
    const page = new Uint8Array(1 << 20).fill(1);
    const sums = new Float64Array(1000);
    expect(freeNow(page)).toBe(true);
    expect(freeNow(sums)).toBe(true);
    expect(page.length + sums.length).toBe(0);
  });

  it('leaves alone a view on part of a buffer (the rest may be in use), shared memory and a pooled small Buffer', () => {
    const whole = new Uint8Array(1000).fill(3);
    const part = whole.subarray(10, 20);
    expect(freeNow(part)).toBe(false);
    expect(whole.length).toBe(1000);
    expect(part.length).toBe(10);
    const shared = new Uint8Array(new SharedArrayBuffer(64));
    expect(freeNow(shared)).toBe(false);
    expect(shared.length).toBe(64);
    const pooled = Buffer.from('từ bể chung');
    expect(freeNow(pooled)).toBe(false);
    expect(pooled.toString()).toBe('từ bể chung');
  });

  it('takes a view as whole only when it spans its ArrayBuffer', () => {
    const b = new ArrayBuffer(16);
    expect(wholeBuffer(new Uint8Array(b))).toBe(b);
    expect(wholeBuffer(new Uint8Array(b, 0, 8))).toBeNull();
    expect(wholeBuffer(new Uint8Array(new SharedArrayBuffer(16)))).toBeNull();
  });
});
