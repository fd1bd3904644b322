/**
 * The congress flow of the seed congress through the API alone: import the delegates (.xlsx), check
 * in 250, approve the bodies, run the committee election through a counted pile of ballots to published (and
 * approved) results — and the numbers equal the rules core's countBallots on the same pile.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { demoCongress } from '../../src/demo/seed-data.ts';
import { DELEGATE_COLUMNS } from '../../src/import/columns.ts';
import { countBallots, defaultCountSettings, type Ballot } from '../../src/rules/index.ts';
import { verifyAuditChain } from '../../src/store/audit.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { Client } from './support/client.ts';
import { signedInAdmin } from './support/congress.ts';
import { countersFor, countByBoard } from './support/count-in-batches.ts';
import { startServer, type RunningServer } from './support/server.ts';

const seed = demoCongress();
const C = `/api/congresses/${seed.congress.code}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const dmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const CATEGORY = { 'ex-officio': 'Đương nhiên', elected: 'Bầu', appointed: 'Chỉ định' } as const;

const delegateWorkbook = async (): Promise<Uint8Array> => {
  const orgName = new Map(seed.organisations.map((o) => [o.key, o.name]));
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Đại biểu');
  sheet.addRow(DELEGATE_COLUMNS.map((c) => c.header));
  for (const d of seed.delegates) {
    sheet.addRow([d.code, d.fullName, d.gender === 'male' ? 'Nam' : 'Nữ', dmy(d.birthDate), d.ethnicity, d.education, d.politicalTheory,
      dmy(d.partyJoinDate), d.position, orgName.get(d.organisationKey), CATEGORY[d.category], d.standing === 'official' ? 'Chính thức' : 'Dự khuyết',
      d.isConveningMember ? 'Có' : 'Không', '']);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
};

/** A deterministic pile: each voter strikes 3 to 6 names (a few ballots invalid: every name struck). */
const pile = (ids: readonly string[], n: number): Ballot[] => {
  let s = 12345;
  const rand = (): number => { s = (s * 1103515245 + 12345) % 2 ** 31; return s / 2 ** 31; };
  const out: Ballot[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 97 === 0) { out.push({ struck: [...ids] }); continue; }
    const k = 3 + Math.floor(rand() * 4);
    const weights = ids.map((_, j) => rand() * (1 + j / 3));
    const struck = ids.map((id, j) => [id, weights[j]!] as const).sort((a, b) => b[1] - a[1]).slice(0, k).map(([id]) => id);
    out.push({ struck });
  }
  return out;
};

// Each election is counted through the board's batches (248–250 ballots entered twice): minutes on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

describeEachDatabase('api: the seed congress flow', (db) => {
  let server: RunningServer;
  let admin: Client;
  const byCode = new Map<string, number>();

  beforeAll(async () => {
    server = await startServer(db.database.env);
    admin = await signedInAdmin(server);
  });
  afterAll(async () => { await server?.stop(); });

  it('creates the congress and its organisations', async () => {
    expect((await admin.post(C.replace(`/${seed.congress.code}`, ''), seed.congress)).status).toBe(201);
    for (const o of seed.organisations.filter((x) => x.role === 'member')) {
      const r = await admin.post(`${C}/organisations`, { name: o.name, partyMembers: o.partyMembers });
      expect(r.status).toBe(201);
    }
    const orgs = await admin.get<unknown[]>(`${C}/organisations`);
    expect(orgs.body).toHaveLength(seed.organisations.length);
  });

  it('imports the delegate list from .xlsx, all or nothing', async () => {
    const file = await delegateWorkbook();
    const r = await admin.upload<{ imported: number }>(`${C}/delegates-import`, 'dai-bieu.xlsx', file, XLSX);
    expect(r.status).toBe(201);
    expect(r.body.imported).toBe(seed.delegates.length);
    const again = await admin.upload<{ issues: { row: number; column: string; code: string }[] }>(`${C}/delegates-import`, 'dai-bieu.xlsx', file, XLSX);
    expect(again.status).toBe(422);
    expect(again.body.issues[0]).toMatchObject({ row: 2, column: 'Số thẻ', code: 'import.duplicate' });
    const list = await admin.get<{ id: number; code: string }[]>(`${C}/delegates`);
    expect(list.body).toHaveLength(seed.delegates.length);
    for (const d of list.body) byCode.set(d.code, d.id);
  });

  it('records the statuses: absent for the whole congress, replaced by an alternate', async () => {
    for (const d of seed.delegates.filter((x) => x.status !== 'summoned')) {
      const body = d.status === 'replaced'
        ? { status: 'replaced', reason: d.statusReason ?? 'Ốm', replacedById: byCode.get(d.replacedByCode!) }
        : { status: d.status, reason: d.statusReason ?? 'Công tác' };
      expect((await admin.put(`${C}/delegates/${byCode.get(d.code)}/status`, body)).status).toBe(200);
    }
  });

  let sessionId = 0;
  it('checks in 250 delegates, by QR card and by search; a second check-in is told when', async () => {
    const session = await admin.post<{ id: number }>(`${C}/sessions`, { kind: 'official', title: 'Phiên chính thức' });
    sessionId = session.body.id;
    const voters = seed.delegates.filter((d) => (d.standing === 'official' && d.status === 'summoned') || seed.delegates.some((o) => o.replacedByCode === d.code));
    expect(voters).toHaveLength(250);
    for (const [i, d] of voters.entries()) {
      const id = byCode.get(d.code)!;
      let r;
      if (i % 2 === 0) {
        const card = await admin.get<{ token: string }>(`${C}/delegates/${id}/card`);
        r = await admin.post(`${C}/sessions/${sessionId}/checkins`, { cardToken: card.body.token, desk: 'Bàn 1' });
      } else {
        r = await admin.post(`${C}/sessions/${sessionId}/checkins`, { delegateId: id, desk: 'Bàn 2' });
      }
      expect(r.status).toBe(201);
    }
    const twice = await admin.post<{ error: { message_vi: string } }>(`${C}/sessions/${sessionId}/checkins`, { delegateId: byCode.get(voters[0]!.code), desk: 'Bàn 3' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message_vi).toMatch(/đã điểm danh lúc \d\d:\d\d tại Bàn 1/u);
    const a = await admin.get<{ base: number; present: number; threshold: number; nothingCanPass: boolean }>(`${C}/attendance`);
    expect(a.body).toMatchObject({ base: 250, present: 250, threshold: 126, nothingCanPass: false });
  });

  const bodyIds = new Map<string, number>();
  it('approves the presidium, secretariat, credentials committee and counting board by show of hands', async () => {
    for (const b of seed.bodies) {
      const r = await admin.post<{ id: number }>(`${C}/bodies`, {
        kind: b.kind, title: b.title, members: b.members.map((m) => ({ delegateId: byCode.get(m.delegateCode), role: m.role })),
      });
      expect(r.status).toBe(201);
      bodyIds.set(b.kind, r.body.id);
      const v = await admin.post<{ passed: boolean; base: number }>(`${C}/bodies/${r.body.id}/approval`, { agree: 248, disagree: 0, other: 2 });
      expect(v.body).toMatchObject({ passed: true, base: 250 });
    }
    const again = await admin.post(`${C}/bodies/${bodyIds.get('presidium')}/approval`, { agree: 248, disagree: 0, other: 2 });
    expect(again.status).toBe(409);
  });

  it('runs the committee election to published and approved results equal to the rules core', async () => {
    const spec = seed.elections.find((e) => e.key === 'committee')!;
    const e = await admin.post<{ id: number }>(`${C}/elections`, { kind: spec.kind, title: spec.title, seats: spec.seats });
    expect(e.status).toBe(201);
    const E = `${C}/elections/${e.body.id}`;
    expect((await admin.put(`${E}/max-surplus`, { maxSurplus: spec.maxSurplus, agree: 245, disagree: 3, other: 2 })).body).toMatchObject({ passed: true });
    for (const cand of spec.candidates) {
      expect((await admin.post(`${E}/rounds/1/candidates`, { delegateId: byCode.get(cand.delegateCode), source: cand.source })).status).toBe(201);
    }
    const surplus = await admin.get<{ surplus: number; errors: unknown[] }>(`${E}/rounds/1/surplus`);
    expect(surplus.body).toMatchObject({ surplus: 3, errors: [] });
    expect((await admin.post(`${E}/rounds/1/transition`, { to: 'voting' })).status).toBe(409);
    expect((await admin.put(`${E}/counting-board`, { bodyId: bodyIds.get('counting-board') })).status).toBe(200);
    const listVote = await admin.post<{ vote: { passed: boolean }; round: { status: string } }>(`${E}/rounds/1/transition`, { to: 'list-approved', agree: 240, disagree: 5, other: 5 });
    expect(listVote.body.vote.passed).toBe(true);
    expect(listVote.body.round.status).toBe('list-approved');
    expect((await admin.post<{ round: { base: number; present: number } }>(`${E}/rounds/1/transition`, { to: 'voting' })).body.round).toMatchObject({ base: 250, present: 250 });
    expect((await admin.put(`${E}/rounds/1/ballots`, { issued: 250, collected: 250 })).status).toBe(200);
    expect((await admin.post(`${E}/rounds/1/transition`, { to: 'counting' })).status).toBe(200);

    const election = await admin.get<{ rounds: { candidates: { id: number; fullName: string; status: string }[] }[] }>(E);
    const candidates = election.body.rounds[0]!.candidates;
    expect(candidates.map((c) => c.fullName)).toEqual(spec.candidates.map((c) => seed.delegates.find((d) => d.code === c.delegateCode)!.fullName));
    const ids = candidates.map((c) => String(c.id));
    const ballots = pile(ids, 250);
    const finished = await countByBoard<{ count: unknown }>(await countersFor(admin, seed.congress.code, e.body.id), `${E}/rounds/1`, ballots);
    expect(finished.status).toBe(200);
    const counted = { body: finished.body.count };
    const expected = countBallots({
      kind: 'committee', seats: 24, alternateSeats: 0, base: 250,
      candidates: candidates.map((c) => ({ id: String(c.id), name: c.fullName })), settings: defaultCountSettings,
    }, ballots);
    expect(expected.ok).toBe(true);
    expect(counted.body).toEqual(JSON.parse(JSON.stringify(expected.ok ? expected.value : null)));

    const screen = new Client(server.url);
    expect((await screen.get(E)).status).toBe(401);
    const published = await admin.post<{ round: { status: string; result: unknown } }>(`${E}/rounds/1/transition`, { to: 'published' });
    expect(published.body.round.status).toBe('published');
    expect(published.body.round.result).toEqual(counted.body);
    const approved = await admin.post<{ round: { status: string } }>(`${E}/rounds/1/transition`, { to: 'approved', reference: 'Quyết định số 123-QĐ/TU' });
    expect(approved.body.round.status).toBe('approved');
    const illegal = await admin.post<{ error: { code: string; message_vi: string } }>(`${E}/rounds/1/transition`, { to: 'voting' });
    expect(illegal.status).toBe(409);
    expect(illegal.body.error.message_vi).toContain('Vòng bầu đã kết thúc');
    const transitions = await db.db.selectFrom('audit_log').select(['action', 'payload']).where('action', '=', 'round.transition')
      .where('subject', '=', `round:${(await db.db.selectFrom('election_rounds').select('id').where('election_id', '=', e.body.id).executeTakeFirstOrThrow()).id}`)
      .orderBy('id').execute();
    expect(transitions.map((t) => (JSON.parse(t.payload) as { to: string }).to)).toEqual(['list-approved', 'voting', 'counting', 'counted', 'published', 'approved']);
  });

  it('leaves an intact audit chain with every check-in and vote recorded', async () => {
    const chain = await verifyAuditChain(db.db);
    expect(chain.ok).toBe(true);
    const checkins = await db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'checkin').executeTakeFirstOrThrow();
    expect(checkins.n).toBe(250);
  });

  it('two staff making the same transition at once: exactly one effect, the other told why', async () => {
    const e = await admin.post<{ id: number }>(`${C}/elections`, { kind: 'inspection-committee', title: 'Bầu Ủy ban Kiểm tra (thử)', seats: 3 });
    const E = `${C}/elections/${e.body.id}`;
    const codes = seed.delegates.filter((d) => d.status === 'summoned' && d.standing === 'official').slice(200, 204).map((d) => d.code);
    for (const code of codes) await admin.post(`${E}/rounds/1/candidates`, { delegateId: byCode.get(code), source: 'committee-list' });
    const second = await signedInAdmin(server);
    const [a, b] = await Promise.all([
      admin.post(`${E}/rounds/1/transition`, { to: 'list-approved', agree: 240, disagree: 5, other: 5 }),
      second.post(`${E}/rounds/1/transition`, { to: 'list-approved', agree: 240, disagree: 5, other: 5 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = (a.status === 409 ? a : b).body as { error: { code: string; message_vi: string } };
    expect(['round.already', 'round.concurrent', 'round.illegal-transition']).toContain(loser.error.code);
    const votes = await admin.get<{ kind: string; subject: string }[]>(`${C}/votes`);
    expect(votes.body.filter((v) => v.kind === 'election-list' && v.subject.includes('Ủy ban Kiểm tra (thử)'))).toHaveLength(1);
  });
});
