/**
 * Restoring a file from outside (a USB stick in the hall): a crafted file must not create a server administrator
 * or any account with a known password, nor a state the API could not create (a round status or result the server
 * cannot read, one independent entry per batch), and a refusal is exit 2 naming the table, row and column. Backups
 * never hold password hashes; a file is authenticated with the backup key, and an older, unsigned one restores
 * only when the operator accepts it — still checked row by row.
 *
 * Files are crafted as an attacker would: a real backup, edited, its SHA-256 checksum recomputed (what a file
 * without a key-based signature allows).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { canonicalJson } from '../../src/store/canonical-json.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { insertRichCongress } from '../support/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'daihoi-restore-attack-'));
const keyFile = join(dir, 'backup.key');
writeFileSync(keyFile, randomBytes(32).toString('hex'));
const otherKeyFile = join(dir, 'other.key');
writeFileSync(otherKeyFile, randomBytes(32).toString('hex'));

const run = async (argv: string[]): Promise<{ code: number; out: string }> => {
  let out = '';
  const code = await runCli(argv, { stdout: (s) => { out += s; }, stderr: (s) => { out += s; } });
  return { code, out };
};

type Row = Record<string, unknown>;
interface FileShape { format: string; version: number; congressCode: string; tables: Record<string, Row[]>; audit: Row[]; [k: string]: unknown }

/** What a file without a key allows: edit it, then write a fresh SHA-256 over its content (the old format's checksum). */
const forge = (path: string, edit: (f: FileShape) => void): string => {
  const f = JSON.parse(readFileSync(path, 'utf8')) as FileShape;
  edit(f);
  const { format, congressCode, tables, audit } = f;
  const forged: FileShape = { format, version: 1, congressCode, tables, audit, createdAt: new Date().toISOString() };
  forged['checksum'] = createHash('sha256').update(canonicalJson({ format, version: 1, congressCode, tables, audit }), 'utf8').digest('hex');
  const out = join(dir, `forged-${randomBytes(4).toString('hex')}.json`);
  writeFileSync(out, JSON.stringify(forged));
  return out;
};

describeEachDatabase('security: restoring a file from outside', (ctx) => {
  const backupOf = async (code: string): Promise<string> => {
    await insertRichCongress(ctx.db, code);
    const file = join(dir, `${code}-${ctx.dialect}.json`);
    const b = await run(['backup', file, '--congress', code, '--key', keyFile, '--database', ctx.database.url]);
    expect(b.code, b.out).toBe(0);
    return file;
  };

  it('writes no password hash into a backup', async () => {
    const file = await backupOf('atk-hash');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('password_hash');
    expect(text).not.toMatch(/\$argon2/u);
  });

  it('a crafted file creates no server administrator and no account with a known password', async () => {
    const file = await backupOf('atk-admin');
    const knownHash = await hash('mat-khau-ke-gian-1');
    const forged = forge(file, (f) => {
      f.tables['users']!.push({ id: 990001, username: 'ke-gian', display_name: 'Kẻ gian', password_hash: knownHash, is_server_admin: 1,
        disabled_at: null, created_at: '2025-07-15T01:00:00.000Z' });
      f.tables['user_roles']!.push({ id: 990002, user_id: 990001, congress_id: f.tables['congresses']![0]!['id'], role: 'admin', election_id: null });
    });
    const target = await ctx.fresh();
    const plain = await run(['restore', forged, '--key', keyFile, '--database', target.url]);
    expect(plain.code, plain.out).toBe(2);
    expect(plain.out).toMatch(/^Lỗi.*chưa được ký|^Lỗi.*không được ký/mu);
    expect(plain.out).toMatch(/^Error.*not signed/mu);
    expect(await target.db.selectFrom('users').select('id').where('username', '=', 'ke-gian').execute()).toEqual([]);

    // Accepted as an old file, with its accounts: the account exists, but neither as an administrator nor with that password.
    const accepted = await run(['restore', forged, '--accept-unsigned', '--with-accounts', '--key', keyFile, '--database', target.url]);
    expect(accepted.code, accepted.out).toBe(0);
    const user = await target.db.selectFrom('users').selectAll().where('username', '=', 'ke-gian').executeTakeFirstOrThrow();
    expect(user.is_server_admin).toBe(0);
    expect(user.password_hash).not.toBe(knownHash);
    expect(await verify(user.password_hash, 'mat-khau-ke-gian-1')).toBe(false);
    expect(await target.db.selectFrom('users').select('id').where('is_server_admin', '=', 1).execute()).toEqual([]);

    // Without --with-accounts no account is restored at all.
    const again = await ctx.fresh();
    const noAccounts = await run(['restore', forged, '--accept-unsigned', '--key', keyFile, '--database', again.url]);
    expect(noAccounts.code, noAccounts.out).toBe(0);
    expect(await again.db.selectFrom('users').select('username').execute()).toEqual([]);
  });

  /** Each forged file is refused naming the row and the column, in both languages, and restores nothing. */
  const refusesEach = async (file: string, cases: ReadonlyArray<[string, (f: FileShape) => void, RegExp]>): Promise<void> => {
    for (const [name, edit, where] of cases) {
      const target = await ctx.fresh();
      const r = await run(['restore', forge(file, edit), '--accept-unsigned', '--key', keyFile, '--database', target.url]);
      expect(r.code, `${name}: ${r.out}`).toBe(2);
      expect(r.out, name).toMatch(new RegExp(`^Lỗi.*${where.source}`, 'mu'));
      expect(r.out, name).toMatch(new RegExp(`^Error.*${where.source}`, 'mu'));
      expect(await target.db.selectFrom('congresses').select('id').execute(), name).toEqual([]);
    }
  };

  it('refuses a round status or result the server cannot read, and one entry per batch, naming the row and the column (exit 2)', async () => {
    const file = await backupOf('atk-rows');
    const cases: Array<[string, (f: FileShape) => void, RegExp]> = [
      ['status', (f) => { f.tables['election_rounds']![0]!['status'] = 'bị-sửa'; }, /election_rounds, (dòng|row) 1 .*(cột|column) status/u],
      ['result', (f) => { f.tables['election_rounds']![0]!['result'] = '{"type":"election","count":{"elected":"tất cả"}}'; }, /election_rounds, (dòng|row) 1 .*(cột|column) result/u],
      ['entries', (f) => { f.tables['counting_batches']![0]!['entries_required'] = 1; }, /counting_batches, (dòng|row) 1 .*(cột|column) entries_required/u],
    ];
    await refusesEach(file, cases);
  });

  it('restores the discussion, and refuses a discussion row the API could not have stored, naming the row and the column (exit 2)', async () => {
    const file = await backupOf('atk-disc');
    const fine = await ctx.fresh();
    const ok = await run(['restore', file, '--key', keyFile, '--database', fine.url]);
    expect(ok.code, ok.out).toBe(0);
    const restored = await fine.db.selectFrom('discussion_comments').innerJoin('discussion_units', 'discussion_units.id', 'discussion_comments.unit_id')
      .select(['discussion_comments.text', 'discussion_units.text as unit']).where('discussion_comments.voided_at', 'is', null).execute();
    expect(restored).toEqual([{ text: 'Đề nghị nâng chỉ tiêu.', unit: 'Tăng trưởng bình quân 7,5% mỗi năm.' }]);
    const doc = await fine.db.selectFrom('discussion_documents').innerJoin('discussion_versions', 'discussion_versions.id', 'discussion_documents.current_version_id')
      .select('discussion_versions.number').executeTakeFirstOrThrow();
    expect(doc.number).toBe(2);
    const targets = await fine.db.selectFrom('discussion_resolution_targets').select(['position', 'target']).orderBy('position').execute();
    expect(targets).toEqual([{ position: 1, target: '65 triệu đồng/người/năm' }, { position: 2, target: 'trên 90% hằng năm' }]);

    const cases: Array<[string, (f: FileShape) => void, RegExp]> = [
      ['no wording', (f) => { f.tables['discussion_comments']![0]!['proposed_text'] = null; }, /discussion_comments, (dòng|row) 1 .*(cột|column) proposed_text/u],
      ['phone without delegate', (f) => { f.tables['discussion_comments']![0]!['delegate_id'] = null; }, /discussion_comments, (dòng|row) 1 .*(cột|column) delegate_id/u],
      ['accepted without wording', (f) => { f.tables['discussion_syntheses']![0]!['new_text'] = null; }, /discussion_syntheses, (dòng|row) 1 .*(cột|column) (new_text|status)/u],
      ['units count', (f) => { f.tables['discussion_versions']![1]!['units'] = 7; }, /discussion_versions, (dòng|row) 2 .*(cột|column) units/u],
      ['unit of another document', (f) => {
        const docs = f.tables['discussion_documents']!;
        docs.push({ ...docs[0]!, id: 990010, current_version_id: null, title: 'Văn kiện khác' });
        f.tables['discussion_comments']![0]!['document_id'] = 990010;
      }, /discussion_comments, (dòng|row) 1 .*(cột|column) unit_id/u],
      ['kind', (f) => { f.tables['discussion_documents']![0]!['access'] = 'mọi người'; }, /discussion_documents, (dòng|row) 1 .*(cột|column) access/u],
    ];
    await refusesEach(file, cases);
  });

  it('refuses a resolution\'s new-term target without its number, or on a document that is no resolution (exit 2)', async () => {
    const file = await backupOf('atk-targets');
    await refusesEach(file, [
      ['target without its number', (f) => { f.tables['discussion_resolution_targets']![1]!['target'] = 'cao hơn'; }, /discussion_resolution_targets, (dòng|row) 2 .*(cột|column) target/u],
      ['targets of a document that is no resolution', (f) => { f.tables['discussion_documents']![0]!['kind'] = 'political-report'; },
        /discussion_resolution_targets, (dòng|row) 1 .*(cột|column) document_id/u],
    ]);
  });

  it('restoring beside the original — same code, or the code edited — is a clear refusal (exit 2), never a raw database error', async () => {
    const file = await backupOf('atk-twice');
    const same = await run(['restore', file, '--key', keyFile, '--database', ctx.database.url]);
    expect(same.code, same.out).toBe(2);
    expect(same.out).toContain('Đã có đại hội mã "atk-twice"');
    const renamed = forge(file, (f) => {
      f.congressCode = 'atk-twice-2';
      f.tables['congresses']![0]!['code'] = 'atk-twice-2';
    });
    const r = await run(['restore', renamed, '--accept-unsigned', '--key', keyFile, '--database', ctx.database.url]);
    expect(r.code, r.out).toBe(2);
    expect(r.out).not.toMatch(/Sqlite|duplicate key|UNIQUE constraint/iu);
    expect(r.out).toMatch(/^Lỗi.*delegates.*card_token/mu);
  });

  it('a signed file restores under its key only, and not once edited', async () => {
    const file = await backupOf('atk-signed');
    const target = await ctx.fresh();
    const other = await run(['restore', file, '--key', otherKeyFile, '--database', target.url]);
    expect(other.code, other.out).toBe(2);
    expect(other.out).toMatch(/^Error.*not this server's key/mu);
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, readFileSync(file, 'utf8').replace('Nguyễn Văn 1', 'Nguyễn Văn 9'));
    const e = await run(['restore', edited, '--key', keyFile, '--database', target.url]);
    expect(e.code, e.out).toBe(2);
    expect(e.out).toMatch(/^Error.*signature/mu);
    const good = await run(['restore', file, '--key', keyFile, '--database', target.url]);
    expect(good.code, good.out).toBe(0);
  });
});
