/**
 * The discussion's costs on a fresh SQLite file (WAL, synchronous=FULL), through `inject()`:
 * - 1,600 delegates × 10 comments each on the seed draft (40 paragraphs): the time of each POST (p50, p99);
 * - the synthesis of 100,000 comments on a 1,000-paragraph document (GET …/synthesis: load, group, count), over
 *   HTTP from a server process of its own on the compiled server (`npm run build:node` first): the time to the
 *   reply's last byte, and that process's resident memory (bench/support/discussion-synthesis-server.mjs);
 *   DISCUSSION_BENCH_PROFILE=<dir> writes the server's CPU profile there;
 * - a 300-page .docx (made here with `docx`) read off the event loop and split into units.
 * - the phone's first screen of a 300-page draft on throttled 3G in Chromium (bench/support/discussion-phone.ts;
 *   `npm run build` first).
 * DISCUSSION_BENCH_DELEGATES makes the first smaller (a quick look); DISCUSSION_BENCH_ONLY=<docx|synthesis|comments|phone> runs one part.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { Kysely } from 'kysely';
import { DEMO_POLITICAL_REPORT } from '../src/demo/seed-discussion.ts';
import { splitDocument } from '../src/discussion/index.ts';
import { readDocxOffThread } from '../src/import/docx-off-thread.ts';
import { SESSION_COOKIE } from '../src/server/auth/principal.ts';
import { hashToken, newToken } from '../src/server/auth/tokens.ts';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import type { Database } from '../src/store/schema.ts';
import { call, setupCountingCongress } from '../test/api/counting-support.ts';
import { phoneBench } from './support/discussion-phone.ts';
import type { BenchResult } from './run.ts';

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const round1 = (x: number): number => Math.round(x * 10) / 10;
const at = (): string => new Date().toISOString();

const PROPOSALS = [
  'Đề nghị bổ sung nội dung về chuyển đổi số trong công tác đảng vào đoạn này',
  'Đề nghị làm rõ số liệu và nguồn số liệu của đoạn này cho chính xác',
  'Đề nghị viết gọn lại đoạn này, bỏ bớt các từ ngữ chung chung',
  'Đề nghị nhấn mạnh vai trò của người đứng đầu trong tổ chức thực hiện',
  'Tán thành nội dung đoạn này như dự thảo',
  'Đề nghị bổ sung giải pháp cụ thể về đào tạo cán bộ trẻ',
  'Đề nghị thay cụm từ tiếp tục bằng cụm từ đẩy mạnh cho phù hợp',
  'Đề nghị gắn nội dung này với việc thực hiện nghị quyết của Tỉnh ủy',
] as const;
const KINDS = ['addition', 'change', 'change', 'other', 'agree', 'addition', 'change', 'other'] as const;

/** A proposal with a small variation (case, punctuation, one word), as different delegates type it. */
const variant = (k: number, r: number): string => {
  const base = PROPOSALS[k % PROPOSALS.length]!;
  switch (r % 4) {
    case 0: return base;
    case 1: return `${base}.`;
    case 2: return base.toLocaleLowerCase('vi');
    default: return `${base} của dự thảo`;
  }
};

const addDelegates = async (db: Kysely<Database>, congressId: number, n: number): Promise<string[]> => {
  const cookies: string[] = [];
  for (let start = 0; start < n; start += 400) {
    const rows = await db.insertInto('delegates').values(Array.from({ length: Math.min(400, n - start) }, (_, i) => ({
      congress_id: congressId, code: String(start + i + 1).padStart(4, '0'), full_name: `Đại biểu ${start + i + 1}`, gender: 'male' as const,
      birth_date: null, ethnicity: 'Kinh', education: null, political_theory: null, party_join_date: null, position: null, organisation_id: null,
      category: 'elected' as const, standing: 'official' as const, status: 'summoned' as const, status_reason: null, replaced_by_id: null,
      is_convening_member: 0 as const, seat: null, card_token: randomBytes(24).toString('base64url'), card_revoked_at: null, created_at: at(),
    }))).returning('id').execute();
    const sessions = rows.map((r) => ({ id: newToken(), delegate: r.id }));
    await db.insertInto('auth_sessions').values(sessions.map((s) => ({ id: hashToken(s.id), user_id: null, delegate_id: s.delegate, congress_id: congressId,
      created_at: at(), expires_at: new Date(Date.now() + 24 * 3600 * 1000).toISOString() }))).execute();
    cookies.push(...sessions.map((s) => `${SESSION_COOKIE}=${s.id}`));
  }
  return cookies;
};

const fresh = async (): Promise<{ db: Kysely<Database>; file: string; close: () => Promise<void> }> => {
  const dir = mkdtempSync(join(tmpdir(), 'daihoi-bench-discussion-'));
  const file = join(dir, 'b.sqlite');
  const opened = openDatabase({ sqliteFile: file });
  const m = await migrateToLatest(opened.db, 'sqlite');
  if (!m.ok) throw new Error(m.error.message_en);
  return { db: opened.db, file, close: async () => { await opened.close(); rmSync(dir, { recursive: true, force: true }); } };
};

const commentsBench = async (): Promise<BenchResult[]> => {
  const n = Number(process.env['DISCUSSION_BENCH_DELEGATES'] ?? '1600');
  const { db, close } = await fresh();
  const k = await setupCountingCongress(db, 'sqlite', 'bench-thao-luan');
  try {
    const C = `/api/congresses/${k.code}/discussion`;
    const doc = await call<{ id: number }>(k.app, 'POST', `${C}/documents`, k.users.admin!, { kind: 'political-report', title: 'Dự thảo', access: 'delegates', text: DEMO_POLITICAL_REPORT });
    if (doc.status !== 201) throw new Error(doc.text);
    const units = (await call<{ units: { id: number; kind: string }[] }>(k.app, 'GET', `${C}/documents/${doc.body.id}/units?limit=100`, k.users.admin!)).body.units.filter((u) => u.kind === 'paragraph');
    const cookies = await addDelegates(db, k.congressId, n);
    const times: number[] = [];
    for (let round = 0; round < 10; round++) {
      for (const [i, cookie] of cookies.entries()) {
        const unit = units[(i * 7 + round * 3) % units.length]!;
        const kind = KINDS[(i + round) % KINDS.length]!;
        const t0 = performance.now();
        const res = await k.app.inject({ method: 'POST', url: `${C}/documents/${doc.body.id}/comments`, headers: { cookie },
          payload: { unitId: unit.id, kind, text: variant(i + round, i), proposedText: kind === 'change' ? variant(i + round, i + 1) : null } });
        times.push(performance.now() - t0);
        if (res.statusCode !== 201) throw new Error(res.body);
      }
    }
    return [
      { bench: `discussion: POST comment, ${n} delegates × 10 (SQLite) p50`, value: round1(percentile(times, 0.5)), unit: 'ms' },
      { bench: `discussion: POST comment, ${n} delegates × 10 (SQLite) p99`, value: round1(percentile(times, 0.99)), unit: 'ms' },
    ];
  } finally {
    await k.app.close();
    await close();
  }
};

const synthesisBench = async (): Promise<BenchResult[]> => {
  const { db, file, close } = await fresh();
  const k = await setupCountingCongress(db, 'sqlite', 'bench-tong-hop');
  try {
    const C = `/api/congresses/${k.code}/discussion`;
    const lines: string[] = [];
    for (let s = 1; s <= 50; s++) {
      lines.push(`${s}. Mục thứ ${s}`);
      for (let p = 0; p < 20; p++) lines.push(`Đoạn ${p + 1} của mục ${s}: nội dung dự thảo về nhiệm vụ và giải pháp trong nhiệm kỳ tới, số ${s * 100 + p}.`);
    }
    const doc = await call<{ id: number; currentVersionId: number }>(k.app, 'POST', `${C}/documents`, k.users.admin!, { kind: 'political-report', title: 'Dự thảo lớn', access: 'delegates', text: lines.join('\n') });
    if (doc.status !== 201) throw new Error(doc.text);
    const units = await db.selectFrom('discussion_units').select('id').where('version_id', '=', doc.body.currentVersionId).where('kind', '=', 'paragraph').orderBy('position').execute();
    await addDelegates(db, k.congressId, 1600);
    const ids = (await db.selectFrom('delegates').select('id').where('congress_id', '=', k.congressId).execute()).map((d) => d.id);
    const now = at();
    let made = 0;
    for (let u = 0; u < units.length; u++) {
      const rows = Array.from({ length: 100 }, (_, j) => {
        const kind = KINDS[(u + j) % 3]!;
        return { congress_id: k.congressId, document_id: doc.body.id, unit_id: units[u]!.id, delegate_id: ids[(u * 100 + j) % ids.length]!, kind,
          quote: null, proposed_text: kind === 'change' ? variant(u + j, j) : null, text: variant(u + (j % 6), j), source: 'delegate' as const,
          entered_by: null, created_at: now, updated_at: now, voided_at: null, void_reason: null };
      });
      for (let i = 0; i < rows.length; i += 50) await db.insertInto('discussion_comments').values(rows.slice(i, i + 50)).execute();
      made += rows.length;
    }
    // The server runs in a process of its own, on the compiled server: its resident memory is the server's total.
    const server = fork(fileURLToPath(new URL('./support/discussion-synthesis-server.mjs', import.meta.url)), [file], {
      execArgv: ['--expose-gc', ...(process.env['DISCUSSION_BENCH_PROFILE'] === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${process.env['DISCUSSION_BENCH_PROFILE']}`])],
    });
    const message = <T>(): Promise<T> => new Promise((resolve, reject) => {
      server.once('message', (m) => resolve(m as T));
      server.once('exit', (code) => reject(new Error(`the server process ended (${code})`)));
    });
    const { port } = await message<{ port: number }>();
    const runs: { ms: number; bytes: number; comments: number }[] = [];
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}${C}/documents/${doc.body.id}/synthesis`, { headers: { cookie: k.users.secretariat!.cookie } });
      const data = await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${res.status}: ${Buffer.from(data).toString('utf8', 0, 500)}`);
      runs.push({ ms, bytes: data.byteLength, comments: (JSON.parse(Buffer.from(data).toString('utf8')) as { totals: { comments: number } }).totals.comments });
    }
    server.send({ report: true });
    const r = { ...await message<{ rssBeforeKb: number; peakKb: number; peakReset: boolean }>(), runs };
    const mb = (kb: number): number => Math.round(kb / 1024);
    return [
      { bench: `discussion: synthesis of ${made} comments on ${units.length} paragraphs, first request over HTTP (server in its own process)`, value: Math.round(r.runs[0]!.ms), unit: 'ms' },
      { bench: 'discussion: synthesis, second request', value: Math.round(r.runs[1]!.ms), unit: 'ms' },
      { bench: `discussion: synthesis reply size`, value: Math.round(r.runs[0]!.bytes / 1024 / 1024 * 10) / 10, unit: 'MB' },
      { bench: 'discussion: server process resident memory before the request (VmRSS)', value: mb(r.rssBeforeKb), unit: 'MB' },
      { bench: `discussion: server process peak resident memory during the two requests (VmHWM${r.peakReset ? '' : ', since start'})`, value: mb(r.peakKb), unit: 'MB' },
    ];
  } finally {
    await k.app.close();
    await close();
  }
};

const docxBench = async (): Promise<BenchResult[]> => {
  const children: Paragraph[] = [];
  // About 20 paragraphs a page: 300 pages.
  for (let s = 1; s <= 60; s++) {
    children.push(new Paragraph({ text: `${s}. Về nhiệm vụ thứ ${s}`, heading: HeadingLevel.HEADING_2 }));
    for (let p = 1; p <= 100; p++) {
      children.push(new Paragraph({ text: `Nội dung đoạn ${p} của phần ${s}: tiếp tục đổi mới phương thức lãnh đạo của Đảng, nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng, chất lượng đội ngũ cán bộ, đảng viên.` }));
    }
  }
  const data = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  const t0 = performance.now();
  const blocks = await readDocxOffThread({ data, maxBlocks: 50_000 });
  if (!blocks.ok) throw new Error(blocks.error.message_en);
  const units = splitDocument(blocks.value);
  const ms = performance.now() - t0;
  return [{ bench: `discussion: .docx of ${Math.round(data.length / 1024)} kB, ${units.length} units (≈300 pages) read off-thread and split`, value: Math.round(ms), unit: 'ms' }];
};

export default async (): Promise<readonly BenchResult[]> => {
  const only = process.env['DISCUSSION_BENCH_ONLY'];
  const out: BenchResult[] = [];
  if (only === undefined || only === 'docx') out.push(...await docxBench());
  if (only === undefined || only === 'synthesis') out.push(...await synthesisBench());
  if (only === undefined || only === 'comments') out.push(...await commentsBench());
  if (only === undefined || only === 'phone') out.push(...await phoneBench());
  return out;
};
