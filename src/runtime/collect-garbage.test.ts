import { afterEach, expect, it, vi } from 'vitest';
import { collectGarbage } from './collect-garbage.ts';

const g = globalThis as { gc?: () => void };
const had = g.gc;
afterEach(() => {
  g.gc = had;
});

it('runs V8\'s collection when the process exposes it, and does nothing when it does not', () => {
  const gc = vi.fn();
  g.gc = gc;
  collectGarbage();
  expect(gc).toHaveBeenCalledTimes(1);
  delete g.gc;
  expect(() => collectGarbage()).not.toThrow();
});
