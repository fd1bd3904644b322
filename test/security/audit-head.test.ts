/**
 * Someone with the database deletes the last audit entries and resets the numbering: the chain that is left is
 * intact and `audit verify` alone passes. Every set of minutes prints the head of the chain when it was drawn, and
 * `daihoi audit verify --head HASH` fails (exit 1) when the chain no longer reaches that head.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { docxText, pdfText } from '../../src/documents/testing/extract.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { congressServer } from './support.ts';

const verify = async (url: string, head?: string): Promise<{ code: number; out: string }> => {
  let out = '';
  const code = await runCli(['audit', 'verify', ...(head === undefined ? [] : ['--head', head]), '--database', url],
    { stdout: (s) => { out += s; }, stderr: (s) => { out += s; } });
  return { code, out };
};

describeEachDatabase('security: the audit chain\'s head in the minutes', (ctx) => {
  const s = congressServer(ctx, 'dau-chuoi', 4);

  it('prints the head (number and hash) in the show-of-hands record, PDF and Word; verify --head fails once the tail is cut', async () => {
    const { c, admin, C } = s;
    for (const id of c.delegateIds) expect((await admin.post(`${C}/sessions/${c.sessionId}/checkins`, { delegateId: id })).status).toBeLessThan(300);
    const body = await admin.post<{ id: number }>(`${C}/bodies`, { kind: 'secretariat', title: 'Đoàn Thư ký', members: [{ delegateId: c.delegateIds[0], role: 'head' }] });
    expect(body.status).toBe(201);
    expect((await admin.post(`${C}/bodies/${body.body.id}/approval`, { agree: 4, disagree: 0, other: 0 })).status).toBeLessThan(300);
    const last = await ctx.db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

    const pdf = await admin.get<Buffer>(`${C}/printouts/show-of-hands?format=pdf`);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body).replace(/\s+/gu, ' ');
    expect(text).toContain(`mục số ${last.id}, mã băm SHA-256 ${last.hash}`);
    const docx = await admin.get<Buffer>(`${C}/printouts/show-of-hands?format=docx`);
    expect(docxText(docx.body)).toContain(last.hash);

    expect((await verify(ctx.database.url, last.hash)).code).toBe(0);
    // The tampering: the triggers dropped, the entries from the printed head on deleted, the numbering reset.
    if (ctx.dialect === 'sqlite') {
      await sql`drop trigger audit_log_no_delete`.execute(ctx.db);
      await sql`delete from audit_log where id >= ${last.id}`.execute(ctx.db);
      await sql`update sqlite_sequence set seq = ${last.id - 1} where name = 'audit_log'`.execute(ctx.db);
    } else {
      await sql`drop trigger audit_log_append_only on audit_log`.execute(ctx.db);
      await sql`delete from audit_log where id >= ${last.id}`.execute(ctx.db);
      await sql`select setval(pg_get_serial_sequence('audit_log', 'id'), ${last.id - 1})`.execute(ctx.db);
    }
    const plain = await verify(ctx.database.url);
    expect(plain.code, plain.out).toBe(0);
    const withHead = await verify(ctx.database.url, last.hash);
    expect(withHead.code, withHead.out).toBe(1);
    expect(withHead.out).toContain(last.hash);
  });
});
