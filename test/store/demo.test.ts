import { verify } from '@node-rs/argon2';
import { expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load.ts';
import { DEMO_CODE } from '../../src/demo/seed-data.ts';
import { loadAttendance } from '../../src/store/attendance.ts';
import { verifyAuditChain } from '../../src/store/audit.ts';
import { comparableTables } from '../../src/store/backup-compare.ts';
import { randomBytes } from 'node:crypto';
import { checkBackup, restoreBackup } from '../../src/server/restore.ts';
import { createBackup } from '../../src/store/backup.ts';
import { parseBackupKey } from '../../src/store/backup-key.ts';
import { describeEachDatabase } from '../support/databases.ts';

const count = async (db: Parameters<typeof loadDemo>[0], table: 'delegates' | 'organisations' | 'candidates' | 'user_roles', congressId: number) =>
  (await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('congress_id', '=', congressId)
    .executeTakeFirstOrThrow()).n;

describeEachDatabase('demo: the seed congress in a database', (ctx) => {
  it('loads once, in one audited transaction; refuses twice; replaces with replace; backs up and restores identically', async () => {
    const loaded = await loadDemo(ctx.db, { passwords: { 'lso.quantri': 'mat-khau-thu' } });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const { congressId } = loaded.value;
    expect(await count(ctx.db, 'delegates', congressId)).toBe(260);
    expect(await count(ctx.db, 'organisations', congressId)).toBe(70);
    expect(await count(ctx.db, 'candidates', congressId)).toBe(27 + 24);
    expect(await count(ctx.db, 'user_roles', congressId)).toBe(8);
    const attendance = await loadAttendance(ctx.db, congressId);
    expect(attendance.ok && attendance.value.base).toBe(250);
    const admin = await ctx.db.selectFrom('users').select('password_hash').where('username', '=', 'lso.quantri').executeTakeFirstOrThrow();
    expect(await verify(admin.password_hash, 'mat-khau-thu')).toBe(true);
    expect(loaded.value.credentials.find((c) => c.username === 'lso.thuky')?.password).toMatch(/^[A-Za-z2-9]{12}$/);

    const twice = await loadDemo(ctx.db);
    expect(!twice.ok && twice.error.code).toBe('demo.exists');
    expect(!twice.ok && twice.error.message_vi).toContain('--replace');

    const replaced = await loadDemo(ctx.db, { replace: true });
    expect(replaced.ok && replaced.value.replaced).toBe(true);
    const congresses = await ctx.db.selectFrom('congresses').select('id').where('code', '=', DEMO_CODE).execute();
    expect(congresses).toHaveLength(1);
    const newId = congresses[0]!.id;
    expect(await count(ctx.db, 'delegates', newId)).toBe(260);
    const users = await ctx.db.selectFrom('users').select('username').where('username', 'like', 'lso.%').execute();
    expect(users).toHaveLength(6);
    const chain = await verifyAuditChain(ctx.db);
    expect(chain.ok && chain.value.entries).toBe(3);

    const key = parseBackupKey(randomBytes(32).toString('hex'), 'test');
    if (!key.ok) throw new Error(key.error.message_en);
    const first = await createBackup(ctx.db, DEMO_CODE, key.value);
    if (!first.ok) throw new Error(first.error.message_en);
    // Every row of the seed congress passes the checks of a restore (as the API would have written it).
    const checked = checkBackup(JSON.parse(JSON.stringify(first.value)), { key: key.value });
    if (!checked.ok) throw new Error(checked.error.message_en);
    const target = await ctx.fresh();
    const restored = await restoreBackup(target.db, checked.value, { accounts: { newPassword: async () => ({ password: 'p', hash: 'h' }) } });
    expect(restored.ok, JSON.stringify(!restored.ok && restored.error)).toBe(true);
    const second = await createBackup(target.db, DEMO_CODE, key.value);
    if (!second.ok) throw new Error(second.error.message_en);
    expect(comparableTables(second.value)).toEqual(comparableTables(first.value));
  });
});
