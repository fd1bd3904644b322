/**
 * The next round of an election through the API: a delegation that ties at the official cut and at the alternate
 * cut at once reports both, and the next round's official and alternate seats are checked — alternates only
 * for a delegation, never more than the election still has to fill.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import type { Client, ErrorReply } from './support/client.ts';
import { roundToCounting, setupSmallCongress, type SmallCongress } from './support/congress.ts';
import { countersFor, countByBoard } from './support/count-in-batches.ts';
import { startServer, type RunningServer } from './support/server.ts';

interface Tie { readonly seats: number; readonly candidates: readonly string[] }
interface CountReply {
  readonly count: {
    readonly outcome: string; readonly elected: string[]; readonly alternates: string[]; readonly tie: Tie | null; readonly unfilledSeats: number;
    readonly remaining: { readonly official: { seats: number; tie: Tie | null }; readonly alternate: { seats: number; tie: Tie | null } };
  };
}
interface ElectionReply {
  readonly rounds: readonly { readonly number: number; readonly seats: number; readonly alternateSeats: number; readonly status: string; readonly candidates: readonly { readonly id: number; readonly fullName: string }[] }[];
}

describeEachDatabase('api: the next round of a delegation (official and alternate seats)', (db) => {
  let server: RunningServer;
  let c: SmallCongress;
  let admin: Client;
  let C = '';
  let E = '';
  const ids: string[] = [];
  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'vong-tiep', 12);
    admin = c.clients.admin;
    C = `/api/congresses/${c.code}`;
    for (const id of c.delegateIds.slice(0, 11)) await admin.post(`${C}/sessions/${c.sessionId}/checkins`, { delegateId: id });
  });
  afterAll(async () => { await server?.stop(); });

  it('refuses alternate seats for a next round outside a delegation, whatever the state of its rounds', async () => {
    const r = await admin.post<ErrorReply>(`${C}/elections/${c.electionId}/rounds`, { seats: 1, alternateSeats: 1, candidates: 'not-elected' });
    expect(r.status).toBe(422);
    expect([r.body.error.code, r.body.error.field]).toEqual(['election.alternateSeats', 'body.alternateSeats']);
    const none = await admin.post<ErrorReply>(`${C}/elections/${c.electionId}/rounds`, { seats: 0, candidates: 'not-elected' });
    expect([none.status, none.body.error.code]).toEqual([422, 'election.seats']);
  });

  it('counts a delegation that ties at both cuts: both ties reported', async () => {
    const e = await admin.post<{ id: number }>(`${C}/elections`, { kind: 'delegates', title: 'Bầu đoàn đại biểu dự Đại hội cấp trên', seats: 2, alternateSeats: 2 });
    expect(e.status).toBe(201);
    E = `${C}/elections/${e.body.id}`;
    for (const d of c.delegateIds.slice(0, 6)) ids.push(String((await admin.post<{ id: number }>(`${E}/rounds/1/candidates`, { delegateId: d, source: 'committee-list' })).body.id));
    await roundToCounting(admin, C, E, c.delegateIds[11]!, 'Ban Kiểm phiếu');
    // Ballot order is by given name; the ids are mapped by delegate, so name them by their ids.
    const [c1, c2, c3, c4, c5] = ids as [string, string, string, string, string];
    // N_base 12 (7 passes), 11 ballots keeping up to 4: c1 11; c2 = c3 = 9 for the last official seat (the loser keeps
    // an alternate place); c4 = c5 = 7 for the one alternate place left.
    const kept: string[][] = [
      ...Array.from({ length: 2 }, () => [c1, c3, c4, c5]), ...Array.from({ length: 2 }, () => [c1, c2, c4, c5]),
      ...Array.from({ length: 3 }, () => [c1, c2, c3, c5]), ...Array.from({ length: 3 }, () => [c1, c2, c3, c4]), [c1, c2, c3],
    ];
    const ballots = kept.map((k) => ({ struck: ids.filter((id) => !k.includes(id)) }));
    const reply = await countByBoard<{ count: CountReply }>(await countersFor(c.clients['server-admin'], c.code, Number(E.split('/').pop())), `${E}/rounds/1`, ballots);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const counted = reply.body.count;
    const sorted = (xs: readonly string[]) => [...xs].sort();
    expect([counted.count.outcome, counted.count.elected, counted.count.alternates, counted.count.unfilledSeats]).toEqual(['tie', [c1], [], 3]);
    const { official, alternate } = counted.count.remaining;
    expect([official.seats, official.tie?.seats, sorted(official.tie?.candidates ?? [])]).toEqual([1, 1, sorted([c2, c3])]);
    expect([alternate.seats, alternate.tie?.seats, sorted(alternate.tie?.candidates ?? [])]).toEqual([2, 1, sorted([c4, c5])]);
    expect(counted.count.tie).toEqual(official.tie);
    expect((await admin.post(`${E}/rounds/1/transition`, { to: 'published' })).status).toBe(200);
  });

  it('refuses more official or alternate seats than remain, and opens round 2 among the tied for 1 + 1', async () => {
    const over = await admin.post<ErrorReply>(`${E}/rounds`, { seats: 2, alternateSeats: 1, candidates: 'tied' });
    expect([over.status, over.body.error.code, over.body.error.field]).toEqual([422, 'round.seats-over-remaining', 'body.seats']);
    expect(over.body.error.message_vi).toBe('Số đại biểu chính thức cần bầu (2) vượt số còn phải bầu (1).');
    const overAlt = await admin.post<ErrorReply>(`${E}/rounds`, { seats: 1, alternateSeats: 3, candidates: 'tied' });
    expect([overAlt.status, overAlt.body.error.code, overAlt.body.error.field], overAlt.body.error.message_vi).toEqual([422, 'round.alternate-seats-over-remaining', 'body.alternateSeats']);
    const nothing = await admin.post<ErrorReply>(`${E}/rounds`, { seats: 0, alternateSeats: 0, candidates: 'tied' });
    expect([nothing.status, nothing.body.error.code]).toEqual([422, 'election.seats']);
    const next = await admin.post<ElectionReply>(`${E}/rounds`, { seats: 1, alternateSeats: 1, candidates: 'tied' });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(next.body.rounds[1]).toMatchObject({ number: 2, seats: 1, alternateSeats: 1, status: 'draft' });
    const names = (await admin.get<ElectionReply>(E)).body.rounds[0]!.candidates;
    const nameOf = (id: string) => names.find((x) => String(x.id) === id)?.fullName;
    expect(next.body.rounds[1]!.candidates.map((x) => x.fullName).sort()).toEqual([nameOf(ids[1]!), nameOf(ids[2]!)].sort());
  });
});
