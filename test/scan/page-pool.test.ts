/** The pixel buffers a reading thread keeps from page to page (src/scan/page-pool.ts). */
import { describe, expect, it } from 'vitest';
import { pagePool } from '../../src/scan/page-pool.ts';

describe('a pool of page buffers', () => {
  it('gives back a kept buffer of the size asked, keeps at most its room, and frees what it did not give', () => {
    const pool = pagePool(2);
    const a = pool.take(100);
    const b = pool.take(10);
    expect(pool.take(100)).not.toBe(a);
    pool.give(a);
    pool.give(b);
    expect(pool.take(10)).toBe(b);
    expect(pool.take(100)).toBe(a);
    expect(pool.take(100)).not.toBe(a);
    // Three given back to a pool with room for two: the oldest is freed at once.
    const c = pool.take(5);
    pool.give(a);
    pool.give(b);
    pool.give(c);
    expect(a.length).toBe(0);
    expect(pool.take(10)).toBe(b);
    // A buffer the pool did not give is freed, not kept.
    const other = new Uint8Array(100);
    pool.give(other);
    expect(other.length).toBe(0);
    expect(pool.take(100) === other).toBe(false);
  });
});
