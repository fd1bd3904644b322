/**
 * The printed documents of the seed congress, downloaded from a real server: the seed congress loaded
 * (src/demo loadDemo), 250 voters checked in, the bodies approved by show of hands, the committee and the delegation
 * elected through the count route; then every printout is read back (pdftotext, word/document.xml) and its names,
 * numbers and percentages compared with the stored result and the database. Refusals: a round not counted (409),
 * a delegate, the hall screen or a technician (403). The minutes state N_base and its exclusions as the round
 * snapshotted them when voting opened, whatever the delegate statuses say later.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { printoutPaths } from '../../src/api/printouts.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { docxText, pdfText, rowPattern } from '../../src/documents/testing/extract.ts';
import { formatInteger, formatPercent } from '../../src/locale/vi.ts';
import { computeBase, percentOf, type Ballot, type CountOutcome } from '../../src/rules/index.ts';
import { loadAttendance } from '../../src/store/attendance.ts';
import { baseExclusionsFromJson, baseExclusionsToJson } from '../../src/store/base-exclusions-json.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { Client, type ErrorReply } from './support/client.ts';
import { signIn } from './counting-support.ts';
import { countByBoard, type Counters } from './support/count-in-batches.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'mat-khau-in-an-123';
const USERS = ['lso.quantri', 'lso.thuky', 'lso.chutich', 'lso.kiemphieu', 'lso.kythuat', 'lso.manhinh'] as const;
type UserName = (typeof USERS)[number];

/** A deterministic pile: every voter strikes 3 to 6 names; ballot 0 strikes every name (invalid). */
const pile = (ids: readonly string[], n: number, seed: number): Ballot[] => {
  let s = seed;
  const rand = (): number => { s = (s * 1103515245 + 12345) % 2 ** 31; return s / 2 ** 31; };
  return Array.from({ length: n }, (_, i): Ballot => {
    if (i === 0) return { struck: [...ids] };
    const k = 3 + Math.floor(rand() * 4);
    const weights = ids.map((_, j) => rand() * (1 + j / 4));
    return { struck: ids.map((id, j) => [id, weights[j]!] as const).sort((a, b) => b[1] - a[1]).slice(0, k).map(([id]) => id) };
  });
};

interface RoundView { number: number; status: string; base: number; present: number; result: CountOutcome | null; candidates: { id: number; fullName: string }[] }
interface ElectionView { id: number; kind: string; title: string; agendaItemId: number | null; rounds: RoundView[] }

// Each election is counted through the board's batches (248–250 ballots entered twice): minutes on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

describeEachDatabase('api: printed documents of the seed congress', (db) => {
  let server: RunningServer;
  const as = {} as Record<UserName | 'delegate', Client>;
  let code = '';
  let congressId = 0;
  let C = '';
  let paths: ReturnType<typeof printoutPaths>;
  const elections = new Map<string, ElectionView>();
  let board: Counters;

  const file = async (client: Client, path: string, type: string): Promise<Buffer> => {
    const r = await client.get<Buffer | ErrorReply>(path);
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
    expect(r.headers.get('content-type')).toContain(type);
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="/u);
    return r.body as Buffer;
  };
  const pdf = (client: Client, path: string): Promise<string> => file(client, path, 'application/pdf').then(pdfText);
  const docx = (client: Client, path: string): Promise<string> => file(client, path, 'wordprocessingml').then(docxText);

  beforeAll(async () => {
    const loaded = await loadDemo(db.db, { passwords: Object.fromEntries(USERS.map((u) => [u, PASSWORD])) });
    if (!loaded.ok) throw new Error(loaded.error.message_en);
    code = loaded.value.code;
    congressId = loaded.value.congressId;
    C = `/api/congresses/${code}`;
    paths = printoutPaths(code);
    server = await startServer(db.database.env);
    for (const u of USERS) {
      as[u] = new Client(server.url);
      expect((await as[u].login(u, PASSWORD)).status).toBe(200);
    }
    const cardOwner = await db.db.selectFrom('delegates').select('card_token').where('code', '=', '001').executeTakeFirstOrThrow();
    board = { board: as['lso.kiemphieu'], operator: as['lso.kythuat'] };
    as.delegate = new Client(server.url);
    expect((await as.delegate.post('/api/auth/card', { congress: code, token: cardOwner.card_token })).status).toBe(200);

    // 250 voters (officials summoned, alternates replacing) check in to the second day's session.
    const admin = as['lso.quantri'];
    const sessions = await db.db.selectFrom('congress_sessions').select(['id']).where('congress_id', '=', loaded.value.congressId).orderBy('position').execute();
    const session = sessions[sessions.length - 1]!.id;
    const delegates = await db.db.selectFrom('delegates').select(['id', 'standing', 'status', 'replaced_by_id']).where('congress_id', '=', loaded.value.congressId).execute();
    const replacing = new Set(delegates.map((d) => d.replaced_by_id).filter((x) => x !== null));
    const voters = delegates.filter((d) => (d.standing === 'official' && d.status === 'summoned') || replacing.has(d.id));
    expect(voters).toHaveLength(250);
    for (const d of voters) expect((await admin.post(`${C}/sessions/${session}/checkins`, { delegateId: d.id, desk: 'Bàn 1' })).status).toBe(201);

    const bodies = await db.db.selectFrom('bodies').select('id').where('congress_id', '=', loaded.value.congressId).orderBy('id').execute();
    for (const [i, b] of bodies.entries()) {
      expect((await admin.post(`${C}/bodies/${b.id}/approval`, { agree: 248 - i, disagree: i, other: 2 })).status).toBe(200);
    }
    for (const e of (await admin.get<ElectionView[]>(`${C}/elections`)).body) elections.set(e.kind, e);
  }, 120_000);
  afterAll(async () => { await server?.stop(); });

  const E = (kind: string): string => `${C}/elections/${elections.get(kind)!.id}`;
  const refresh = async (kind: string): Promise<RoundView> => {
    const e = (await as['lso.quantri'].get<ElectionView>(E(kind))).body;
    elections.set(kind, e);
    return e.rounds[0]!;
  };

  const openVoting = async (kind: string): Promise<void> => {
    const admin = as['lso.quantri'];
    expect((await admin.post(`${E(kind)}/rounds/1/transition`, { to: 'list-approved', agree: 240, disagree: 5, other: 5 })).status).toBe(200);
    // Voting opens under the election's agenda item; an election made in the test has none: opened with a reason.
    const item = elections.get(kind)!.agendaItemId;
    if (item !== null) expect((await admin.put(`${C}/current-item`, { agendaItemId: item })).status).toBe(200);
    const opened = await admin.post(`${E(kind)}/rounds/1/transition`, item === null ? { to: 'voting', override: 'Cuộc bầu cử lập trong phiên thử' } : { to: 'voting' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect((await admin.put(`${E(kind)}/rounds/1/ballots`, { issued: 250, collected: 248 })).status).toBe(200);
  };
  const count = async (kind: string, seed: number): Promise<RoundView> => {
    const admin = as['lso.quantri'];
    expect((await admin.post(`${E(kind)}/rounds/1/transition`, { to: 'counting' })).status).toBe(200);
    const ids = (await refresh(kind)).candidates.map((c) => String(c.id));
    const r = await countByBoard(board, `${E(kind)}/rounds/1`, pile(ids, 248, seed));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return refresh(kind);
  };

  it('prints the committee ballots: the header, the title, every name in ballot order', async () => {
    const e = elections.get('committee')!;
    const text = await pdf(as['lso.thuky'], paths.ballots(e.id, 1));
    expect(text).toContain('PHIẾU BẦU CỬ');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH LẠNG SƠN');
    const names = e.rounds[0]!.candidates.map((c) => c.fullName);
    expect(names).toHaveLength(27);
    // Numbered in ballot order (long lists run in two columns).
    for (const [k, name] of names.entries()) expect(text, name).toMatch(new RegExp(`(^|\\s)${k + 1}\\. ${name}(\\s|$)`, 'mu'));
    // The counting board of this election prints its ballots too.
    expect((await as['lso.kiemphieu'].get(paths.ballots(e.id, 1))).status).toBe(200);
  });

  it('refuses the minutes and the input log while the round is not counted (409, in Vietnamese)', async () => {
    await openVoting('committee');
    const e = elections.get('committee')!;
    for (const path of [paths.minutes(e.id, 1), paths.minutes(e.id, 1, 'docx'), paths.inputLog(e.id, 1)]) {
      const r = await as['lso.thuky'].get<ErrorReply>(path);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('printout.not-counted');
      expect(r.body.error.message_vi).toContain('chưa kiểm phiếu xong (đang bỏ phiếu)');
    }
    expect((await as['lso.thuky'].get(paths.minutes(e.id, 1).replace('format=pdf', 'format=xls'))).status).toBe(400);
    expect((await as['lso.thuky'].get(paths.minutes(e.id, 9))).status).toBe(404);
    expect((await as['lso.thuky'].get(paths.ballots(999_999, 1))).status).toBe(404);
  });

  it('refuses a delegate, the hall screen and a technician (403); anonymous (401)', async () => {
    const e = elections.get('committee')!;
    for (const who of ['delegate', 'lso.manhinh', 'lso.kythuat'] as const) {
      for (const path of [paths.ballots(e.id, 1), paths.minutes(e.id, 1), paths.credentialsReport(), paths.attendanceReport(), paths.delegateCards([1])]) {
        expect((await as[who].get(path)).status, `${who} ${path}`).toBe(403);
      }
    }
    expect((await new Client(server.url).get(paths.showOfHands())).status).toBe(401);
    // The counting board prints its election's documents, not the congress's reports.
    expect((await as['lso.kiemphieu'].get(paths.credentialsReport())).status).toBe(403);
    // Cards carry sign-in tokens: the presidium does not print them.
    expect((await as['lso.chutich'].get(paths.delegateCards())).status).toBe(403);
  });

  it('prints the committee minutes (PDF and Word) with the stored votes and "89,84%"-style percentages of N_base', async () => {
    const round = await count('committee', 4242);
    expect(round.status).toBe('counted');
    const result = round.result!;
    expect(result.type).toBe('election');
    if (result.type !== 'election') return;
    const c = result.count;
    const e = elections.get('committee')!;
    const texts = [await pdf(as['lso.thuky'], paths.minutes(e.id, 1)), await docx(as['lso.kiemphieu'], paths.minutes(e.id, 1, 'docx'))];
    const board = await db.db.selectFrom('bodies').innerJoin('body_members', 'body_members.body_id', 'bodies.id')
      .innerJoin('delegates', 'delegates.id', 'body_members.delegate_id').select('delegates.full_name')
      .where('bodies.kind', '=', 'counting-board').execute();
    for (const text of texts) {
      expect(text).toContain('BIÊN BẢN');
      // Dated by the session it was voted in (the second day), not by the machine's clock nor the first day.
      expect(text).toMatch(/Lạng Sơn,\s+ngày\s+16\s+tháng\s+7\s+năm\s+2020/u);
      expect(text).toMatch(rowPattern(['(N):', formatInteger(c.base)]));
      expect(text).toMatch(rowPattern(['Số phiếu phát ra:', '250']));
      expect(text).toMatch(rowPattern(['Số phiếu thu vào:', formatInteger(c.ballots.total)]));
      expect(text).toMatch(rowPattern(['Số phiếu hợp lệ:', formatInteger(c.ballots.valid)]));
      expect(text).toMatch(rowPattern(['Số phiếu không hợp lệ:', formatInteger(c.ballots.invalid)]));
      expect(c.results).toHaveLength(27);
      for (const [k, r] of c.results.entries()) {
        expect(text, r.name).toMatch(rowPattern([String(k + 1), r.name, formatInteger(r.votes), formatPercent(r.percent)]));
        expect(formatPercent(r.percent)).toMatch(/^\d{1,3},\d\d%$/u);
      }
      for (const id of c.elected) expect(text).toContain(c.results.find((r) => r.id === id)!.name);
      for (const m of board) expect(text).toContain(m.full_name);
    }
  });

  it('keeps a voided nomination in the minutes of its round, struck through, with the reason', async () => {
    const e = elections.get('committee')!;
    const round = await db.db.selectFrom('election_rounds').select('id').where('election_id', '=', e.id).where('number', '=', 1).executeTakeFirstOrThrow();
    // As the chair's void leaves it (routes/candidates.ts): the row stays, status "voided", with when, why and who.
    await db.db.insertInto('candidates').values({
      round_id: round.id, congress_id: congressId, delegate_id: null, full_name: 'Lò Văn Nhầm', birth_date: null, source: 'nominated',
      position: 999, status: 'voided', withdrawal_vote_id: null, poll_agree: null,
      voided_at: '2020-07-16T02:00:00.000Z', void_reason: 'Giới thiệu nhầm người cùng tên', voided_by: 'lso.chutich',
    }).execute();
    for (const text of [await pdf(as['lso.thuky'], paths.minutes(e.id, 1)), await docx(as['lso.thuky'], paths.minutes(e.id, 1, 'docx'))]) {
      expect(text.replace(/\s+/gu, ' ')).toContain('Lò Văn Nhầm (đã hủy: Giới thiệu nhầm người cùng tên; người hủy: lso.chutich).');
    }
  });

  it('prints the secretary-poll ballot (write-in) and minutes: write-ins per newly elected member, blanks, % of N_base', async () => {
    const admin = as['lso.quantri'];
    const committee = elections.get('committee')!.rounds[0]!;
    if (committee.result?.type !== 'election') throw new Error('committee not counted');
    const elected = new Set(committee.result.count.elected);
    const members = await db.db.selectFrom('candidates').select(['id', 'delegate_id']).where('id', 'in', [...elected].map(Number)).execute();
    for (const m of members) {
      expect((await admin.post(`${E('secretary-poll')}/rounds/1/candidates`, { delegateId: m.delegate_id, source: 'committee-list' })).status).toBe(201);
    }
    const poll = await refresh('secretary-poll');
    expect(poll.candidates).toHaveLength(24);
    const ballotText = await pdf(as['lso.thuky'], paths.ballots(elections.get('secretary-poll')!.id, 1));
    expect(ballotText).toContain('PHIẾU GIỚI THIỆU BÍ THƯ');
    await openVoting('secretary-poll');
    expect((await admin.post(`${E('secretary-poll')}/rounds/1/transition`, { to: 'counting' })).status).toBe(200);
    const ids = poll.candidates.map((c) => String(c.id));
    const ballots: Ballot[] = Array.from({ length: 248 }, (_, i) => ({ writeIn: i % 40 === 0 ? null : ids[(i * i) % 5]! }));
    expect((await countByBoard(board, `${E('secretary-poll')}/rounds/1`, ballots)).status).toBe(200);
    const result = (await refresh('secretary-poll')).result!;
    if (result.type !== 'secretary-poll') throw new Error('not a secretary poll');
    const e = elections.get('secretary-poll')!;
    for (const text of [await pdf(as['lso.chutich'], paths.minutes(e.id, 1)), await docx(as['lso.kiemphieu'], paths.minutes(e.id, 1, 'docx'))]) {
      expect(text.replace(/\s+/gu, ' ')).toContain('tiến hành lấy phiếu giới thiệu Bí thư');
      expect(text).toMatch(rowPattern(['Số phiếu không ghi tên:', formatInteger(result.count.blank)]));
      expect(result.count.blank).toBe(7);
      for (const [k, r] of result.count.results.entries()) {
        expect(text, r.name).toMatch(rowPattern([String(k + 1), r.name, formatInteger(r.votes), formatPercent(r.percent)]));
      }
    }
  });

  it('prints the opinion-poll minutes: agree votes per nominee, % of those present, who passed 30%', async () => {
    const admin = as['lso.quantri'];
    const created = await admin.post<{ id: number }>(`${C}/elections`, { kind: 'opinion-poll', title: 'Lấy phiếu xin ý kiến về người được đề cử, ứng cử', seats: 0 });
    expect(created.status).toBe(201);
    const board = await db.db.selectFrom('bodies').select('id').where('kind', '=', 'counting-board').executeTakeFirstOrThrow();
    expect((await admin.put(`${C}/elections/${created.body.id}/counting-board`, { bodyId: board.id })).status).toBe(200);
    for (const e of (await admin.get<ElectionView[]>(`${C}/elections`)).body) elections.set(e.kind, e);
    const taken = new Set((await db.db.selectFrom('candidates').select('delegate_id').execute()).map((c) => c.delegate_id));
    const boardMembers = new Set((await db.db.selectFrom('body_members').select('delegate_id').where('body_id', '=', board.id).execute()).map((m) => m.delegate_id));
    const nominees = (await db.db.selectFrom('delegates').select('id').where('standing', '=', 'official').where('status', '=', 'summoned').orderBy('code', 'desc').execute())
      .filter((d) => !taken.has(d.id) && !boardMembers.has(d.id)).slice(0, 3);
    for (const d of nominees) expect((await admin.post(`${E('opinion-poll')}/rounds/1/candidates`, { delegateId: d.id, source: 'nominated' })).status).toBe(201);
    await openVoting('opinion-poll');
    expect((await admin.post(`${E('opinion-poll')}/rounds/1/transition`, { to: 'counting' })).status).toBe(200);
    const ids = (await refresh('opinion-poll')).candidates.map((c) => String(c.id));
    // Name 1 gets about half the hall, name 2 about a quarter, name 3 few.
    const ballots: Ballot[] = Array.from({ length: 248 }, (_, i) => ({
      marks: Object.fromEntries(ids.map((id, j) => [id, i % [2, 4, 9][j]! === 0 ? 'agree' : 'disagree'])),
    }));
    // The demo's counting-board user is scoped to the seed elections, not this new one: a board member of its own.
    const own = new Client(server.url);
    own.cookie = (await signIn(db.db, congressId, 'lso.kiemphieu-2', [['counting-board', created.body.id]])).cookie;
    const counted = await countByBoard({ board: own, operator: as['lso.kythuat'] }, `${E('opinion-poll')}/rounds/1`, ballots);
    expect(counted.status, JSON.stringify(counted.body)).toBe(200);
    const result = (await refresh('opinion-poll')).result!;
    if (result.type !== 'opinion-poll') throw new Error('not an opinion poll');
    expect(result.count.base).toBe(250);
    expect(result.count.admitted).toHaveLength(1);
    const e = elections.get('opinion-poll')!;
    expect((await as['lso.kiemphieu'].get(paths.minutes(e.id, 1))).status).toBe(403);
    for (const text of [await pdf(as['lso.thuky'], paths.minutes(e.id, 1)), await docx(as['lso.quantri'], paths.minutes(e.id, 1, 'docx'))]) {
      expect(text.replace(/\s+/gu, ' ')).toContain('tiến hành lấy phiếu xin ý kiến');
      for (const [k, r] of result.count.results.entries()) {
        expect(text, r.name).toMatch(rowPattern([String(k + 1), r.name, formatInteger(r.votes), formatPercent(r.percent),
          result.count.admitted.includes(r.id) ? 'Trên 30%' : 'Không đủ 30%']));
      }
    }
  });

  /** Counted in batches by two operators at two terminals; one slip at ballot 5, ruled by the board against the paper. */
  const countInBatches = async (kind: string, seed: number): Promise<RoundView> => {
    const head = as['lso.kiemphieu'];
    const operator = as['lso.kythuat'];
    const R = `${E(kind)}/rounds/1`;
    const ballots = pile((await refresh(kind)).candidates.map((c) => String(c.id)), 248, seed);
    expect((await head.post(`${R}/counting`, { issued: 250, collected: 248 })).status).toBe(200);
    const batches: string[] = [];
    for (const [n, start] of [0, 124].entries()) {
      const b = await head.post<{ id: string }>(`${R}/batches`, { label: `Hòm phiếu số ${n + 1}`, physicalCount: 124 });
      expect(b.status).toBe(201);
      batches.push(b.body.id);
      const B = `${R}/batches/${b.body.id}`;
      expect((await head.post(`${B}/entries`, { terminal: 'may-1' })).status).toBe(201);
      expect((await operator.post(`${B}/entries`, { terminal: 'may-2' })).status).toBe(201);
      for (let i = 0; i < 124; i++) {
        const ballot = ballots[start + i]!;
        expect((await head.post(`${B}/ballots`, { position: i + 1, ballot, terminal: 'may-1' })).status).toBe(201);
        const typed = n === 0 && i === 4 ? { struck: [] } : ballot;
        expect((await operator.post(`${B}/ballots`, { position: i + 1, ballot: typed, terminal: 'may-2' })).status).toBe(201);
      }
      expect((await head.post(`${B}/close`, { ballots: 124, terminal: 'may-1' })).status).toBe(200);
      expect((await operator.post(`${B}/close`, { ballots: 124, terminal: 'may-2' })).status).toBe(200);
    }
    const ruled = await head.post(`${R}/batches/${batches[0]}/rulings`, { position: 5, ballot: ballots[4], reason: 'entry-slip', note: 'Đối chiếu phiếu giấy', terminal: 'bkp' });
    expect(ruled.status, JSON.stringify(ruled.body)).toBe(201);
    const finished = await head.post(`${R}/counting/finish`);
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);
    return refresh(kind);
  };

  it('prints the delegation minutes (counted in batches): officials then alternates from the stored result', async () => {
    await openVoting('delegates');
    const round = await countInBatches('delegates', 777);
    expect(round.status).toBe('counted');
    const result = round.result!;
    if (result.type !== 'election') throw new Error('not an election result');
    expect(result.count.elected).toHaveLength(20);
    const e = elections.get('delegates')!;
    for (const text of [await pdf(as['lso.chutich'], paths.minutes(e.id, 1)), await docx(as['lso.quantri'], paths.minutes(e.id, 1, 'docx'))]) {
      expect(text.replace(/\s+/gu, ' ')).toContain('Bầu đoàn đại biểu dự Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII, nhiệm kỳ 2020 – 2025');
      expect(text).toMatch(rowPattern(['Số phiếu hợp lệ:', formatInteger(result.count.ballots.valid)]));
      for (const [k, r] of result.count.results.entries()) {
        expect(text, r.name).toMatch(rowPattern([String(k + 1), r.name, formatInteger(r.votes), formatPercent(r.percent)]));
      }
      for (const id of [...result.count.elected, ...(result.count.alternates ?? [])]) {
        expect(text).toContain(result.count.results.find((r) => r.id === id)!.name);
      }
    }
  });

  it('prints the input log: every stored event of both terminals, the ruling with its note', async () => {
    const e = elections.get('delegates')!;
    const events = await db.db.selectFrom('counting_events').innerJoin('election_rounds', 'election_rounds.id', 'counting_events.round_id')
      .select(['counting_events.type']).where('election_rounds.election_id', '=', e.id).execute();
    const entered = events.filter((x) => x.type === 'ballot-entered').length;
    expect(entered).toBe(496);
    const [text, word] = [await pdf(as['lso.kiemphieu'], paths.inputLog(e.id, 1)), await docx(as['lso.thuky'], paths.inputLog(e.id, 1, 'docx'))];
    for (const t of [text, word]) {
      expect(t).toContain('NHẬT KÝ NHẬP PHIẾU');
      expect(t).toContain(`Số sự kiện: ${formatInteger(events.length)}, trong đó ${formatInteger(entered)} lượt nhập phiếu`);
      for (const w of ['may-1', 'may-2', 'bkp', 'Lần nhập 1:', 'Lần nhập 2:', 'Gạch:', 'như lần 1']) expect(t).toContain(w);
    }
    // Narrow columns wrap in the PDF; the Word file holds each cell whole.
    for (const w of ['Hòm phiếu số 1: 124 phiếu, nhập 2 lần', 'Hòm phiếu số 2: 124 phiếu, nhập 2 lần', 'Ban Kiểm phiếu quyết định', 'Đối chiếu phiếu giấy']) {
      expect(word).toContain(w);
    }
    // The committee was counted in one batch of 248 ballots, entered twice.
    expect(await docx(as['lso.thuky'], paths.inputLog(elections.get('committee')!.id, 1, 'docx'))).toContain('Hòm phiếu 1: 248 phiếu, nhập 2 lần');
  });

  it('prints the attendance report of the session: 250 present of N_base 250, every absent official by name', async () => {
    const attendance = (await as['lso.thuky'].get<{ base: number; present: number; summoned: number }>(`${C}/attendance`)).body;
    expect(attendance).toMatchObject({ base: 250, present: 250 });
    const absent = await db.db.selectFrom('delegates').select(['full_name']).where('standing', '=', 'official')
      .where('status', '=', 'absent-whole').execute();
    expect(absent.length).toBe(attendance.summoned - attendance.present);
    for (const text of [await pdf(as['lso.thuky'], paths.attendanceReport()), await docx(as['lso.chutich'], paths.attendanceReport('docx'))]) {
      expect(text).toContain('BÁO CÁO TÌNH HÌNH ĐẠI BIỂU CÓ MẶT');
      expect(text).toContain('Phiên chính thức - ngày thứ hai, ngày 16/7/2020');
      expect(text).toMatch(rowPattern(['được triệu tập:', formatInteger(attendance.summoned)]));
      expect(text).toContain(`${formatInteger(attendance.present)} (${formatPercent(100)} so với N)`);
      for (const a of absent) expect(text).toContain(a.full_name);
    }
  });

  it('prints the credentials report with the committee and the composition', async () => {
    const committee = await db.db.selectFrom('bodies').innerJoin('body_members', 'body_members.body_id', 'bodies.id')
      .innerJoin('delegates', 'delegates.id', 'body_members.delegate_id').select(['delegates.full_name', 'body_members.role'])
      .where('bodies.kind', '=', 'credentials').orderBy('body_members.position').execute();
    // Independent of the report's own code: the delegate rows and the check-ins of the current (last) session.
    const session = (await db.db.selectFrom('congress_sessions').select('id').orderBy('position', 'desc').executeTakeFirstOrThrow()).id;
    const rows = await db.db.selectFrom('delegates').select(['id', 'standing', 'status', 'gender', 'full_name']).where('standing', '!=', 'probationary')
      .where('status', '!=', 'not-summoned').execute();
    const checked = new Set((await db.db.selectFrom('checkins').select('delegate_id').where('session_id', '=', session).execute()).map((c) => c.delegate_id));
    const officials = rows.filter((d) => d.standing === 'official');
    const present = officials.filter((d) => checked.has(d.id));
    const women = present.filter((d) => d.gender === 'female').length;
    for (const text of [await pdf(as['lso.quantri'], paths.credentialsReport()), await docx(as['lso.thuky'], paths.credentialsReport('docx'))]) {
      expect(text).toContain('THẨM TRA TƯ CÁCH');
      expect(text).toContain(committee.find((m) => m.role === 'head')!.full_name);
      expect(text).toContain(`Tổng số đại biểu được triệu tập: ${formatInteger(rows.length)}, trong đó đại biểu chính thức: ${formatInteger(officials.length)}`);
      expect(text).toContain(`Số đại biểu chính thức có mặt: ${formatInteger(present.length)}; vắng mặt: ${formatInteger(officials.length - present.length)}`);
      expect(text).toMatch(rowPattern(['Đại biểu nữ', formatInteger(women), formatPercent(percentOf(women, present.length))]));
      for (const d of officials.filter((x) => !checked.has(x.id))) expect(text).toContain(d.full_name);
    }
  });

  it('prints the show-of-hands record: every stored vote with its counts and result', async () => {
    const votes = (await as['lso.thuky'].get<{ id: number; subject: string; agree: number; disagree: number; other: number; passed: boolean }[]>(`${C}/votes`)).body;
    expect(votes.length).toBeGreaterThanOrEqual(6);
    const [text, word] = [await pdf(as['lso.thuky'], paths.showOfHands()), await docx(as['lso.chutich'], paths.showOfHands('docx'))];
    for (const t of [text, word]) {
      expect(t).toContain('BIÊN BẢN BIỂU QUYẾT');
      expect(t).toMatch(rowPattern(['(N):', '250;', 'có mặt:', '250.']));
      // Each row: number, counts, % of N_base and the result (the subject wraps in the PDF's narrow column).
      for (const [k, v] of votes.entries()) {
        expect(t).toMatch(new RegExp(`${k + 1}[ \\t|]+[^\\n]*${rowPattern([formatInteger(v.agree), formatInteger(v.disagree), formatInteger(v.other),
          formatPercent(Math.round((v.agree / 250) * 10000) / 100), v.passed ? 'Thông qua' : 'Không thông qua']).source}`, 'u'));
      }
    }
    for (const v of votes) expect(word).toContain(v.subject);
    const one = await docx(as['lso.thuky'], paths.showOfHands('docx', { ids: [votes[0]!.id] }));
    expect(one).toContain(votes[0]!.subject);
    expect(one).not.toContain(votes[votes.length - 1]!.subject);
    expect((await as['lso.thuky'].get(paths.showOfHands('pdf', { ids: [999_999] }))).status).toBe(404);
  });

  it('prints delegate cards: the ones asked for, and every valid card', async () => {
    const rows = await db.db.selectFrom('delegates').select(['id', 'full_name']).orderBy('code').limit(3).execute();
    const text = await pdf(as['lso.thuky'], paths.delegateCards(rows.map((r) => r.id)));
    for (const r of rows) expect(text).toContain(r.full_name);
    const other = await db.db.selectFrom('delegates').select('full_name').orderBy('code', 'desc').executeTakeFirstOrThrow();
    expect(text).not.toContain(other.full_name);
    const all = await file(as['lso.quantri'], paths.delegateCards(), 'application/pdf');
    expect(pdfText(all)).toContain(other.full_name);
  });
  it('prints the minutes with the exclusions from N_base as at the vote (the round\'s snapshot) after delegate statuses changed', async () => {
    const admin = as['lso.quantri'];
    const e = elections.get('committee')!;
    const congress = await db.db.selectFrom('congresses').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    const round = await db.db.selectFrom('election_rounds').select(['id', 'base', 'base_exclusions']).where('election_id', '=', e.id).where('number', '=', 1)
      .executeTakeFirstOrThrow();
    expect(round.base).toBe(250);
    const stored = baseExclusionsFromJson(round.base_exclusions ?? '');
    if (!stored.ok) throw new Error(stored.error.message_en);
    const snap = stored.value;
    if (snap.kind !== 'delegates') throw new Error('the seed congress is a congress of delegates');
    expect(computeBase(snap)).toEqual({ ok: true, value: round.base });
    const before = await loadAttendance(db.db, congress.id);
    expect(before.ok && before.value.counts).toEqual(snap);
    // The show-of-hands votes keep their exclusions too, each giving the base it stored.
    const votes = await db.db.selectFrom('votes').select(['base', 'base_exclusions']).where('congress_id', '=', congress.id).execute();
    expect(votes.length).toBeGreaterThan(0);
    for (const v of votes) {
      const x = baseExclusionsFromJson(v.base_exclusions ?? '');
      expect(x.ok && computeBase(x.value)).toEqual({ ok: true, value: v.base });
    }

    // An official absent for the whole congress (not of the convening committee) is marked summoned after the vote.
    const absent = await db.db.selectFrom('delegates').select(['id', 'status_reason']).where('congress_id', '=', congress.id).where('standing', '=', 'official')
      .where('status', '=', 'absent-whole').where('is_convening_member', '=', 0).orderBy('code').executeTakeFirstOrThrow();
    expect((await admin.put(`${C}/delegates/${absent.id}/status`, { status: 'summoned' })).status).toBe(200);
    const after = await loadAttendance(db.db, congress.id);
    if (!after.ok || after.value.counts.kind !== 'delegates') throw new Error('attendance after the change');
    expect(after.value.base).toBe(251);
    expect(after.value.counts.officialsAbsentWholeNotReplaced).toBe(snap.officialsAbsentWholeNotReplaced - 1);

    const texts = [await pdf(as['lso.thuky'], paths.minutes(e.id, 1)), await docx(as['lso.kiemphieu'], paths.minutes(e.id, 1, 'docx'))];
    for (const text of texts.map((t) => t.replace(/\s+/gu, ' '))) {
      expect(text).toContain(`Tổng số đại biểu chính thức được triệu tập: ${formatInteger(snap.officialSummoned)}.`);
      expect(text).toContain(`Số cấp ủy viên triệu tập Đại hội vắng mặt suốt thời gian Đại hội: ${formatInteger(snap.conveningMembersAbsentWhole)}.`);
      expect(text).toContain(`không có đại biểu dự khuyết thay thế: ${formatInteger(snap.officialsAbsentWholeNotReplaced)}.`);
      expect(text).not.toContain(`không có đại biểu dự khuyết thay thế: ${formatInteger(after.value.counts.officialsAbsentWholeNotReplaced)}.`);
      expect(text).toContain(`(N): ${formatInteger(250)}.`);
    }

    // A round voted before the snapshot existed (null) keeps the old behaviour: derived now, refused when N_base moved.
    await db.db.updateTable('election_rounds').set({ base_exclusions: null }).where('id', '=', round.id).execute();
    try {
      const r = await as['lso.thuky'].get<ErrorReply>(paths.minutes(e.id, 1));
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('printout.base-changed');
      expect(r.body.error.message_vi).toContain('Số làm căn cứ lúc bỏ phiếu là 250, nay danh sách đại biểu cho 251');
      expect((await admin.put(`${C}/delegates/${absent.id}/status`, { status: 'absent-whole', reason: absent.status_reason ?? 'Ốm' })).status).toBe(200);
      expect((await as['lso.thuky'].get(paths.minutes(e.id, 1))).status).toBe(200);
    } finally {
      await db.db.updateTable('election_rounds').set({ base_exclusions: round.base_exclusions }).where('id', '=', round.id).execute();
    }

    // A snapshot that does not give the stored base (altered by hand) is refused, never printed.
    await db.db.updateTable('election_rounds').set({ base_exclusions: baseExclusionsToJson({ ...snap, officialsAbsentWholeNotReplaced: snap.officialsAbsentWholeNotReplaced + 1 }) })
      .where('id', '=', round.id).execute();
    try {
      const r = await as['lso.thuky'].get<ErrorReply>(paths.minutes(e.id, 1));
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('printout.snapshot-mismatch');
    } finally {
      await db.db.updateTable('election_rounds').set({ base_exclusions: round.base_exclusions }).where('id', '=', round.id).execute();
    }
    expect((await as['lso.thuky'].get(paths.minutes(e.id, 1))).status).toBe(200);
  });
});
