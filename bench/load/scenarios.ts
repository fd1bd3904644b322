/**
 * The load scenarios, each driving a running server (bench/load/server.ts) over 127.0.0.1 only:
 * live fan-out to many WebSocket clients, check-ins at several desks, ballot entry by 10 operators at once.
 * Every loop is bounded by a count and by a deadline, so the bench always stops by itself.
 */
import { LoadClient } from './client.ts';
import { cpuSeconds, percentile, type ServerUnderLoad } from './server.ts';
import { openLive, type LiveConnection } from './ws.ts';

export const CODE = 'lso-khoi-xiv';
export const C = `/api/congresses/${CODE}`;

export interface Deadline { readonly left: () => number }
export const deadline = (ms: number): Deadline => {
  const end = performance.now() + ms;
  return { left: () => end - performance.now() };
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `work` on each item with at most `width` at once; stops taking items when the deadline has passed. */
export const pool = async <T>(items: readonly T[], width: number, until: Deadline, work: (item: T, worker: number) => Promise<void>): Promise<number> => {
  let next = 0;
  let done = 0;
  await Promise.all(Array.from({ length: width }, async (_, w) => {
    while (next < items.length && until.left() > 0) {
      const item = items[next++]!;
      await work(item, w);
      done += 1;
    }
  }));
  return done;
};

/** The open-files limit of this process (`ulimit -n`), from /proc/self/limits. */
export const openFilesLimit = async (): Promise<number> => {
  const { readFileSync } = await import('node:fs');
  const m = /^Max open files\s+(\d+)/mu.exec(readFileSync('/proc/self/limits', 'utf8'));
  return m === null ? 1024 : Number(m[1]);
};

export interface Staff { readonly admin: LoadClient; readonly board: LoadClient; readonly screenCookie: string }

export const signInStaff = async (server: ServerUnderLoad): Promise<Staff> => {
  const admin = new LoadClient(server.url);
  await admin.login('admin', server.adminPassword);
  const account = (role: string) => {
    const a = server.accounts.find((x) => x.role === role);
    if (a === undefined) throw new Error(`no demo account for ${role} in:\n${server.output()}`);
    return a;
  };
  const board = new LoadClient(server.url);
  await board.login(account('counting-board').username, account('counting-board').password);
  const screen = new LoadClient(server.url);
  await screen.login(account('screen').username, account('screen').password);
  return { admin, board, screenCookie: screen.cookie ?? '' };
};

/** Adds delegates through the import route (.csv) until `total` can check in; returns their card tokens. */
export const delegatesForCheckin = async (admin: LoadClient, total: number, until: Deadline): Promise<string[]> => {
  type D = { id: number; code: string; status: string };
  const list = async () => admin.must<D[]>('delegate list', admin.get(`${C}/delegates`));
  let delegates = (await list()).filter((d) => d.status !== 'not-summoned');
  const missing = total - delegates.length;
  if (missing > 0) {
    const orgs = await admin.must<Array<{ name: string; role?: string }>>('organisations', admin.get(`${C}/organisations`));
    const org = orgs.find((o) => o.role === 'member') ?? orgs[orgs.length - 1]!;
    const lines = ['Số thẻ,Họ và tên,Giới tính,Ngày sinh,Đơn vị,Loại đại biểu'];
    const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
    const given = ['Văn An', 'Thị Bình', 'Đức Cường', 'Thị Dung', 'Quang Hải', 'Thu Hương', 'Minh Khôi', 'Ngọc Lan', 'Tuấn Nam', 'Thanh Phương'];
    for (let i = 0; i < missing; i++) {
      lines.push(`T${String(i + 1).padStart(5, '0')},${family[i % 10]} ${given[Math.floor(i / 10) % 10]} ${i},${i % 2 === 0 ? 'Nam' : 'Nữ'},`
        + `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/19${60 + (i % 30)},"${org.name.replaceAll('"', '""')}",Bầu`);
    }
    const form = new FormData();
    form.append('file', new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' }), 'dai-bieu-them.csv');
    await admin.must('delegate import', admin.post(`${C}/delegates-import`, form));
    delegates = (await list()).filter((d) => d.status !== 'not-summoned');
  }
  const tokens: string[] = [];
  await pool(delegates.slice(0, total), 8, until, async (d) => {
    tokens.push((await admin.must<{ token: string }>('card', admin.get(`${C}/delegates/${d.id}/card`))).token);
  });
  return tokens;
};

export interface FanoutResult {
  readonly clients: number;
  readonly connectSeconds: number;
  readonly events: number;
  /** Per event: the milliseconds from sending the state change to the p50 / p99 / last client. */
  readonly p50: readonly number[];
  readonly p99: readonly number[];
  readonly max: readonly number[];
  /** Per event: the HTTP answer of the state change itself. */
  readonly ackMs: readonly number[];
  readonly missed: number;
  readonly serverCpuSeconds: number;
  /** CPU seconds of this (bench) process over the same events: reading 5,000 sockets in one process costs too. */
  readonly benchCpuSeconds: number;
  readonly wallSeconds: number;
}

/**
 * `clients` live connections of the congress on one instance (one screen session cookie), then `events` changes of
 * the current agenda item through the API, one at a time: for each, the time from sending the PUT until each client
 * has the event.
 */
export const liveFanout = async (
  server: ServerUnderLoad, staff: Staff, clients: number, events: number, until: Deadline, others: readonly ServerUnderLoad[] = [],
): Promise<{ result: FanoutResult; close: () => void }> => {
  const sessions = await staff.admin.must<Array<{ id: number; kind: string }>>('sessions', staff.admin.get(`${C}/sessions`));
  const items: number[] = [];
  for (let i = 0; i < events; i++) {
    const item = await staff.admin.must<{ id: number }>('agenda item', staff.admin.post(`${C}/sessions/${sessions[0]!.id}/items`, { title: `Mục thử tải ${i + 1}`, kind: 'other' }));
    items.push(item.id);
  }
  const arrivals = new Map<number, number[]>(items.map((id) => [id, []]));
  let snapshots = 0;
  const connections: LiveConnection[] = [];
  const t0 = performance.now();
  const indices = Array.from({ length: clients }, (_, i) => i);
  // Clients are spread over the instances (round robin); the changes are always made on the first.
  const ports = [server.port, ...others.map((o) => o.port)];
  await pool(indices, 64, until, async (i) => {
    const c = await openLive(ports[i % ports.length]!, `${C}/live`, staff.screenCookie);
    c.onText((text, at) => {
      if (text.startsWith('{"type":"snapshot"')) { snapshots += 1; return; }
      if (!text.includes('"current-item"')) return;
      const id = Number(/"id":(\d+)/u.exec(text)?.[1]);
      arrivals.get(id)?.push(at);
    });
    connections.push(c);
  });
  while (snapshots < connections.length && until.left() > 0) await sleep(20);
  const connectSeconds = (performance.now() - t0) / 1000;
  const n = connections.length;
  const p50: number[] = [];
  const p99: number[] = [];
  const max: number[] = [];
  const ackMs: number[] = [];
  let missed = 0;
  const cpu0 = cpuSeconds(server.pid);
  const own0 = process.cpuUsage();
  const w0 = performance.now();
  for (const id of items) {
    if (until.left() <= 0) break;
    await sleep(300);
    const sent = performance.now();
    const r = await staff.admin.put(`${C}/current-item`, { agendaItemId: id });
    if (r.status !== 200) throw new Error(`current item: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    ackMs.push(r.ms);
    const got = arrivals.get(id)!;
    const waitUntil = performance.now() + 15_000;
    while (got.length < n && performance.now() < waitUntil && until.left() > 0) await sleep(5);
    missed += n - got.length;
    const lat = got.map((at) => at - sent);
    // A client that never got the event counts as the slowest (the wait bound): the percentile is not flattered.
    for (let k = got.length; k < n; k++) lat.push(waitUntil - sent);
    p50.push(percentile(lat, 50));
    p99.push(percentile(lat, 99));
    max.push(Math.max(...lat));
  }
  const result: FanoutResult = {
    clients: n, connectSeconds, events: p99.length, p50, p99, max, ackMs, missed,
    serverCpuSeconds: cpuSeconds(server.pid) - cpu0, wallSeconds: (performance.now() - w0) / 1000,
    benchCpuSeconds: ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(own0)),
  };
  return { result, close: () => { for (const c of connections) c.close(); } };
};

export interface RunResult {
  readonly done: number;
  readonly failed: number;
  readonly seconds: number;
  readonly latencies: readonly number[];
  readonly serverCpuSeconds: number;
  readonly failures: readonly string[];
}

/** Check-ins by card token at `desks` desks at once, each desk as fast as the server answers. */
export const checkins = async (server: ServerUnderLoad, admin: LoadClient, tokens: readonly string[], desks: number, until: Deadline): Promise<RunResult> => {
  const session = await admin.must<{ id: number }>('session', admin.post(`${C}/sessions`, { kind: 'official', title: 'Phiên thử tải điểm danh' }));
  const deskClients = Array.from({ length: desks }, () => {
    const c = new LoadClient(server.url);
    c.cookie = admin.cookie;
    return c;
  });
  const latencies: number[] = [];
  const failures: string[] = [];
  const cpu0 = cpuSeconds(server.pid);
  const t0 = performance.now();
  const done = await pool(tokens, desks, until, async (token, w) => {
    const r = await deskClients[w]!.post(`${C}/sessions/${session.id}/checkins`, { cardToken: token, desk: `Bàn ${w + 1}` });
    latencies.push(r.ms);
    if (r.status !== 201) failures.push(`${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  });
  const seconds = (performance.now() - t0) / 1000;
  const serverCpuSeconds = cpuSeconds(server.pid) - cpu0;
  // The election comes next, in this session: make one of its items current (the current session follows it).
  const item = await admin.must<{ id: number }>('election item', admin.post(`${C}/sessions/${session.id}/items`, { title: 'Bầu cử (thử tải)', kind: 'election' }));
  await admin.must('current item', admin.put(`${C}/current-item`, { agendaItemId: item.id }));
  return { done, failed: failures.length, seconds, latencies, serverCpuSeconds, failures };
};

/** A deterministic ballot as typed: 0 to 6 row numbers of a 27-name list, separated by spaces ("0": none struck). */
const ballotText = (i: number): string => {
  let s = (i * 2654435761) % 2 ** 32;
  const rand = (): number => { s = (s * 1103515245 + 12345) % 2 ** 31; return s / 2 ** 31; };
  const k = Math.floor(rand() * 7);
  const rows = new Set<number>();
  while (rows.size < k) rows.add(1 + Math.floor(rand() * 27));
  return rows.size === 0 ? '0' : [...rows].sort((a, b) => a - b).join(' ');
};

/**
 * The committee election of the seed congress brought to counting through the API, `operators` technicians signed
 * in, two per batch (double entry); then every operator types `perOperator` ballots at once, each as soon as the
 * previous one is answered (closed loop: much faster than a person types).
 */
export const ballotEntry = async (
  server: ServerUnderLoad, staff: Staff, operators: number, perOperator: number, paced: { readonly ballots: number; readonly everyMs: number }, until: Deadline,
): Promise<{ closed: RunResult; paced: RunResult }> => {
  const { admin, board } = staff;
  const elections = await admin.must<Array<{ id: number; kind: string }>>('elections', admin.get(`${C}/elections`));
  const election = elections.find((e) => e.kind === 'committee');
  if (election === undefined) throw new Error('no committee election in the seed congress');
  const E = `${C}/elections/${election.id}`;
  const R = `${E}/rounds/1`;
  const att = await admin.must<{ base: number; present: number }>('attendance', admin.get(`${C}/attendance`));
  await admin.must('list approval', admin.post(`${R}/transition`, { to: 'list-approved', agree: att.present - 2, disagree: 1, other: 1 }));
  const bodies = await admin.must<Array<{ id: number; kind: string }>>('bodies', admin.get(`${C}/bodies`));
  for (const b of bodies.filter((x) => x.kind === 'counting-board')) {
    await admin.must('board approval', admin.post(`${C}/bodies/${b.id}/approval`, { agree: att.present - 2, disagree: 1, other: 1 }));
  }
  await admin.must('voting', admin.post(`${R}/transition`, { to: 'voting' }));
  const batches = Math.ceil(operators / 2);
  const collected = Math.max(batches * (perOperator + paced.ballots), Math.min(att.present, batches * (perOperator + paced.ballots) * 2));
  await board.must('open counting', board.post(`${R}/counting`, { issued: collected, collected }));
  for (let b = 1; b <= batches; b++) await board.must(`batch ${b}`, board.post(`${R}/batches`, { label: `Tập ${b}`, physicalCount: perOperator + paced.ballots }));
  const ops: LoadClient[] = [];
  for (let i = 1; i <= operators; i++) {
    const username = `lso.nhapphieu${i}`;
    const password = `mat-khau-nhap-phieu-${i}`;
    const u = await admin.must<{ id: number }>('user', admin.post('/api/users', { username, displayName: `Nhập phiếu ${i}`, password }));
    await admin.must('role', admin.post(`${C}/roles`, { userId: u.id, role: 'technician', electionId: null }));
    const op = new LoadClient(server.url, { 'x-daihoi-terminal': `may-${i}` });
    await op.login(username, password);
    await op.must('open entry', op.post(`${R}/batches/${Math.ceil(i / 2)}/entries`, {}));
    ops.push(op);
  }
  /** Each operator enters positions `from`..`to`; `everyMs` > 0 paces them (a ballot every `everyMs`, staggered). */
  const run = async (from: number, to: number, everyMs: number): Promise<RunResult> => {
    const latencies: number[] = [];
    const failures: string[] = [];
    const cpu0 = cpuSeconds(server.pid);
    const t0 = performance.now();
    let done = 0;
    await Promise.all(ops.map(async (op, i) => {
      const batch = Math.ceil((i + 1) / 2);
      if (everyMs > 0) await sleep((everyMs * i) / ops.length);
      for (let p = from; p <= to && until.left() > 0; p++) {
        const started = performance.now();
        const r = await op.post(`${R}/batches/${batch}/ballots`, { position: p, text: ballotText(batch * 100_000 + p), requestId: `op${i + 1}-b${batch}-p${p}` });
        latencies.push(r.ms);
        done += 1;
        if (r.status !== 201) failures.push(`${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        if (everyMs > 0) await sleep(Math.max(0, everyMs - (performance.now() - started)));
      }
    }));
    return { done, failed: failures.length, seconds: (performance.now() - t0) / 1000, latencies, serverCpuSeconds: cpuSeconds(server.pid) - cpu0, failures };
  };
  const closed = await run(1, perOperator, 0);
  const pacedRun = await run(perOperator + 1, perOperator + paced.ballots, paced.everyMs);
  return { closed, paced: pacedRun };
};
