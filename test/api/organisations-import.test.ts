/**
 * The member organisations imported from a file, like the delegate list: the template, a valid .xlsx imported whole
 * and audited, a bad file refused whole with every row and column at fault (nothing saved), duplicates by name and
 * ordinal, who may import, and the delegate import's limits (bytes, rows, a zip bomb) on this import too.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readXlsxRowsBounded } from '../../src/import/xlsx-stream.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { xlsxBomb } from '../support/hostile-files.ts';
import type { ErrorReply } from './support/client.ts';
import { setupSmallCongress, type SmallCongress } from './support/congress.ts';
import { fingerprint } from './support/fingerprint.ts';
import { startServer, type RunningServer } from './support/server.ts';

interface Org { readonly id: number; readonly name: string; readonly role: string; readonly partyMembers: number | null; readonly position: number; readonly active: boolean }
type Refusal = ErrorReply & { issues?: { row: number; column: string | null; code: string; message_vi: string }[] };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEAD = ['Số thứ tự', 'Tên tổ chức đảng', 'Số đảng viên'];

const workbook = async (rows: readonly (readonly (string | number)[])[]): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tổ chức đảng');
  for (const r of rows) ws.addRow([...r]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
};
const csv = (lines: readonly string[]): Uint8Array => new TextEncoder().encode(`${lines.join('\n')}\n`);

describeEachDatabase('api: organisations imported from a file', (db) => {
  let server: RunningServer;
  let c: SmallCongress;
  let C = '';
  const list = async (): Promise<Org[]> => (await c.clients.secretariat.get<Org[]>(`${C}/organisations`)).body;
  const audits = async () => db.db.selectFrom('audit_log').select(['subject', 'payload', 'actor']).where('action', '=', 'organisation.import').orderBy('id').execute();

  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'nhap-to-chuc', 2);
    C = `/api/congresses/${c.code}`;
  });
  afterAll(async () => { await server?.stop(); });

  it('serves the template: its headers and an example row', async () => {
    const r = await c.clients.secretariat.raw('GET', `${C}/organisations-template.xlsx`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(XLSX);
    const rows = await readXlsxRowsBounded(new Uint8Array(await r.arrayBuffer()), 10);
    expect(rows.ok && rows.value).toEqual([HEAD, ['1', 'Chi bộ Văn phòng', '15']]);
    expect((await c.clients.presidium.raw('GET', `${C}/organisations-template.xlsx`)).status).toBe(403);
  });

  it('refuses a bad file whole, every row and column named in Vietnamese; nothing saved', async () => {
    const before = await fingerprint(db.db);
    const file = await workbook([HEAD, [1, 'Chi bộ Khu phố 1', 12], [2, '', 9], [3, 'Chi bộ văn phòng', 4], [4, 'Chi bộ Khu phố 3', 'mười'], [3, 'CHI BỘ KHU PHỐ 1', 3]]);
    const r = await c.clients.secretariat.upload<Refusal>(`${C}/organisations-import`, 'to-chuc.xlsx', file, XLSX);
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'import.invalid', message_vi: 'Tệp có 5 lỗi; không tổ chức đảng nào được nhập.' });
    expect(r.body.issues?.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'Tên tổ chức đảng', 'import.missing'],
      // The small congress already has "Chi bộ Văn phòng".
      [4, 'Tên tổ chức đảng', 'import.duplicate'],
      [5, 'Số đảng viên', 'import.invalid-cell'],
      [6, 'Tên tổ chức đảng', 'import.duplicate'],
      [6, 'Số thứ tự', 'import.duplicate'],
    ]);
    expect(r.body.issues?.[3]?.message_vi).toBe('Tổ chức đảng "CHI BỘ KHU PHỐ 1" trùng với dòng 2.');
    expect(r.body.issues?.[4]?.message_vi).toBe('Số thứ tự 3 trùng với dòng 4.');
    expect(await fingerprint(db.db)).toEqual(before);
  });

  it('imports a valid .xlsx whole: members, after the organisations already there, in the order of the ordinals; audited', async () => {
    const before = await list();
    const last = Math.max(...before.map((o) => o.position));
    const file = await workbook([['Tên tổ chức đảng', 'Số thứ tự', 'Số đảng viên'], ['Chi bộ Khu phố 2', 2, 18], ['Chi bộ Khu phố 1', 1, 15], ['Chi bộ Trường Tiểu học', '', '']]);
    const r = await c.clients.secretariat.upload<{ imported: number }>(`${C}/organisations-import`, 'to-chuc.xlsx', file, XLSX);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toEqual({ imported: 3 });
    const added = (await list()).slice(before.length);
    expect(added.map((o) => [o.name, o.partyMembers, o.position, o.role, o.active])).toEqual([
      ['Chi bộ Khu phố 1', 15, last + 1, 'member', true],
      ['Chi bộ Khu phố 2', 18, last + 2, 'member', true],
      ['Chi bộ Trường Tiểu học', null, last + 3, 'member', true],
    ]);
    const logged = await audits();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.subject).toMatch(/^congress:\d+$/u);
    expect(JSON.parse(logged[0]!.payload)).toEqual({ file: 'to-chuc.xlsx', count: 3, names: ['Chi bộ Khu phố 1', 'Chi bộ Khu phố 2', 'Chi bộ Trường Tiểu học'] });
    // The same file again: every name is now taken; nothing more saved.
    const again = await c.clients.secretariat.upload<Refusal>(`${C}/organisations-import`, 'to-chuc.xlsx', file, XLSX);
    expect(again.status).toBe(422);
    expect(again.body.issues?.map((i) => i.code)).toEqual(['import.duplicate', 'import.duplicate', 'import.duplicate']);
    // A deactivated organisation keeps its name taken (nothing is deleted).
    const off = added[2]!;
    expect((await c.clients.secretariat.patch(`${C}/organisations/${off.id}`, { active: false })).status).toBe(200);
    const reused = await c.clients.secretariat.upload<Refusal>(`${C}/organisations-import`, 'ds.csv', csv(['Tên tổ chức đảng', 'Chi bộ Trường Tiểu học']), 'text/csv');
    expect(reused.body.issues?.map((i) => [i.row, i.code])).toEqual([[2, 'import.duplicate']]);
    expect(await audits()).toHaveLength(1);
  });

  it('lets only the office import: the presidium, a delegate, no one signed in are refused before the file is read; nothing saved', async () => {
    const before = await fingerprint(db.db);
    const file = csv(['Tên tổ chức đảng', 'Chi bộ Không được']);
    for (const role of ['presidium', 'counting-board', 'technician', 'screen', 'delegate', 'no-role'] as const) {
      expect((await c.clients[role].upload(`${C}/organisations-import`, 'ds.csv', file, 'text/csv')).status, role).toBe(403);
    }
    expect((await c.clients.anonymous.upload(`${C}/organisations-import`, 'ds.csv', file, 'text/csv')).status).toBe(401);
    expect(await fingerprint(db.db)).toEqual(before);
    const admin = await c.clients.admin.upload<{ imported: number }>(`${C}/organisations-import`, 'ds.csv', csv(['Tên tổ chức đảng,Số đảng viên', 'Chi bộ Quản trị,"1.200"']), 'text/csv');
    expect(admin.status, JSON.stringify(admin.body)).toBe(201);
    expect((await list()).find((o) => o.name === 'Chi bộ Quản trị')?.partyMembers).toBe(1200);
  });

  it('holds the delegate import\'s limits: bytes, rows, a zip bomb, a file that is no list; nothing saved, the server answers', async () => {
    const before = await fingerprint(db.db);
    const office = c.clients.secretariat;
    const big = await office.upload<ErrorReply>(`${C}/organisations-import`, 'lon.csv', new Uint8Array(5 * 1024 * 1024 + 1).fill(65), 'text/csv');
    expect(big.status).toBe(413);
    expect(big.body.error.message_vi).toBe('Tệp quá lớn.');
    const names = Array.from({ length: 5001 }, (_, i) => `Chi bộ số ${i + 1}`);
    const many = await office.upload<Refusal>(`${C}/organisations-import`, 'nhieu.csv', csv(['Tên tổ chức đảng', ...names]), 'text/csv');
    expect(many.status).toBe(422);
    expect(many.body.issues?.map((i) => i.code)).toEqual(['import.too-many-rows']);
    const bomb = await office.upload<ErrorReply>(`${C}/organisations-import`, 'bom.xlsx', xlsxBomb(40), XLSX);
    expect(bomb.status).toBe(400);
    expect(bomb.body.error.code).toBe('xlsx.too-large');
    const pdf = await office.upload<ErrorReply>(`${C}/organisations-import`, 'to-chuc.pdf', new TextEncoder().encode('%PDF-1.4'), 'application/pdf');
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.code).toBe('import.file-type');
    expect((await office.get('/api/health')).status).toBe(200);
    expect(await fingerprint(db.db)).toEqual(before);
    // 5,000 rows, the most allowed, import.
    const most = await office.upload<{ imported: number }>(`${C}/organisations-import`, 'du.csv', csv(['Tên tổ chức đảng', ...names.slice(0, 5000)]), 'text/csv');
    expect(most.status, JSON.stringify(most.body).slice(0, 300)).toBe(201);
    expect(most.body.imported).toBe(5000);
  });
});
