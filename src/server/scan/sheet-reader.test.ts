/**
 * The scanning worker thread reads exactly as src/scan does on the main thread, prepares the blank ballot itself,
 * and, once closed and started again, is given the form it no longer holds.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEADER, candidates, round } from '../../documents/fixtures/congress.ts';
import { readSheet } from '../../scan/index.ts';
import { generateBallot, prepareGenerator, type Generator } from '../../scan/testing/generate.ts';
import { sheetReader } from './sheet-reader.ts';

const reader = sheetReader();
let g: Generator;

beforeAll(async () => {
  const r = await prepareGenerator({ header: HEADER, round: round({ kind: 'committee', seats: 3, candidates: candidates(5) }) });
  if (!r.ok) throw new Error(r.error.message_en);
  g = r.value;
}, 60_000);
afterAll(() => reader.close());

it('prepares the round\'s blank ballot in the worker and reads a sheet there as readSheet does here; again after a restart', async () => {
  const prepared = await reader.prepare(g.input);
  if (!prepared.ok) throw new Error(prepared.error.message_en);
  expect(prepared.value.layout).toEqual(g.target.layout);
  const page = (await generateBallot(g, { seed: 7, degrade: 'none', stamped: true, writingOutside: false })).pages[0]!;
  const here = readSheet(page, g.target, 0);
  expect(here.kind).toBe('read');
  expect(await reader.read(page, prepared.value, 0)).toEqual(here);
  // A new worker after close: it must be sent the form the server kept.
  await reader.close();
  expect(await reader.read(page, prepared.value, 0)).toEqual(here);
  // Another form than the one the worker holds is sent along too.
  expect(await reader.read(page, g.target, 0)).toEqual(here);
}, 60_000);
