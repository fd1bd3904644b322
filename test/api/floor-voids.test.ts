/**
 * The floor of a two-day congress: an empty show of hands is refused; a wrong one is voided by the chair with a
 * reason and stays in the record struck through (and a body it approved is approved no longer); a nomination is
 * voided the same way; voting opens only under the election's agenda item, or with a reason that is recorded; the
 * show-of-hands record is dated by the session of its agenda item.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pdfText } from '../../src/documents/testing/extract.ts';
import { describeEachDatabase } from '../support/databases.ts';
import type { Client, ErrorReply } from './support/client.ts';
import { setupSmallCongress, type SmallCongress } from './support/congress.ts';
import { startServer, type RunningServer } from './support/server.ts';

interface Vote { id: number; agree: number; passed: boolean; agendaItemId: number | null; voided: { reason: string; by: string } | null }
interface Candidate { id: number; status: string; source: string; voided: { reason: string } | null }
interface Round { status: string; candidates: Candidate[] }
interface Election { id: number; agendaItemId: number | null; rounds: Round[] }

describeEachDatabase('api: voids, empty votes, the agenda item of voting, dates of the record', (db) => {
  let server: RunningServer;
  let k: SmallCongress;
  let C = '';
  let chair: Client;
  let prepItem = 0;
  let electionItem = 0;
  beforeAll(async () => {
    server = await startServer(db.database.env);
    k = await setupSmallCongress(server, 'hai-ngay');
    C = `/api/congresses/${k.code}`;
    chair = k.clients.presidium;
    const admin = k.clients.admin;
    // Day 1 (15/7): the preparatory session; day 2 (16/7): the election.
    const day1 = (await admin.post<{ id: number }>(`${C}/sessions`, { kind: 'preparatory', title: 'Phiên trù bị', startsAt: '2025-07-15T01:00:00.000Z' })).body;
    const day2 = (await admin.post<{ id: number }>(`${C}/sessions`, { kind: 'official', title: 'Phiên chính thức ngày thứ hai', startsAt: '2025-07-16T01:00:00.000Z' })).body;
    prepItem = (await admin.post<{ id: number }>(`${C}/sessions/${day1.id}/items`, { title: 'Thông qua Chương trình Đại hội', kind: 'vote' })).body.id;
    electionItem = (await admin.post<{ id: number }>(`${C}/sessions/${day2.id}/items`, { title: 'Bầu Ban Chấp hành khóa mới', kind: 'election' })).body.id;
    for (const session of [day1.id, day2.id]) {
      for (const id of k.delegateIds.slice(0, 11)) expect((await admin.post(`${C}/sessions/${session}/checkins`, { delegateId: id })).status).toBe(201);
    }
  }, 120_000);
  afterAll(async () => { await server?.stop(); });

  it('refuses an empty show of hands; records one under the current item; the chair voids it with a reason, kept and struck through', async () => {
    expect((await chair.put(`${C}/current-item`, { agendaItemId: prepItem })).status).toBe(200);
    const empty = await chair.post<ErrorReply>(`${C}/votes`, { subject: 'Thông qua Chương trình', kind: 'agenda', agree: 0, disagree: 0, other: 0 });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('vote.empty');
    const partial = await chair.post<ErrorReply>(`${C}/votes`, { subject: 'Thông qua Chương trình', kind: 'agenda', agree: 9 });
    expect(partial.status).toBe(400);
    const wrong = await chair.post<Vote>(`${C}/votes`, { subject: 'Thông qua Chương trình (ghi nhầm)', kind: 'agenda', agree: 1, disagree: 9, other: 1 });
    expect(wrong.status).toBe(201);
    expect(wrong.body.agendaItemId).toBe(prepItem);
    const right = await chair.post<Vote>(`${C}/votes`, { subject: 'Thông qua Chương trình', kind: 'agenda', agree: 10, disagree: 1, other: 0 });
    expect(right.body.passed).toBe(true);

    const V = `${C}/votes/${wrong.body.id}/void`;
    expect((await chair.post(V, { reason: '   ' })).status).toBe(400);
    expect((await k.clients.technician.post(V, { reason: 'nhầm' })).status).toBe(403);
    expect((await k.clients.delegate.post(V, { reason: 'nhầm' })).status).toBe(403);
    const voided = await chair.post<Vote>(V, { reason: 'Thư ký ghi nhầm số biểu quyết' });
    expect(voided.status).toBe(200);
    expect(voided.body.voided).toMatchObject({ reason: 'Thư ký ghi nhầm số biểu quyết', by: `${k.code}.presidium` });
    const again = await chair.post<ErrorReply>(V, { reason: 'lần nữa' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('void.already');
    const list = (await k.clients.delegate.get<Vote[]>(`${C}/votes`)).body;
    expect(list.map((v) => [v.id, v.voided === null])).toEqual([[wrong.body.id, false], [right.body.id, true]]);

    const audit = await db.db.selectFrom('audit_log').select(['action', 'payload']).where('action', '=', 'vote.void').execute();
    expect(audit.some((a) => a.payload.includes('Thư ký ghi nhầm'))).toBe(true);

  });

  it('a body approved by a voided vote is approved no longer', async () => {
    const body = (await k.clients.admin.post<{ id: number }>(`${C}/bodies`, { kind: 'secretariat', title: 'Đoàn Thư ký', members: [{ delegateId: k.delegateIds[2], role: 'head' }] })).body;
    const vote = (await chair.post<Vote>(`${C}/bodies/${body.id}/approval`, { agree: 11, disagree: 0, other: 0 })).body;
    const voided = await chair.post<Vote>(`${C}/votes/${vote.id}/void`, { reason: 'Biểu quyết khi chưa đủ người' });
    expect(voided.status).toBe(200);
    const row = await db.db.selectFrom('bodies').select('approved_vote_id').where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row.approved_vote_id).toBeNull();
    // An election's own vote (its list) cannot be voided on its own.
    const E = `${C}/elections/${k.otherElectionId}`;
    await k.clients.admin.post(`${E}/rounds/1/candidates`, { delegateId: k.delegateIds[5], source: 'committee-list' });
    await k.clients.admin.post(`${E}/rounds/1/candidates`, { delegateId: k.delegateIds[6], source: 'committee-list' });
    await k.clients.admin.post(`${E}/rounds/1/candidates`, { delegateId: k.delegateIds[7], source: 'committee-list' });
    await k.clients.admin.post(`${E}/rounds/1/candidates`, { delegateId: k.delegateIds[8], source: 'committee-list' });
    await chair.put(`${E}/max-surplus`, { maxSurplus: 1, agree: 11, disagree: 0, other: 0 });
    const listVote = await chair.post<{ vote: Vote | null }>(`${E}/rounds/1/transition`, { to: 'list-approved', agree: 11, disagree: 0, other: 0 });
    expect(listVote.status, JSON.stringify(listVote.body)).toBe(200);
    const refused = await chair.post<ErrorReply>(`${C}/votes/${listVote.body.vote!.id}/void`, { reason: 'nhầm' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('void.election-step');
  });

  it('prints the voided votes struck through with their reason, dated by the session of their agenda item', async () => {
    const file = await k.clients.secretariat.get<Buffer>(`/api/congresses/${k.code}/printouts/show-of-hands`);
    expect(file.status).toBe(200);
    const text = (pdfText(file.body)).replace(/\s+/gu, ' ');
    expect(text).toContain('Đã hủy');
    expect(text).toContain('Thư ký ghi nhầm số biểu quyết');
    expect(text).toContain('(gạch ngang) đã được hủy');
    // The record of the preparatory session's votes is dated 15/7, the day of that session.
    expect(text).toMatch(/ngày\s+15\s+tháng\s+7\s+năm\s+2025/u);
  });

  it('voids a nomination from the floor while the list is a draft, never the committee list', async () => {
    const E = `${C}/elections/${k.electionId}`;
    const listed = (await k.clients.admin.post<Candidate>(`${E}/rounds/1/candidates`, { delegateId: k.delegateIds[3], source: 'committee-list' })).body;
    const nominee = (await k.clients.admin.post<Candidate>(`${E}/rounds/1/candidates`, { delegateId: k.delegateIds[4], source: 'nominated' })).body;
    const committee = await chair.post<ErrorReply>(`${E}/rounds/1/candidates/${listed.id}/void`, { reason: 'nhầm' });
    expect(committee.status).toBe(422);
    expect(committee.body.error.code).toBe('void.committee-list');
    expect((await k.clients.secretariat.post(`${E}/rounds/1/candidates/${nominee.id}/void`, { reason: '' })).status).toBe(400);
    const v = await chair.post<Candidate>(`${E}/rounds/1/candidates/${nominee.id}/void`, { reason: 'Giới thiệu nhầm người cùng tên' });
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ status: 'voided', voided: { reason: 'Giới thiệu nhầm người cùng tên' } });
    const e = (await k.clients.delegate.get<Election>(E)).body;
    expect(e.rounds[0]!.candidates.find((c) => c.id === nominee.id)?.status).toBe('voided');
  });

  it('opens voting only under the election agenda item, or with a reason recorded with the round', async () => {
    const E = `${C}/elections/${k.electionId}`;
    const admin = k.clients.admin;
    for (const i of [5, 6, 7]) await admin.post(`${E}/rounds/1/candidates`, { delegateId: k.delegateIds[i], source: 'committee-list' });
    await chair.put(`${E}/max-surplus`, { maxSurplus: 1, agree: 11, disagree: 0, other: 0 });
    const board = (await admin.post<{ id: number }>(`${C}/bodies`, { kind: 'counting-board', title: 'Ban Kiểm phiếu', members: [{ delegateId: k.delegateIds[0], role: 'head' }] })).body;
    await chair.post(`${C}/bodies/${board.id}/approval`, { agree: 11, disagree: 0, other: 0 });
    await chair.put(`${E}/counting-board`, { bodyId: board.id });
    const approved = await chair.post(`${E}/rounds/1/transition`, { to: 'list-approved', agree: 11, disagree: 0, other: 0 });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    // Not linked yet, the agenda on the preparatory session's item.
    const unlinked = await chair.post<ErrorReply>(`${E}/rounds/1/transition`, { to: 'voting' });
    expect(unlinked.status).toBe(409);
    expect(unlinked.body.error.code).toBe('voting.no-agenda-item');
    expect((await chair.put(`${E}/agenda-item`, { agendaItemId: electionItem })).status).toBe(403);
    const linked = await admin.put<Election>(`${E}/agenda-item`, { agendaItemId: electionItem });
    expect(linked.body.agendaItemId).toBe(electionItem);
    const elsewhere = await chair.post<ErrorReply>(`${E}/rounds/1/transition`, { to: 'voting' });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error.code).toBe('voting.other-item');
    expect(elsewhere.body.error.message_vi).toContain('«Thông qua Chương trình Đại hội»');
    // Moved to the election's item: voting opens, recorded under that item.
    expect((await chair.put(`${C}/current-item`, { agendaItemId: electionItem })).status).toBe(200);
    const opened = await chair.post(`${E}/rounds/1/transition`, { to: 'voting' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const round = await db.db.selectFrom('election_rounds').select(['agenda_item_id', 'open_override']).where('election_id', '=', k.electionId).executeTakeFirstOrThrow();
    expect(round).toEqual({ agenda_item_id: electionItem, open_override: null });
  });

  it('opens voting off its item only with a stated reason, audited', async () => {
    const E = `${C}/elections/${k.otherElectionId}`;
    const admin = k.clients.admin;
    const board = (await admin.post<{ id: number }>(`${C}/bodies`, { kind: 'counting-board', title: 'Ban Kiểm phiếu 2', members: [{ delegateId: k.delegateIds[1], role: 'head' }] })).body;
    await chair.post(`${C}/bodies/${board.id}/approval`, { agree: 11, disagree: 0, other: 0 });
    await chair.put(`${E}/counting-board`, { bodyId: board.id });
    expect((await chair.put(`${C}/current-item`, { agendaItemId: prepItem })).status).toBe(200);
    expect((await chair.post(`${E}/rounds/1/transition`, { to: 'voting', override: '' })).status).toBe(400);
    const opened = await chair.post(`${E}/rounds/1/transition`, { to: 'voting', override: 'Đại hội biểu quyết bầu Ủy ban Kiểm tra ngay trong phiên trù bị' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const round = await db.db.selectFrom('election_rounds').select(['agenda_item_id', 'open_override']).where('election_id', '=', k.otherElectionId).executeTakeFirstOrThrow();
    expect(round).toEqual({ agenda_item_id: prepItem, open_override: 'Đại hội biểu quyết bầu Ủy ban Kiểm tra ngay trong phiên trù bị' });
    const audit = await db.db.selectFrom('audit_log').select('payload').where('action', '=', 'round.voting-override').execute();
    expect(audit).toHaveLength(1);
  });
});
