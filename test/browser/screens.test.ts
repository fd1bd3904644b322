/**
 * The built web app in Chromium against Playwright-routed API answers (fixtures.ts): every screen renders,
 * follows live events without a reload, survives the live connection dropping (a server restart), and reads a
 * delegate card from a fake camera. Screenshots go to test-artifacts/. The same flows against the real
 * server are in e2e.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route, WebSocketRoute } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attendanceOf, cardToken, checkinOf, CODE, committee, congress, delegates, electionView, organisations, principal, sessions, speakers, targets,
} from './fixtures.ts';
import { chromiumAvailable, freePort, launch, repo, screenshot, writeQrY4m } from './support.ts';

interface FakeState {
  me: unknown;
  present: number;
  checkedIn: Map<number, number>;
  election: unknown;
  batches: unknown;
  reconciliation: unknown;
  result: unknown;
  /** What the hall's operator panel holds (follow the agenda by default). */
  hallView: unknown;
}

const initial = (): FakeState => ({
  me: principal, present: 250, checkedIn: new Map(), election: electionView('voting', null), batches: [], reconciliation: [],
  result: { count: null, countedBatches: [], ballotsCounted: 0, complete: false, anomalies: [], roundStatus: 'counting',
    next: { type: 'finish-counting', message_vi: 'Chưa công bố kết quả: kiểm phiếu chưa xong.', message_en: 'Not finished.' } },
  hallView: { mode: 'follow' },
});

const json = (route: Route, body: unknown, status = 200): Promise<void> =>
  route.fulfill({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });

/** Answers the typed API's routes from `state`; the live WebSocket is held open and can be pushed or dropped. */
const fakeApi = async (context: BrowserContext, state: FakeState, sockets: WebSocketRoute[]): Promise<void> => {
  const C = `/api/congresses/${CODE}`;
  await context.route('**/api/**', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    const key = `${req.method()} ${url.pathname}`;
    if (key === 'GET /api/auth/me') return state.me === null ? json(route, { error: { code: 'auth', message_vi: 'Chưa đăng nhập.', message_en: 'Not signed in.' } }, 401) : json(route, state.me);
    if (key === 'POST /api/auth/login') {
      state.me = principal;
      return json(route, principal);
    }
    if (key === `GET ${C}`) return json(route, congress);
    if (key === `GET ${C}/attendance`) return json(route, attendanceOf(state.present));
    if (key === `GET ${C}/sessions`) return json(route, sessions);
    if (key === `GET ${C}/speakers`) return json(route, speakers);
    if (key === `GET ${C}/targets`) return json(route, targets);
    if (key === `GET ${C}/elections`) return json(route, [state.election]);
    if (key === `GET ${C}/organisations`) return json(route, organisations);
    if (key === `GET ${C}/delegates`) return json(route, delegates);
    if (key === `GET ${C}/delegate-changes`) return json(route, { openedAt: '2020-07-15T00:30:00Z', changes: [] });
    if (key === `GET ${C}/bodies`) return json(route, []);
    if (key === `GET ${C}/votes`) return json(route, []);
    if (key === `GET ${C}/hall-view`) return json(route, state.hallView);
    if (key === `GET ${C}/documents`) return json(route, [{ id: 1, title: 'Báo cáo chính trị', fileName: 'bao-cao-chinh-tri.pdf', mimeType: 'application/pdf', size: 812_000, visibility: 'delegates', uploadedAt: '2020-07-01T00:00:00Z' }]);
    const signedDelegate = typeof state.me === 'object' && state.me !== null && 'kind' in state.me && state.me.kind === 'delegate'
      && 'id' in state.me && typeof state.me.id === 'number' ? state.me.id : null;
    if (key === `GET ${C}/me` && signedDelegate !== null) {
      const id = signedDelegate;
      const d = delegates[id - 1]!;
      return json(route, {
        id, code: d.code, fullName: d.fullName, seat: 'C-21', organisationName: organisations[0]?.name ?? null, status: d.status,
        sessions: sessions.map((x) => ({ sessionId: x.id, title: x.title, kind: x.kind, position: x.position, checkedInAt: x.id === 2 && state.checkedIn.has(id) ? '2020-07-15T00:30:00Z' : null })),
      });
    }
    // The desk checks in to the congress (the session in progress), and answers with the delegate and the session.
    const recorded = (id: number, d: number) => ({ ...checkinOf(id, d), leftAt: null, leftReason: null, voidedAt: null, voidReason: null });
    if (key === `GET ${C}/checkins`) return json(route, [...state.checkedIn.entries()].map(([d, id]) => recorded(id, d)));
    if (key === `POST ${C}/checkins`) {
      const body = req.postDataJSON() as { cardToken?: string; delegateId?: number };
      const d = body.delegateId ?? delegates.find((x) => cardToken(x.id) === body.cardToken)?.id;
      if (d === undefined) return json(route, { error: { code: 'checkin.card', message_vi: 'Thẻ không hợp lệ.', message_en: 'Invalid card.' } }, 404);
      const already = state.checkedIn.has(d);
      if (!already) {
        state.checkedIn.set(d, state.checkedIn.size + 1);
        state.present++;
      }
      const x = delegates[d - 1]!;
      const session = sessions.find((v) => v.id === 2)!;
      return json(route, {
        outcome: already ? 'already' : 'checked-in', checkin: recorded(state.checkedIn.get(d)!, d),
        session: { id: session.id, title: session.title, position: session.position, freshCheckin: false },
        delegate: { id: d, code: x.code, fullName: x.fullName, seat: null, organisationName: organisations[0]?.name ?? null, standing: 'official', votes: true, replaces: null },
      }, already ? 200 : 201);
    }
    if (key === `GET ${C}/sessions/2/checkins`) return json(route, [...state.checkedIn.entries()].map(([d, id]) => checkinOf(id, d)));
    if (key === `POST ${C}/sessions/2/checkins`) {
      const body = req.postDataJSON() as { cardToken?: string; delegateId?: number };
      const d = body.delegateId ?? delegates.find((x) => cardToken(x.id) === body.cardToken)?.id;
      if (d === undefined) return json(route, { error: { code: 'checkin.card', message_vi: 'Thẻ không hợp lệ.', message_en: 'Invalid card.' } }, 404);
      if (!state.checkedIn.has(d)) {
        state.checkedIn.set(d, state.checkedIn.size + 1);
        state.present++;
      }
      return json(route, checkinOf(state.checkedIn.get(d)!, d), 201);
    }
    const round = `${C}/elections/1/rounds/1`;
    if (key === `GET ${round}/batches`) return json(route, state.batches);
    if (key === `GET ${round}/reconciliation`) return json(route, state.reconciliation);
    if (key === `GET ${round}/result`) return json(route, state.result);
    return json(route, { error: { code: 'not-found', message_vi: `Không có ${key}`, message_en: `No ${key}` } }, 404);
  });
  await context.routeWebSocket(/\/api\/congresses\/[^/]+\/live$/u, (ws) => {
    sockets.push(ws);
  });
};

const push = (sockets: readonly WebSocketRoute[], kind: string): void => {
  for (const ws of sockets) ws.send(JSON.stringify({ type: 'event', kind, id: null, seq: Date.now() }));
};

const run = chromiumAvailable();

describe.skipIf(!run)('web screens in Chromium (routed API fixtures)', () => {
  let server: PreviewServer;
  let base: string;
  let outDir: string;
  let browser: Browser;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'daihoi-web-'));
    await build({ configFile: join(repo, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const port = await freePort();
    server = await preview({ configFile: join(repo, 'vite.config.ts'), logLevel: 'silent', build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' } });
    base = `http://127.0.0.1:${port}`;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
    await rm(outDir, { recursive: true, force: true });
  });

  const open = async (viewport: { width: number; height: number }, state: FakeState, sockets: WebSocketRoute[] = []): Promise<{ page: Page; context: BrowserContext }> => {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    await fakeApi(context, state, sockets);
    return { page: await context.newPage(), context };
  };

  it('signs in with a password and lands on the console', async () => {
    const state = { ...initial(), me: null };
    const { page, context } = await open({ width: 1280, height: 800 }, state);
    await page.goto(`${base}/hall`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(page.url()).toContain('/signin?next=%2Fhall');
    await screenshot(page, '01-sign-in');
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('mat-khau-dai-hoi');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${base}/hall`);
    await page.getByTestId('present').waitFor();
    await context.close();
  });

  it('hall screen: agenda, speaker, attendance; live without reload; survives the connection dropping', async () => {
    const state = initial();
    const sockets: WebSocketRoute[] = [];
    const { page, context } = await open({ width: 1920, height: 1080 }, state, sockets);
    await page.goto(`${base}/hall`);
    await expect.poll(() => page.getByTestId('present').textContent()).toBe('250');
    expect(await page.getByTestId('current-item').textContent()).toBe('Thảo luận Báo cáo chính trị');
    expect(await page.getByTestId('current-speaker').textContent()).toBe('Hoàng Thị Đào');
    await screenshot(page, '02-hall-agenda');
    await page.evaluate(() => { (globalThis as unknown as { marker: number }).marker = 42; });

    state.present = 251;
    push(sockets, 'attendance');
    await expect.poll(() => page.getByTestId('present').textContent()).toBe('251');

    // The server goes away: the screen says so, reconnects with backoff and resyncs what it missed.
    for (const ws of sockets.splice(0)) await ws.close({ code: 1012, reason: 'restart' });
    await page.getByText('Mất kết nối máy chủ').waitFor();
    state.present = 252;
    await expect.poll(() => sockets.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('present').textContent()).toBe('252');
    await expect.poll(() => page.getByText('Mất kết nối máy chủ').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);

    // Nothing can pass when present ≤ N_base / 2.
    state.present = 127;
    push(sockets, 'attendance');
    await page.getByText('không biểu quyết, bầu cử được').waitFor();
    await screenshot(page, '03-hall-attendance-warning');
    await context.close();
  });

  it('hall screen: a published result appears as the chart, then the targets slide', async () => {
    const state = initial();
    const sockets: WebSocketRoute[] = [];
    const { page, context } = await open({ width: 1920, height: 1080 }, state, sockets);
    await page.goto(`${base}/hall`);
    await page.getByTestId('present').waitFor();
    const c = committee().count;
    state.election = electionView('published', { type: 'election', count: c });
    // The operator panel holds the election's result (the fixture's election has no agenda item to follow).
    state.hallView = { mode: 'fixed', show: 'election', voteId: null, electionId: null };
    push(sockets, 'result');
    await page.locator('svg.results-chart').waitFor();
    const elected = await page.locator('[data-testid="bar"][data-elected="true"]').count();
    expect(elected).toBe(c.elected.length);
    const firstName = await page.locator('[data-testid="bar"] .bar-name').first().textContent();
    const top = c.results.find((r) => r.id === c.elected[0]);
    expect(firstName).toBe(`1. ${top?.name}`);
    await screenshot(page, '04-hall-results');
    state.hallView = { mode: 'fixed', show: 'targets', voteId: null, electionId: null };
    push(sockets, 'congress');
    await page.getByText('8/8 chỉ tiêu đạt và vượt, trong đó 5 chỉ tiêu vượt').waitFor();
    await screenshot(page, '05-hall-targets');
    await context.close();
  });

  it('check-in desk reads a delegate card from the camera, confirms in green, and attendance follows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'daihoi-cam-'));
    const video = join(dir, 'card.y4m');
    await writeQrY4m(`DAIHOI1:${CODE}:${cardToken(21)}`, video);
    const camBrowser = await launch(video);
    try {
      const state = initial();
      const context = await camBrowser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
      await context.grantPermissions(['camera'], { origin: base });
      await fakeApi(context, state, []);
      const page = await context.newPage();
      await page.goto(`${base}/checkin`);
      const confirmation = page.getByTestId('confirmation');
      await confirmation.waitFor({ timeout: 20_000 });
      expect(await confirmation.getAttribute('data-ok')).toBe('true');
      expect(await confirmation.textContent()).toContain(delegates[20]!.fullName);
      await expect.poll(() => page.getByTestId('present').textContent()).toBe('251');
      await screenshot(page, '06-checkin-camera');

      // Search without accents and check in by Enter.
      await page.getByRole('button', { name: 'Tắt camera' }).click();
      await page.getByLabel('Hoặc tìm theo họ tên, mã đại biểu').fill('db007');
      await page.getByLabel('Hoặc tìm theo họ tên, mã đại biểu').press('Enter');
      await expect.poll(() => page.getByTestId('confirmation').textContent()).toContain(delegates[6]!.fullName);
      await expect.poll(() => page.getByTestId('present').textContent()).toBe('252');
      await context.close();
    } finally {
      await camBrowser.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('counting console: the ballot form, the entry line, the queue and a provisional result', async () => {
    const state = initial();
    state.me = { ...principal, roles: [{ congress: CODE, role: 'counting-board', electionId: 1 }] };
    state.election = electionView('counting', null);
    state.batches = [
      { id: '1', label: 'Hòm phiếu số 1', physicalCount: 125, entriesRequired: 2, status: 'reconciling', entriesOpened: 2, entriesClosed: 2, myEntry: { ballots: 125, closed: true }, entryPlaces: [] },
      { id: '2', label: 'Hòm phiếu số 2', physicalCount: 125, entriesRequired: 2, status: 'entering', entriesOpened: 2, entriesClosed: 0, myEntry: { ballots: 37, closed: false }, entryPlaces: [] },
    ];
    state.reconciliation = [{
      batchId: '1', label: 'Hòm phiếu số 1', status: 'reconciling', positions: 125, totalsAgree: false, unruled: 1, final: false, totals: [],
      disagreements: [{ position: 17,
        entries: [{ operator: 'nhapphieu1', terminal: 'may-1', text: '3 17 22', ballot: { struck: [] } }, { operator: 'nhapphieu2', terminal: 'may-2', text: '3 18 22', ballot: { struck: [] } }],
        difference: { rows: ['116', '117'], rowsShown: [16, 17].map((i) => ({ row: i + 1, candidateId: committee().spec.candidates[i]!.id, name: committee().spec.candidates[i]!.name })), writeIn: false, flags: [] },
        ruling: null }],
    }];
    const { page, context } = await open({ width: 1600, height: 1000 }, state);
    await page.goto(`${base}/counting`);
    await page.getByRole('button', { name: /Hòm phiếu số 2/u }).click();
    const line = page.getByLabel(/Gõ số thứ tự các tên bị gạch/u);
    await line.fill('2 5 27');
    expect(await page.locator('.ballot-row.struck').count()).toBe(3);
    await page.getByText('Phiếu thứ 17 trong tập').waitFor();
    await screenshot(page, '07-counting-console');
    await context.close();
  });

  it('delegate phone page and the console', async () => {
    const state = initial();
    state.me = { kind: 'delegate', id: 21, congress: CODE, fullName: 'Hoàng Thị Đào' };
    state.checkedIn.set(21, 1);
    const { page, context } = await open({ width: 390, height: 844 }, state);
    await page.goto(`${base}/`);
    await page.getByText('Xin chào đồng chí Hoàng Thị Đào').waitFor();
    await page.getByText('Thảo luận Báo cáo chính trị').waitFor();
    // The delegate's own record (GET …/me): checked in to the session in progress, with the time, and the seat.
    await page.getByText('Đồng chí đã điểm danh Phiên chính thức lúc 07:30.').waitFor();
    await page.getByText('C-21', { exact: true }).waitFor();
    await screenshot(page, '08-delegate-phone');
    await context.close();

    const admin = await open({ width: 1440, height: 900 }, initial());
    await admin.page.goto(`${base}/console/elections`);
    await admin.page.getByText('Cần bầu 24, danh sách 27, số dư 3 (tối đa 3).').waitFor();
    await screenshot(admin.page, '09-console-elections');
    await admin.page.goto(`${base}/console/votes`);
    await admin.page.getByLabel('Nội dung biểu quyết').fill('Thông qua Chương trình đại hội');
    await admin.page.getByLabel('Đồng ý', { exact: true }).fill('240');
    await admin.page.getByLabel('Không đồng ý', { exact: true }).fill('5');
    await admin.page.getByLabel('Ý kiến khác', { exact: true }).fill('5');
    await admin.page.getByText('Thông qua: đạt quá một nửa của 254 (cần 128).').waitFor();
    await screenshot(admin.page, '10-console-votes');
    await admin.page.goto(`${base}/console/delegates`);
    expect(await admin.page.getByTestId('print-cards').getAttribute('href')).toBe(`/api/congresses/${CODE}/printouts/delegate-cards`);
    await admin.page.goto(`${base}/console/setup`);
    await admin.page.getByRole('heading', { name: 'Chỉ tiêu Nghị quyết nhiệm kỳ' }).waitFor();
    await expect.poll(() => admin.page.getByTestId('target-row').count()).toBe(targets.targets.length);
    await admin.page.getByRole('heading', { name: 'Chỉ tiêu Nghị quyết nhiệm kỳ' }).scrollIntoViewIfNeeded();
    await screenshot(admin.page, '11-console-targets');
    await admin.context.close();
  });
});
