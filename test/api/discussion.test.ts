/**
 * The congress's discussion over HTTP on both databases: drafts with access levels ("Mật" never reaches a
 * delegate), paged units, comments with their deadline, paper forms, groups recording opinions, the synthesis
 * grouping near-identical proposals, versions compared, a .docx imported, the report, the minutes and the
 * resolution adopted by show of hands against N_base.
 */
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentView, DiffView, DiscussionDocumentView, DiscussionNumbersView, GroupOpinionView, GroupView, ResolutionView, SynthesisView, UnitsPage } from '../../src/api/discussion.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { Client } from './support/client.ts';
import { setupSmallCongress, type SmallCongress } from './support/congress.ts';
import { startServer, type RunningServer } from './support/server.ts';

const DRAFT = [
  'PHẦN THỨ NHẤT: KẾT QUẢ NHIỆM KỲ 2020 – 2025',
  'I. VỀ KINH TẾ',
  'Tăng trưởng kinh tế bình quân đạt 7% mỗi năm.',
  'Thu ngân sách vượt dự toán.',
  'II. VỀ XÂY DỰNG ĐẢNG',
  'Công tác xây dựng Đảng được chú trọng.',
  'PHẦN THỨ HAI: PHƯƠNG HƯỚNG NHIỆM KỲ 2025 – 2030',
  'Phấn đấu tăng trưởng bình quân 8% mỗi năm.',
].join('\n');

const documentXml = (data: Uint8Array): string => strFromU8(unzipSync(data)['word/document.xml']!).replace(/<[^>]+>/gu, '');

describeEachDatabase('api: the congress discussion', (db) => {
  let server: RunningServer;
  let c: SmallCongress;
  let C = '';
  let D = '';
  let admin: Client;
  const phones: Client[] = [];
  let report: DiscussionDocumentView;
  let secret: DiscussionDocumentView;
  let units: UnitsPage['units'] = [];

  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'thao-luan', 12);
    C = `/api/congresses/${c.code}`;
    D = `${C}/discussion`;
    admin = c.clients.admin;
    phones.push(c.clients.delegate);
    for (const token of c.cardTokens.slice(1, 4)) {
      const p = new Client(server.url);
      expect((await p.post('/api/auth/card', { congress: c.code, token })).status).toBe(200);
      phones.push(p);
    }
    const r = await admin.post<DiscussionDocumentView>(`${D}/documents`, { kind: 'political-report', title: 'Dự thảo Báo cáo chính trị', access: 'delegates', text: DRAFT });
    expect(r.status).toBe(201);
    report = r.body;
    const s = await admin.post<DiscussionDocumentView>(`${D}/documents`, { kind: 'other', title: 'Phương án nhân sự', access: 'secret', text: 'Nội dung mật.' });
    expect(s.status).toBe(201);
    secret = s.body;
    const page = await phones[0]!.get<UnitsPage>(`${D}/documents/${report.id}/units?limit=100`);
    units = page.body.units;
  });
  afterAll(async () => { await server?.stop(); });

  const paragraph = (n: number) => units.find((u) => u.number === n)!;

  describe('documents and access levels', () => {
    it('splits the draft into numbered units and pages them', async () => {
      expect(units.map((u) => u.kind)).toEqual(['heading', 'heading', 'paragraph', 'paragraph', 'heading', 'paragraph', 'heading', 'paragraph']);
      expect(paragraph(2).ref).toBe('PHẦN THỨ NHẤT › I. › đ2');
      const p1 = await phones[0]!.get<UnitsPage>(`${D}/documents/${report.id}/units?limit=3`);
      const p2 = await phones[0]!.get<UnitsPage>(`${D}/documents/${report.id}/units?limit=3&offset=3`);
      expect(p1.body.total).toBe(8);
      expect([...p1.body.units, ...p2.body.units].map((u) => u.position)).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await phones[0]!.get(`${D}/documents/${report.id}/units?limit=1000`)).status).toBe(400);
    });

    it('never shows a "Mật" document to a phone, on any route', async () => {
      const phone = phones[0]!;
      const list = await phone.get<DiscussionDocumentView[]>(`${D}/documents`);
      expect(list.body.map((d) => d.id)).toEqual([report.id]);
      for (const path of [`${D}/documents/${secret.id}`, `${D}/documents/${secret.id}/units`, `${D}/documents/${secret.id}/comments`]) {
        expect((await phone.get(path)).status, path).toBe(404);
      }
      expect((await phone.post(`${D}/documents/${secret.id}/comments`, { unitId: 1, kind: 'other', text: 'x' })).status).toBe(404);
      // Staff other than the office and the presidium do not read it either; the secretariat does.
      expect((await c.clients.technician.get(`${D}/documents/${secret.id}`)).status).toBe(404);
      expect((await c.clients.secretariat.get(`${D}/documents/${secret.id}`)).status).toBe(200);
      const all = await admin.get<DiscussionDocumentView[]>(`${D}/documents`);
      expect(all.body.map((d) => d.access).sort()).toEqual(['delegates', 'secret']);
    });
  });

  describe('comments', () => {
    let mine: CommentView;
    it('takes a delegate\'s comment on a paragraph, asks wording for a change, and lets only the author edit it', async () => {
      const bad = await phones[0]!.post(`${D}/documents/${report.id}/comments`, { unitId: paragraph(1).id, kind: 'change', text: 'Sửa số liệu' });
      expect(bad.status).toBe(400);
      const r = await phones[0]!.post<CommentView>(`${D}/documents/${report.id}/comments`, {
        unitId: paragraph(1).id, kind: 'change', text: 'Số liệu chưa khớp', proposedText: 'Tăng trưởng kinh tế bình quân đạt 7,2% mỗi năm.', quote: 'đạt 7% mỗi năm',
      });
      expect(r.status).toBe(201);
      mine = r.body;
      expect(mine).toMatchObject({ source: 'delegate', delegateId: c.delegateIds[0], editable: true, enteredBy: null });
      // Before the deadline (one set in the future) the delegate changes their own comment; the change is audited with what it was.
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect((await admin.patch(`${D}/documents/${report.id}`, { commentDeadline: future })).status).toBe(200);
      const edited = await phones[0]!.patch<CommentView>(`${D}/comments/${mine.id}`, { text: 'Số liệu chưa khớp với báo cáo kinh tế' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ text: 'Số liệu chưa khớp với báo cáo kinh tế', proposedText: 'Tăng trưởng kinh tế bình quân đạt 7,2% mỗi năm.', editable: true });
      const entry = await db.db.selectFrom('audit_log').select(['actor', 'payload']).where('action', '=', 'discussion.comment.update')
        .where('subject', '=', `discussion-comment:${mine.id}`).executeTakeFirstOrThrow();
      expect(entry.actor).toBe(`delegate:${c.delegateIds[0]}`);
      expect(JSON.parse(entry.payload)).toMatchObject({ before: { text: 'Số liệu chưa khớp' }, after: { text: 'Số liệu chưa khớp với báo cáo kinh tế' } });
      expect((await phones[1]!.patch(`${D}/comments/${mine.id}`, { text: 'của người khác' })).status).toBe(404);
      const others = await phones[1]!.get<CommentView[]>(`${D}/documents/${report.id}/comments`);
      expect(others.body).toEqual([]);
      const page = await phones[0]!.get<UnitsPage>(`${D}/documents/${report.id}/units?limit=100`);
      expect(page.body.units.find((u) => u.id === paragraph(1).id)!.comments).toBe(1);
    });

    it('keeps who typed a paper form in', async () => {
      const r = await c.clients.secretariat.post<CommentView>(`${D}/documents/${report.id}/comments`, {
        unitId: paragraph(1).id, kind: 'change', text: 'Theo phiếu giấy', proposedText: 'Tăng trưởng kinh tế bình quân đạt 7,2% mỗi năm', delegateId: c.delegateIds[5],
      });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ source: 'paper', delegateId: c.delegateIds[5] });
      expect(r.body.enteredBy).toMatch(/^user:\d+$/u);
    });

    it('closes comments at the deadline the secretariat sets', async () => {
      const past = new Date(Date.now() - 60_000).toISOString();
      expect((await admin.patch(`${D}/documents/${report.id}`, { commentDeadline: past })).status).toBe(200);
      expect((await phones[2]!.post(`${D}/documents/${report.id}/comments`, { unitId: paragraph(2).id, kind: 'agree', text: 'Tán thành' })).status).toBe(409);
      const late = await phones[0]!.patch<{ error: { code: string; message_vi: string } }>(`${D}/comments/${mine.id}`, { text: 'muộn' });
      expect(late.status).toBe(409);
      expect(late.body.error).toMatchObject({ code: 'discussion.closed', message_vi: 'Đã hết hạn góp ý văn kiện này.' });
      const afterDeadline = await phones[0]!.get<CommentView[]>(`${D}/documents/${report.id}/comments`);
      expect(afterDeadline.body.find((x) => x.id === mine.id)).toMatchObject({ text: 'Số liệu chưa khớp với báo cáo kinh tế', editable: false });
      expect((await admin.patch(`${D}/documents/${report.id}`, { commentDeadline: null })).status).toBe(200);
      expect((await phones[2]!.post(`${D}/documents/${report.id}/comments`, { unitId: paragraph(2).id, kind: 'removal', text: 'Đề nghị bỏ đoạn này vì trùng ý' })).status).toBe(201);
    });

    it('voids instead of deleting', async () => {
      const r = await phones[3]!.post<CommentView>(`${D}/documents/${report.id}/comments`, { unitId: paragraph(3).id, kind: 'other', text: 'Nhầm đoạn' });
      const v = await phones[3]!.post<CommentView>(`${D}/comments/${r.body.id}/void`, { reason: 'Gửi nhầm' });
      expect(v.body).toMatchObject({ voided: true, voidReason: 'Gửi nhầm', editable: false });
    });
  });

  describe('groups and synthesis', () => {
    let groups: GroupView[] = [];
    it('forms groups by organisation and by hand, one group per delegate', async () => {
      const g1 = await admin.post<GroupView>(`${D}/groups`, { name: 'Tổ 1', organisationIds: [c.organisationId], leaderId: c.delegateIds[4], secretaryId: c.delegateIds[1] });
      expect(g1.status).toBe(201);
      expect(g1.body.members).toHaveLength(12);
      const g2 = await admin.post<GroupView>(`${D}/groups`, { name: 'Tổ 2', delegateIds: c.delegateIds.slice(6), leaderId: c.delegateIds[6], secretaryId: c.delegateIds[2] });
      expect(g2.status).toBe(201);
      const list = await phones[0]!.get<GroupView[]>(`${D}/groups`);
      groups = list.body;
      expect(groups.map((g) => g.members.length)).toEqual([5, 7]);
    });

    it('opens the groups with a discussion agenda item: before it, a group\'s secretary is refused and told why', async () => {
      const body = { documentId: report.id, unitId: paragraph(1).id, kind: 'other', text: 'Ghi trước giờ thảo luận tổ', agreeCount: 1 };
      const before = await phones[1]!.post<{ error: { code: string; message_vi: string } }>(`${D}/groups/${groups[0]!.id}/opinions`, body);
      expect(before.status).toBe(409);
      expect(before.body.error.code).toBe('discussion.groups-not-sitting');
      expect(before.body.error.message_vi).toMatch(/^Thảo luận tổ chưa mở/u);
      expect((await phones[1]!.get<GroupView[]>(`${D}/groups`)).body.every((g) => !g.sitting)).toBe(true);
      const item = (await admin.post<{ id: number }>(`${C}/sessions/${c.sessionId}/items`, { title: 'Thảo luận tổ về các dự thảo văn kiện', kind: 'discussion' })).body.id;
      expect((await admin.put(`${C}/current-item`, { agendaItemId: item })).status).toBe(200);
      expect((await phones[1]!.get<GroupView[]>(`${D}/groups`)).body.every((g) => g.sitting)).toBe(true);
    });

    it('lets a group\'s secretary record opinions with the agreement count, and nobody else', async () => {
      const body = { documentId: report.id, unitId: paragraph(1).id, kind: 'change', text: 'Tổ đề nghị sửa số liệu', proposedText: 'Tăng trưởng kinh tế bình quân đạt 7,2%/năm.', agreeCount: 4 };
      expect((await phones[3]!.post(`${D}/groups/${groups[0]!.id}/opinions`, body)).status).toBe(403);
      expect((await phones[1]!.post(`${D}/groups/${groups[0]!.id}/opinions`, { ...body, agreeCount: 9 })).status).toBe(422);
      const r = await phones[1]!.post<GroupOpinionView>(`${D}/groups/${groups[0]!.id}/opinions`, { ...body, speakerDelegateId: c.delegateIds[0] });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ agreeCount: 4, speakerName: 'Nguyễn Văn Thử A' });
      const r2 = await phones[2]!.post<GroupOpinionView>(`${D}/groups/${groups[1]!.id}/opinions`, {
        documentId: report.id, unitId: paragraph(4).id, kind: 'addition', text: 'Bổ sung nội dung chuyển đổi số', agreeCount: 7,
      });
      expect(r2.status).toBe(201);
      expect((await phones[2]!.get(`${D}/groups/${groups[0]!.id}/opinions`)).status).toBe(403);
      expect((await phones[2]!.get<GroupOpinionView[]>(`${D}/groups/${groups[1]!.id}/opinions`)).body).toHaveLength(1);
    });

    it('groups near-identical proposals and counts groups and delegates', async () => {
      const s = await c.clients.presidium.get<SynthesisView>(`${D}/documents/${report.id}/synthesis`);
      expect(s.status).toBe(200);
      const u1 = s.body.units.find((u) => u.unitId === paragraph(1).id)!;
      expect(u1.clusters).toHaveLength(1);
      expect(u1.clusters[0]!.opinions.map((o) => o.source).sort()).toEqual(['delegate', 'group', 'paper']);
      // Group 1 agreed 4 (its members 001 and 006 also wrote: max(4, 2) = 4).
      expect(u1.clusters[0]!.supportText).toBe('1/2 tổ, 4 đại biểu đề nghị sửa');
      expect(s.body.totals).toMatchObject({ comments: 3, groupOpinions: 2, units: 3, pending: 3 });
      expect((await phones[0]!.get(`${D}/documents/${report.id}/synthesis`)).status).toBe(403);
    });

    it('records the answer per paragraph with what its status needs', async () => {
      const url = `${D}/units/${paragraph(1).id}/synthesis`;
      expect((await admin.put(url, { status: 'accepted' })).status).toBe(422);
      const r = await admin.put(url, { status: 'accepted', newText: 'Tăng trưởng kinh tế bình quân đạt 7,2% mỗi năm.' });
      expect(r.status).toBe(200);
      expect((await admin.put(`${D}/units/${paragraph(2).id}/synthesis`, { status: 'explained', explanation: 'Đoạn này cần giữ để đủ ý.' })).status).toBe(200);
      const s = await admin.get<SynthesisView>(`${D}/documents/${report.id}/synthesis`);
      expect(s.body.totals).toMatchObject({ accepted: 1, explained: 1, pending: 1 });
    });

    it('gives the hall screen the numbers only, for documents delegates may read', async () => {
      const numbers = await c.clients.screen.get<DiscussionNumbersView>(`${D}/numbers`);
      expect(numbers.status).toBe(200);
      expect(numbers.body.map((d) => d.documentId)).toEqual([report.id]);
      expect(JSON.stringify(numbers.body)).not.toContain(secret.title);
      const synthesis = (await admin.get<SynthesisView>(`${D}/documents/${report.id}/synthesis`)).body.totals;
      const live = (await admin.get<CommentView[]>(`${D}/documents/${report.id}/comments`)).body.filter((x) => !x.voided);
      expect(numbers.body[0]).toMatchObject({
        title: report.title, versionNumber: 1, comments: synthesis.comments, groupOpinions: synthesis.groupOpinions, units: synthesis.units,
        accepted: synthesis.accepted, explained: synthesis.explained, notAccepted: synthesis.notAccepted, groups: 2, groupsReporting: 2,
        delegates: new Set(live.flatMap((x) => (x.delegateId === null ? [] : [x.delegateId]))).size, paper: live.filter((x) => x.source === 'paper').length,
      });
      expect(numbers.body[0]!.paper).toBeGreaterThan(0);
      expect((await phones[0]!.get(`${D}/numbers`)).status).toBe(403);
    });

    it('prints the report and the group minutes in Word and PDF', async () => {
      const docx = await admin.get<Buffer>(`${C}/printouts/discussion/${report.id}/report?format=docx`);
      expect(docx.status).toBe(200);
      const text = documentXml(docx.body);
      expect(text).toContain('Tổng hợp, tiếp thu, giải trình ý kiến góp ý vào Dự thảo Báo cáo chính trị');
      expect(text).toContain('1/2 tổ, 4 đại biểu đề nghị sửa');
      expect(text).toContain('Tăng trưởng kinh tế bình quân đạt 7,2% mỗi năm.');
      const pdf = await admin.get<Buffer>(`${C}/printouts/discussion/${report.id}/report`);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
      const minutes = await phones[1]!.get<Buffer>(`${C}/printouts/discussion-groups/${groups[0]!.id}/minutes?format=docx&document=${report.id}`);
      expect(minutes.status).toBe(200);
      expect(documentXml(minutes.body)).toContain('BIÊN BẢN THẢO LUẬN TỔ');
      expect((await phones[3]!.get(`${C}/printouts/discussion-groups/${groups[0]!.id}/minutes?document=${report.id}`)).status).toBe(403);
    });
  });

  describe('versions', () => {
    it('compares versions word by word', async () => {
      const v2 = await admin.post<DiscussionDocumentView>(`${D}/documents/${report.id}/versions`, { text: DRAFT.replace('7% mỗi năm', '7,2% mỗi năm'), note: 'Tiếp thu ý kiến' });
      expect(v2.status).toBe(201);
      expect(v2.body.versions.map((v) => v.number)).toEqual([1, 2]);
      const d = await phones[0]!.get<DiffView>(`${D}/documents/${report.id}/diff?from=1&to=2`);
      expect(d.body.summary.text_vi).toBe('1 đoạn sửa, 0 đoạn thêm, 0 đoạn bỏ');
      expect(d.body.changes[0]!.words!.filter((w) => w.op !== 'same')).toEqual([{ op: 'removed', text: '7%' }, { op: 'added', text: '7,2%' }]);
    });

    it('carries the open comments and the groups\' records to the new version: same paragraph, a reworded one, or marked as on a removed paragraph', async () => {
      const text = (ps: readonly string[]) => ['I. MỤC TIÊU', ...ps].join('\n');
      const created = await admin.post<DiscussionDocumentView>(`${D}/documents`, { kind: 'review-report', title: 'Dự thảo Báo cáo kiểm điểm', access: 'delegates', text: text([
        'Tập thể Ban Chấp hành đoàn kết, thống nhất trong lãnh đạo.',
        'Công tác kiểm tra, giám sát còn chậm đổi mới về phương pháp.',
        'Một số chỉ tiêu về thu hút đầu tư chưa đạt như nghị quyết đề ra.',
      ]) });
      expect(created.status).toBe(201);
      const first = (await phones[0]!.get<UnitsPage>(`${D}/documents/${created.body.id}/units`)).body.units.filter((u) => u.kind === 'paragraph');
      const post = async (who: Client, unitId: number, body: string) =>
        (await who.post<CommentView>(`${D}/documents/${created.body.id}/comments`, { unitId, kind: 'other', text: body })).body;
      const same = await post(phones[0]!, first[0]!.id, 'Tán thành đánh giá về đoàn kết');
      const reworded = await post(phones[1]!, first[1]!.id, 'Đề nghị nêu rõ nguyên nhân chậm đổi mới');
      const removed = await post(phones[2]!, first[2]!.id, 'Đề nghị dẫn số liệu thu hút đầu tư');
      const withdrawn = await post(phones[2]!, first[0]!.id, 'Gửi nhầm');
      expect((await phones[2]!.post(`${D}/comments/${withdrawn.id}/void`, { reason: 'Gửi nhầm' })).status).toBe(200);
      // The groups' secretaries (phones 1 and 2) record opinions on the same paragraphs.
      const [g1, g2] = (await admin.get<GroupView[]>(`${D}/groups`)).body;
      const record = async (who: Client, group: GroupView, unitId: number, body: string) => {
        const r = await who.post<GroupOpinionView>(`${D}/groups/${group.id}/opinions`, { documentId: created.body.id, unitId, kind: 'other', text: body, agreeCount: 2 });
        expect(r.status).toBe(201);
        return r.body;
      };
      const groupSame = await record(phones[1]!, g1!, first[0]!.id, 'Tổ 1 tán thành đánh giá về đoàn kết');
      const groupReworded = await record(phones[2]!, g2!, first[1]!.id, 'Tổ 2 đề nghị làm rõ phương pháp kiểm tra');
      const groupRemoved = await record(phones[1]!, g1!, first[2]!.id, 'Tổ 1 đề nghị bổ sung số liệu đầu tư');
      const groupVoided = await record(phones[2]!, g2!, first[0]!.id, 'Ghi nhầm');
      expect((await phones[2]!.post(`${D}/group-opinions/${groupVoided.id}/void`, { reason: 'Ghi nhầm' })).status).toBe(200);

      const v2 = await admin.post<DiscussionDocumentView>(`${D}/documents/${created.body.id}/versions`, { text: text([
        'Tập thể Ban Chấp hành đoàn kết, thống nhất trong lãnh đạo.',
        'Công tác kiểm tra, giám sát có lúc chậm đổi mới về phương pháp và nội dung.',
        'Một đoạn mới về chuyển đổi số trong hoạt động của các cơ quan.',
      ]), note: 'Sau góp ý lần 1' });
      expect(v2.status, JSON.stringify(v2.body)).toBe(201);
      const second = (await phones[0]!.get<UnitsPage>(`${D}/documents/${created.body.id}/units`)).body.units.filter((u) => u.kind === 'paragraph');
      const all = new Map((await admin.get<CommentView[]>(`${D}/documents/${created.body.id}/comments`)).body.map((x) => [x.id, x]));
      expect(all.get(same.id)).toMatchObject({ unitId: second[0]!.id, carried: 'same', carriedFromRef: first[0]!.ref });
      expect(all.get(reworded.id)).toMatchObject({ unitId: second[1]!.id, carried: 'similar', carriedFromRef: first[1]!.ref });
      expect(all.get(removed.id)).toMatchObject({ unitId: first[2]!.id, carried: 'removed', carriedFromRef: null });
      expect(all.get(withdrawn.id)).toMatchObject({ unitId: first[0]!.id, carried: null, voided: true });
      // The groups' records went exactly where the comments on the same paragraphs went.
      const recorded = new Map([
        ...(await phones[1]!.get<GroupOpinionView[]>(`${D}/groups/${g1!.id}/opinions?document=${created.body.id}`)).body,
        ...(await phones[2]!.get<GroupOpinionView[]>(`${D}/groups/${g2!.id}/opinions?document=${created.body.id}`)).body,
      ].map((o) => [o.id, o]));
      expect(recorded.get(groupSame.id)).toMatchObject({ unitId: second[0]!.id, unitRef: second[0]!.ref, carried: 'same', carriedFromRef: first[0]!.ref });
      // Cited as the delegates read it: by its paragraph number, then where it stands.
      expect(recorded.get(groupSame.id)?.unitCite).toBe(`Đoạn ${second[0]!.number} (${second[0]!.ref})`);
      expect(recorded.get(groupReworded.id)).toMatchObject({ unitId: second[1]!.id, carried: 'similar', carriedFromRef: first[1]!.ref });
      expect(recorded.get(groupRemoved.id)).toMatchObject({ unitId: first[2]!.id, carried: 'removed', carriedFromRef: null });
      expect(recorded.get(groupVoided.id)).toMatchObject({ unitId: first[0]!.id, carried: null, voided: true });
      // The delegate finds their comment on the new version's paragraph, and may still change it.
      const mine = (await phones[1]!.get<UnitsPage>(`${D}/documents/${created.body.id}/units`)).body.units.find((u) => u.id === second[1]!.id)!;
      expect(mine.comments).toBe(1);

      const s = await admin.get<SynthesisView>(`${D}/documents/${created.body.id}/synthesis`);
      expect(s.status).toBe(200);
      const onSecond = s.body.units.find((u) => u.unitId === second[1]!.id)!;
      const carriedOn = (unitId: number) => Object.fromEntries(s.body.units.find((u) => u.unitId === unitId)!.clusters.flatMap((k) => k.opinions).map((o) => [o.key, o.carried]));
      expect(carriedOn(second[1]!.id)).toEqual({ [`c:${reworded.id}`]: 'similar', [`g:${groupReworded.id}`]: 'similar' });
      expect(carriedOn(second[0]!.id)).toEqual({ [`c:${same.id}`]: 'same', [`g:${groupSame.id}`]: 'same' });
      expect(onSecond.clusters.flatMap((k) => k.opinions).find((o) => o.key === `g:${groupReworded.id}`)).toMatchObject({ source: 'group', author: g2!.name });
      expect(s.body.removed).toEqual([
        expect.objectContaining({ key: `c:${removed.id}`, ref: first[2]!.ref, unitText: first[2]!.text, versionNumber: 1 }),
        expect.objectContaining({ key: `g:${groupRemoved.id}`, source: 'group', author: g1!.name, ref: first[2]!.ref, unitText: first[2]!.text, versionNumber: 1 }),
      ]);
      const entry = await db.db.selectFrom('audit_log').select('payload').where('action', '=', 'discussion.opinions.carry')
        .where('subject', '=', `discussion-document:${created.body.id}`).executeTakeFirstOrThrow();
      expect(JSON.parse(entry.payload)).toMatchObject({
        version: 2, comments: { same: 1, similar: 1, removed: 1 }, groupOpinions: { same: 1, similar: 1, removed: 1 },
      });
      // The printed synthesis shows the drafting committee the opinion on the removed paragraph.
      const docx = await admin.get<Buffer>(`${C}/printouts/discussion/${created.body.id}/report?format=docx`);
      expect(docx.status).toBe(200);
      const xml = documentXml(docx.body);
      expect(xml).toContain('Ý KIẾN VỀ CÁC ĐOẠN ĐÃ BỎ Ở PHIÊN BẢN NÀY');
      expect(xml).toContain('Đề nghị dẫn số liệu thu hút đầu tư');
    });

    it('imports a .docx with its headings and numbered paragraphs', async () => {
      const doc = new Document({ sections: [{ children: [
        new Paragraph({ text: 'DỰ THẢO QUY CHẾ LÀM VIỆC', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Chương I. Quy định chung' }),
        new Paragraph({ text: 'Điều 1. Quy chế này quy định việc tổ chức đại hội. Các đại biểu thực hiện nghiêm túc.' }),
        new Paragraph({ text: 'Chương II. Đoàn Chủ tịch' }),
        new Paragraph({ text: 'Đoàn Chủ tịch điều hành đại hội.' }),
      ] }] });
      const data = await Packer.toBuffer(doc);
      const created = await admin.post<DiscussionDocumentView>(`${D}/documents`, { kind: 'congress-rules', title: 'Quy chế làm việc', access: 'public' });
      // Refused before its body is read: the server answers 403 and closes the connection, so the client may meet
      // the closed socket (EPIPE) before it reads the answer.
      const phoneUpload = await phones[0]!.upload(`${D}/documents/${created.body.id}/docx`, 'quy-che.docx', data, 'application/octet-stream')
        .then((r) => r.status, (e: unknown) => (['EPIPE', 'ECONNRESET'].includes(String((e as { cause?: { code?: string } }).cause?.code)) ? 'closed' : e));
      expect([403, 'closed']).toContain(phoneUpload);
      const up = await admin.upload<DiscussionDocumentView>(`${D}/documents/${created.body.id}/docx`, 'quy-che.docx', data, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(up.status, JSON.stringify(up.body)).toBe(201);
      expect(up.body.versions[0]).toMatchObject({ source: 'docx', fileName: 'quy-che.docx', units: 5 });
      const page = await phones[0]!.get<UnitsPage>(`${D}/documents/${created.body.id}/units`);
      expect(page.body.units.map((u) => [u.kind, u.label])).toEqual([['heading', ''], ['heading', 'Chương I'], ['paragraph', 'Điều 1'], ['heading', 'Chương II'], ['paragraph', '']]);
      const notWord = await admin.upload(`${D}/documents/${created.body.id}/docx`, 'a.docx', new TextEncoder().encode('not a zip'), 'application/octet-stream');
      expect(notWord.status).toBe(415);
    });
  });

  describe('the resolution', () => {
    it('is adopted by show of hands as a whole and part by part against N_base, and printed', async () => {
      const text = 'Đại hội quyết nghị:\nI. THÔNG QUA BÁO CÁO CHÍNH TRỊ\nTán thành nội dung cơ bản của Báo cáo.\nII. MỤC TIÊU NHIỆM KỲ 2025 – 2030\nPhấn đấu hoàn thành toàn diện các chỉ tiêu.';
      const r = await admin.post<DiscussionDocumentView>(`${D}/documents`, { kind: 'draft-resolution', title: 'Dự thảo Nghị quyết Đại hội', access: 'public', text });
      for (const token of c.cardTokens.slice(0, 8)) expect((await admin.post(`${C}/sessions/${c.sessionId}/checkins`, { cardToken: token })).status).toBe(201);
      const view = await phones[0]!.get<ResolutionView>(`${D}/documents/${r.body.id}/resolution`);
      expect(view.body.parts.map((p) => p.ref)).toEqual(['', 'I.', 'II.']);
      expect((await phones[0]!.post(`${D}/documents/${r.body.id}/resolution/votes`, { partRef: '', agree: 8, disagree: 0, other: 0 })).status).toBe(403);
      // N_base 12: 6 is not more than half; a part fails, the whole with 7 passes.
      const part = await admin.post<{ passed: boolean; base: number }>(`${D}/documents/${r.body.id}/resolution/votes`, { partRef: 'I.', agree: 6, disagree: 2, other: 0 });
      expect(part.body).toMatchObject({ passed: false, base: 12 });
      expect((await admin.post(`${D}/documents/${r.body.id}/resolution/votes`, { partRef: 'IX.', agree: 6, disagree: 2, other: 0 })).status).toBe(404);
      expect((await admin.post(`${D}/documents/${r.body.id}/resolution/votes`, { partRef: '', agree: 9, disagree: 0, other: 0 })).status).toBe(422);
      // The new term's targets: refused without a number or a name, stored in order, then locked by the adoption.
      const T = `${D}/documents/${r.body.id}/resolution/targets`;
      const targets = [
        { name: 'Thu nhập bình quân đầu người đến năm 2030', target: '65 triệu đồng/người/năm' },
        { name: 'Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ hằng năm', target: 'trên 90%' },
      ];
      expect(view.body.targets).toEqual([]);
      expect(view.body.term).toBe('2025 – 2030');
      const noNumber = await admin.put<{ error: { message_vi: string; field: string } }>(T, { targets: [targets[0], { name: 'Tăng trưởng', target: 'cao hơn nhiệm kỳ trước' }] });
      expect(noNumber.status).toBe(400);
      expect(noNumber.body.error.message_vi).toContain('Mục tiêu phải có con số');
      expect(noNumber.body.error.field).toBe('body.targets[1].target');
      expect((await admin.put(T, { targets: [{ name: '  ', target: '65' }] })).status).toBe(400);
      expect((await admin.put(T, { targets: Array.from({ length: 101 }, (_, k) => ({ name: `Chỉ tiêu ${k}`, target: `${k}%` })) })).status).toBe(400);
      expect((await phones[0]!.put(T, { targets })).status).toBe(403);
      expect((await admin.put(`${D}/documents/${report.id}/resolution/targets`, { targets })).status).toBe(409);
      expect((await admin.put(T, { targets: [targets[1]] })).status).toBe(200);
      const saved = await admin.put<ResolutionView>(T, { targets });
      expect(saved.status).toBe(200);
      expect(saved.body.targets).toEqual(targets);
      expect((await phones[0]!.get<ResolutionView>(`${D}/documents/${r.body.id}/resolution`)).body.targets).toEqual(targets);
      // The ending term's assessment (the hall's slide) is another list, untouched.
      expect((await admin.get<{ targets: unknown[] }>(`${C}/targets`)).body.targets).toEqual([]);
      const whole = await admin.post<{ passed: boolean }>(`${D}/documents/${r.body.id}/resolution/votes`, { partRef: '', agree: 7, disagree: 1, other: 0 });
      expect(whole.body.passed).toBe(true);
      const after = await phones[0]!.get<ResolutionView>(`${D}/documents/${r.body.id}/resolution`);
      expect(after.body.adopted).toBe(true);
      expect(after.body.votes.map((v) => [v.partRef, v.passed])).toEqual([['I.', false], ['', true]]);
      const locked = await admin.put<{ error: { message_vi: string } }>(T, { targets: [targets[0]] });
      expect(locked.status).toBe(409);
      expect(locked.body.error.message_vi).toBe('Nghị quyết đã được Đại hội thông qua toàn văn: không thay đổi các chỉ tiêu được nữa.');
      expect(after.body.targets).toEqual(targets);
      // A voided adoption is no adoption: the targets can be corrected, then the whole is adopted again.
      const wholeId = after.body.votes.find((v) => v.partRef === '')!.voteId;
      expect((await admin.post(`${C}/votes/${wholeId}/void`, { reason: 'Ghi nhầm số' })).status).toBe(200);
      expect((await admin.get<ResolutionView>(`${D}/documents/${r.body.id}/resolution`)).body.adopted).toBe(false);
      expect((await admin.put(T, { targets })).status).toBe(200);
      expect((await admin.post(`${D}/documents/${r.body.id}/resolution/votes`, { partRef: '', agree: 7, disagree: 1, other: 0 })).status).toBe(201);
      expect((await admin.put(T, { targets })).status).toBe(409);
      const votes = await admin.get<{ subject: string }[]>(`${C}/votes`);
      expect(votes.body.map((v) => v.subject)).toContain('Thông qua toàn văn Dự thảo Nghị quyết Đại hội');
      const printed = await admin.get<Buffer>(`${C}/printouts/discussion/${r.body.id}/resolution?format=docx`);
      expect(printed.status).toBe(200);
      const xml = documentXml(printed.body);
      expect(xml).toContain('NGHỊ QUYẾT');
      expect(xml).toContain('Phấn đấu hoàn thành toàn diện các chỉ tiêu.');
      expect(xml).toContain('với 7 đại biểu tán thành trên tổng số 12 đại biểu làm căn cứ, đạt 58,33%');
      expect(xml).toContain('Các chỉ tiêu chủ yếu nhiệm kỳ 2025 – 2030');
      expect(xml).toContain('1Thu nhập bình quân đầu người đến năm 203065 triệu đồng/người/năm');
      const pdf = await admin.get<Buffer>(`${C}/printouts/discussion/${r.body.id}/resolution?format=pdf`);
      expect(pdf.status).toBe(200);
    });
  });

  it('audits every write', async () => {
    const actions = (await db.db.selectFrom('audit_log').select('action').where('action', 'like', 'discussion.%').execute()).map((a) => a.action);
    for (const a of ['discussion.document.create', 'discussion.document.update', 'discussion.version.add', 'discussion.comment.post', 'discussion.comment.update',
      'discussion.comment.void', 'discussion.group.create', 'discussion.group-opinion.record', 'discussion.synthesis.set', 'discussion.resolution-targets.set']) expect(actions, a).toContain(a);
  });
});
