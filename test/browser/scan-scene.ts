/**
 * The scene of the scanning browser tests: the demo congress's committee election brought to counting through the
 * API (everyone present, the presidium and the counting board approved, the list approved, voting opened under the
 * election's agenda item), a counting-board user, and the ballot exactly as the server prints it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { expect } from 'vitest';
import { DEMO_CODE } from '../../src/demo/index.ts';
import type { BallotInput } from '../../src/documents/model.ts';
import { prepareTarget } from '../../src/scan/form.ts';
import { rasterisePdf } from '../../src/scan/input.ts';
import type { GeneratedBallot, Generator } from '../../src/scan/testing/generate.ts';
import { loadPrintRound, roundHeader } from '../../src/server/printouts/round.ts';
import { openDatabase } from '../../src/store/db.ts';
import { apiAs, type RunningServer } from './server.ts';

type Api = Awaited<ReturnType<typeof apiAs>>;
interface Delegate { readonly id: number; readonly status: string }
export interface Election { readonly id: number; readonly kind: string; readonly agendaItemId: number | null; readonly rounds: ReadonlyArray<{ readonly candidates: ReadonlyArray<{ readonly id: number; readonly position: number; readonly fullName: string }> }> }

export const signIn = async (page: Page, base: string, path: string, as: { username: string; password: string }): Promise<void> => {
  await page.goto(`${base}${path}`);
  await page.getByLabel('Tên đăng nhập').fill(as.username);
  await page.getByLabel('Mật khẩu').fill(as.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${base}${path}`);
};

/**
 * The ballot input exactly as the server prints it for this round (read from the server's own database); the
 * election by its id, or by its title as the screens show it.
 */
export const printedBallot = async (server: RunningServer, code: string, election: { readonly id: number } | { readonly title: string }): Promise<BallotInput> => {
  const store = openDatabase({ sqliteFile: join(server.data, 'daihoi.sqlite') });
  try {
    const congress = await store.db.selectFrom('congresses').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    const electionId = 'id' in election ? election.id
      : (await store.db.selectFrom('elections').select('id').where('congress_id', '=', congress.id).where('title', '=', election.title).executeTakeFirstOrThrow()).id;
    const p = await loadPrintRound(store.db, congress, electionId, 1);
    if (!p.ok) throw new Error(p.error.message_en);
    return { header: roundHeader(congress, p.value), round: p.value.model };
  } finally {
    await store.close();
  }
};

/**
 * Ballots to mark on the very paper the screens printed: the downloaded ballot PDF rasterised at 200 dpi, with the
 * rows where the server's form expects them (the generator then marks and degrades it as it does its own render).
 */
export const generatorOnPaper = async (input: BallotInput, pdf: Uint8Array): Promise<Generator> => {
  const target = await prepareTarget(input);
  if (!target.ok) throw new Error(target.error.message_en);
  const clean = await rasterisePdf(pdf, 200);
  if (!clean.ok) throw new Error(clean.error.message_en);
  expect(clean.value, 'the printed ballot has the pages of the form').toHaveLength(target.value.pages.length);
  return { input, target: target.value, clean: clean.value, perPoint: 200 / 72 };
};

/** The committee election of the demo congress at counting (250 issued, 245 collected), with its board's head signed in. */
export const committeeAtCounting = async (server: RunningServer, admin: Api) => {
  const congresses = await admin.call<Array<{ code: string }>>('GET', '/api/congresses');
  expect(congresses[0]?.code, 'serve --demo loads the seed congress').toBe(DEMO_CODE);
  const code = DEMO_CODE;
  const C = `/api/congresses/${code}`;
  const { sessionId } = await admin.call<{ sessionId: number | null }>('GET', `${C}/attendance`);
  const session = sessionId ?? [...await admin.call<Array<{ id: number; position: number }>>('GET', `${C}/sessions`)].sort((a, b) => a.position - b.position)[0]!.id;
  const delegates = (await admin.call<Delegate[]>('GET', `${C}/delegates`)).filter((d) => d.status === 'summoned');
  const present = new Set((await admin.call<Array<{ delegateId: number }>>('GET', `${C}/sessions/${session}/checkins`)).map((c) => c.delegateId));
  for (const d of delegates) if (!present.has(d.id)) await admin.call('POST', `${C}/sessions/${session}/checkins`, { delegateId: d.id, desk: 'e2e' });
  const attendance = await admin.call<{ present: number }>('GET', `${C}/attendance`);
  const bodies = await admin.call<Array<{ id: number; kind: string }>>('GET', `${C}/bodies`);
  for (const kind of ['presidium', 'counting-board']) {
    const body = bodies.find((b) => b.kind === kind)!;
    await admin.call('POST', `${C}/bodies/${body.id}/approval`, { agree: attendance.present, disagree: 0, other: 0 });
  }
  const election = (await admin.call<Election[]>('GET', `${C}/elections`)).find((e) => e.kind === 'committee')!;
  const R = `${C}/elections/${election.id}/rounds/1`;
  await admin.call('POST', `${R}/transition`, { to: 'list-approved', agree: attendance.present, disagree: 0, other: 0 });
  // Voting opens under the election's own agenda item, or (a congress without that link) with a stated reason.
  if (election.agendaItemId === null) await admin.call('POST', `${R}/transition`, { to: 'voting', override: 'Kiểm thử đọc phiếu quét' });
  else {
    await admin.call('PUT', `${C}/current-item`, { agendaItemId: election.agendaItemId });
    await admin.call('POST', `${R}/transition`, { to: 'voting' });
  }
  const head = { username: 'quet.kiemphieu', password: 'mat-khau-quet-2020' };
  const user = await admin.call<{ id: number }>('POST', '/api/users', { username: head.username, displayName: 'Trưởng ban Kiểm phiếu', password: head.password });
  await admin.call('POST', `${C}/roles`, { userId: user.id, role: 'counting-board', electionId: election.id });
  const board = await apiAs(server.base, head.username, head.password);
  await board.call('POST', `${R}/counting`, { issued: 250, collected: 245 });
  return { code, C, R, election, head, board };
};

/** The board opens the sheets of a scan job waiting for it: the review section and the sheets' positions in the stack. */
export const openReview = async (page: Page, job: Locator): Promise<{ review: Locator; positions: number[] }> => {
  await job.getByRole('button', { name: /Xem phiếu chờ quyết định/u }).click();
  const review = page.locator('section.scan-review');
  const sheets = review.getByTestId('scan-sheet');
  await sheets.first().waitFor();
  return { review, positions: await sheets.evaluateAll((xs) => xs.map((x) => Number(x.getAttribute('data-position')))) };
};

/**
 * The board rules each sheet in review as its paper reads (the generator's truth: a partial strike ruled struck), the
 * names in ballot order, until the job says "Đã nhập".
 */
export const ruleAsOnPaper = async (
  review: Locator, job: Locator, positions: readonly number[], ballots: readonly GeneratedBallot[],
  names: ReadonlyArray<{ readonly id: string; readonly name: string }>,
): Promise<void> => {
  for (const position of positions) {
    const truth = ballots[position - 1]!.truth.rows;
    const sheet = review.locator(`[data-testid="scan-sheet"][data-position="${position}"]`);
    for (const [i, c] of names.entries()) {
      const t = truth.get(c.id);
      await sheet.getByRole('checkbox', { name: `Gạch tên số ${i + 1}: ${c.name}` }).setChecked(t === 'struck' || t === 'partial');
    }
    await sheet.getByRole('button', { name: 'Ghi quyết định cho phiếu này' }).click();
    await sheet.getByText('Đã quyết định phiếu này.').or(job.getByText('Đã nhập')).first().waitFor();
  }
  await expect.poll(() => job.getByTestId('scan-status').textContent(), { timeout: 30_000 }).toBe('Đã nhập');
};

/** A .y4m (YUV 4:2:0, grey) of one JPEG photo: what Chromium's fake camera plays in a loop. */
export const writePhotoY4m = async (jpeg: Buffer, file: string): Promise<void> => {
  const { data, info } = await sharp(jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
  const width = info.width & ~1, height = info.height & ~1;
  const y = Buffer.alloc(width * height);
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) y[r * width + c] = 16 + Math.round((data[r * info.width + c]! * 219) / 255);
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  await writeFile(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\n`), frame, frame]));
};
