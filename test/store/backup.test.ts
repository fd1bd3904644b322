import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { verifyAuditChain } from '../../src/store/audit.ts';
import { comparableTables } from '../../src/store/backup-compare.ts';
import { BACKUP_TABLES, rowsOf, type BackupContent } from '../../src/store/backup-format.ts';
import { backupKeyText, parseBackupKey, type BackupKey } from '../../src/store/backup-key.ts';
import { baseExclusionsToJson } from '../../src/store/base-exclusions-json.ts';
import { readBackupFile, restoreBackup, type RestoreOptions } from '../../src/server/restore.ts';
import { createBackup, signBackup, writeBackupFile } from '../../src/store/backup.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { insertRichCongress, insertSmallCongress, RICH_DOCUMENT } from '../support/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'daihoi-backup-'));
const mustKey = (k: ReturnType<typeof parseBackupKey>): BackupKey => { if (!k.ok) throw new Error(k.error.message_en); return k.value; };
const key = mustKey(parseBackupKey(randomBytes(32).toString('hex'), 'test'));
const keyFile = join(dir, 'backup.key');
writeFileSync(keyFile, backupKeyText(key));
const checked = { key };
const withAccounts: RestoreOptions = { accounts: { newPassword: async () => ({ password: 'mat-khau-moi-123', hash: 'hash' }) } };

const run = async (argv: string[]): Promise<{ code: number; out: string }> => {
  let out = '';
  const code = await runCli(argv, { stdout: (s) => { out += s; }, stderr: (s) => { out += s; } });
  return { code, out };
};

describeEachDatabase('store: backup and restore of a congress', (ctx) => {
  it('backup → restore into a server with other congresses → backup again: the same content modulo ids', async () => {
    await insertRichCongress(ctx.db, 'bk-rich');
    const first = await createBackup(ctx.db, 'bk-rich', key);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    for (const t of BACKUP_TABLES) expect(rowsOf(first.value, t).length, t).toBeGreaterThan(0);
    const file = join(dir, `rich-${ctx.dialect}.json.gz`);
    await writeBackupFile(file, first.value);
    const read = await readBackupFile(file, checked);
    expect(read.ok, JSON.stringify(!read.ok && read.error)).toBe(true);
    if (!read.ok) return;

    const target = await ctx.fresh();
    await insertRichCongress(target.db, 'someone-else'); // ids in the target are taken: restore must remap
    const restored = await restoreBackup(target.db, read.value, withAccounts);
    expect(restored.ok, JSON.stringify(!restored.ok && restored.error)).toBe(true);
    if (!restored.ok) return;
    expect(restored.value.rows.delegates).toBe(4);
    const second = await createBackup(target.db, 'bk-rich', key);
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(comparableTables(second.value)).toEqual(comparableTables(first.value));
    expect(second.value.tables.delegates.map((d) => d['id'])).not.toEqual(first.value.tables.delegates.map((d) => d['id']));
    const doc = await target.db.selectFrom('documents').select('content').where('congress_id', '=', restored.value.congressId)
      .executeTakeFirstOrThrow();
    expect(Array.from(doc.content)).toEqual([...RICH_DOCUMENT]);
    const newCandidate = await target.db.selectFrom('candidates').select('id').where('congress_id', '=', restored.value.congressId)
      .where('position', '=', 1).executeTakeFirstOrThrow();
    const event = await target.db.selectFrom('counting_events').select('event').where('congress_id', '=', restored.value.congressId)
      .where('type', '=', 'ballot-entered').executeTakeFirstOrThrow();
    expect(JSON.parse(event.event)).toMatchObject({ ballot: { struck: [String(newCandidate.id)] }, batchId: '1', terminal: '1' });
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
    const audit = await target.db.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toEqual(['congress.restore']);
    const round = await target.db.selectFrom('election_rounds').select('result')
      .where('congress_id', '=', restored.value.congressId).where('result', 'is not', null).executeTakeFirstOrThrow();
    const newSecond = await target.db.selectFrom('candidates').select('id').where('congress_id', '=', restored.value.congressId)
      .where('position', '=', 2).executeTakeFirstOrThrow();
    expect(JSON.parse(round.result!)).toMatchObject({ count: { elected: [String(newSecond.id)] } });

    const again = await restoreBackup(target.db, read.value, withAccounts);
    expect(!again.ok && again.error.code).toBe('backup.congress-exists');
  });

  it('refuses a file whose content was edited (signature) or is not a backup', async () => {
    await insertSmallCongress(ctx.db, 'bk-edit', 2);
    const b = await createBackup(ctx.db, 'bk-edit', key);
    if (!b.ok) throw new Error(b.error.message_en);
    const file = join(dir, `edit-${ctx.dialect}.json`);
    await writeBackupFile(file, b.value);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Nguyễn Văn 1', 'Nguyễn Văn 9'));
    const r = await readBackupFile(file, checked);
    expect(!r.ok && r.error.code).toBe('backup.signature');
    writeFileSync(file, '{"format":"other"}');
    const r2 = await readBackupFile(file, checked);
    expect(!r2.ok && r2.error.code).toBe('backup.format');
    expect((await createBackup(ctx.db, 'no-such-congress', key)).ok).toBe(false);
  });

  it('keeps the exclusions from N_base snapshotted at a vote (no ids: as they are); a file written before migration 0006 restores them as null, one before 0005 its scan jobs with the defaults', async () => {
    await insertRichCongress(ctx.db, 'bk-base');
    const congress = await ctx.db.selectFrom('congresses').select('id').where('code', '=', 'bk-base').executeTakeFirstOrThrow();
    const snapshot = baseExclusionsToJson({ kind: 'delegates', officialSummoned: 4, conveningMembersAbsentWhole: 0, officialsAbsentWholeNotReplaced: 1 });
    await ctx.db.updateTable('election_rounds').set({ base_exclusions: snapshot }).where('congress_id', '=', congress.id).where('number', '=', 1).execute();
    await ctx.db.updateTable('votes').set({ base_exclusions: snapshot }).where('congress_id', '=', congress.id).execute();
    const b = await createBackup(ctx.db, 'bk-base', key);
    if (!b.ok) throw new Error(b.error.message_en);
    expect(b.value.tables.election_rounds.map((r) => r['base_exclusions'])).toContain(snapshot);
    expect(b.value.tables.votes.map((r) => r['base_exclusions'])).toEqual([snapshot]);

    const restoredSnapshots = async (file: string): Promise<Array<string | null>> => {
      const read = await readBackupFile(file, checked);
      if (!read.ok) throw new Error(read.error.message_en);
      const target = await ctx.fresh();
      const restored = await restoreBackup(target.db, read.value, withAccounts);
      if (!restored.ok) throw new Error(restored.error.message_en);
      const rounds = await target.db.selectFrom('election_rounds').select('base_exclusions').where('congress_id', '=', restored.value.congressId)
        .where('number', '=', 1).execute();
      const votes = await target.db.selectFrom('votes').select('base_exclusions').where('congress_id', '=', restored.value.congressId).execute();
      return [...rounds, ...votes].map((r) => r.base_exclusions);
    };
    const now = join(dir, `base-${ctx.dialect}.json`);
    await writeBackupFile(now, b.value);
    const kept = await restoredSnapshots(now);
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(new Set(kept)).toEqual(new Set([snapshot]));

    // The same congress as a file written before migration 0006: no base_exclusions in its rows.
    const { authentication: _a, ...content } = b.value as Extract<typeof b.value, { version: 2 }>;
    const drop = (rows: typeof content.tables.votes) => rows.map(({ base_exclusions: _x, ...rest }) => rest);
    const older: BackupContent = { ...content, tables: { ...content.tables, election_rounds: drop(content.tables.election_rounds), votes: drop(content.tables.votes) } };
    const old = join(dir, `base-old-${ctx.dialect}.json`);
    await writeBackupFile(old, signBackup(older, key));
    expect(new Set(await restoredSnapshots(old))).toEqual(new Set([null]));

    // A file written before migration 0005 too: no scan_files table, scan jobs without the reading's columns.
    const { scan_files: _files, ...before0005 } = older.tables;
    const later = ['files', 'files_read', 'sheets_read', 'ballots', 'error', 'lease_until'];
    const oldest: BackupContent = { ...older, tables: { ...before0005, scan_jobs: older.tables.scan_jobs.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !later.includes(k)))) } };
    await writeBackupFile(old, signBackup(oldest, key));
    const file0004 = await readBackupFile(old, checked);
    expect(file0004.ok, JSON.stringify(!file0004.ok && file0004.error)).toBe(true);
    if (!file0004.ok) return;
    const target = await ctx.fresh();
    const restored = await restoreBackup(target.db, file0004.value, withAccounts);
    expect(restored.ok, JSON.stringify(restored)).toBe(true);
    if (!restored.ok) return;
    const jobs = await target.db.selectFrom('scan_jobs').select(['status', 'files', 'ballots', 'error']).where('congress_id', '=', restored.value.congressId).execute();
    expect(jobs).toEqual([{ status: 'review', files: 0, ballots: 0, error: null }]);

    // Only those later columns may be missing: a row without another column is still refused.
    const broken: BackupContent = { ...content, tables: { ...content.tables, votes: content.tables.votes.map(({ present: _p, ...rest }) => rest) } };
    await writeBackupFile(old, signBackup(broken, key));
    const refused = await readBackupFile(old, checked);
    expect(!refused.ok && refused.error.code).toBe('backup.columns');
  });

  it('CLI: daihoi backup FILE --congress CODE, then daihoi restore FILE into another database', async () => {
    await insertRichCongress(ctx.db, 'bk-cli');
    const file = join(dir, `cli-${ctx.dialect}.json`);
    const b = await run(['backup', file, '--congress', 'bk-cli', '--key', keyFile, '--database', ctx.database.url]);
    expect(b.out).toContain('Đã sao lưu đại hội "bk-cli"');
    expect(b.code).toBe(0);
    const target = await ctx.fresh();
    const r = await run(['restore', file, '--key', keyFile, '--database', target.url]);
    expect(r.out).toContain('Đã khôi phục đại hội "bk-cli"');
    expect(r.code).toBe(0);
    const r2 = await run(['restore', file, '--key', keyFile, '--database', target.url]);
    expect(r2.code).toBe(2);
    expect(r2.out).toContain('Đã có đại hội mã "bk-cli"');
    const missing = await run(['backup', file, '--key', keyFile, '--database', target.url]);
    expect(missing.code).toBe(2);
  });
});
