import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { appendAudit, GENESIS_HASH, verifyAuditChain } from '../../src/store/audit.ts';
import { openDatabase } from '../../src/store/db.ts';
import type { Database } from '../../src/store/schema.ts';
import { describeEachDatabase, type DatabaseContext, type TestDatabase } from '../support/databases.ts';

const appendMany = async (db: Kysely<Database>, n: number, congressId: number | null = null): Promise<void> => {
  for (let i = 0; i < n; i += 1) {
    await db.transaction().execute((trx) => appendAudit(trx, {
      congressId, actor: 'user:1', role: 'admin', action: 'test.append', subject: `item:${i}`,
      payload: { i, name: 'Nguyễn Thị Ánh', nested: { b: 2, a: [1, 'đ'] } },
    }));
  }
};

/** Drops the append-only triggers, after proving they refuse the change. */
const dropTriggers = async (d: TestDatabase): Promise<void> => {
  await expect(sql`update audit_log set actor = 'x'`.execute(d.db)).rejects.toThrow(/chỉ được ghi thêm/);
  await expect(sql`delete from audit_log`.execute(d.db)).rejects.toThrow(/chỉ được ghi thêm/);
  if (d.dialect === 'sqlite') {
    await sql`drop trigger audit_log_no_update`.execute(d.db);
    await sql`drop trigger audit_log_no_delete`.execute(d.db);
  } else {
    await sql`drop trigger audit_log_append_only on audit_log`.execute(d.db);
  }
};

const cli = async (d: TestDatabase): Promise<{ code: number; out: string }> => {
  let out = '';
  const code = await runCli(['audit', 'verify', '--database', d.url], {
    stdout: (s) => { out += s; }, stderr: (s) => { out += s; },
  });
  return { code, out };
};

const tampered = async (ctx: DatabaseContext, edit: (d: TestDatabase) => Promise<void>) => {
  const d = await ctx.fresh();
  await appendMany(d.db, 5);
  await dropTriggers(d);
  await edit(d);
  const result = await verifyAuditChain(d.db);
  const printed = await cli(d);
  await d.destroy();
  return { result, printed };
};

describeEachDatabase('store: audit log', (ctx) => {
  it('chains entries from the genesis hash and verifies them, CLI included', async () => {
    const d = await ctx.fresh();
    await appendMany(d.db, 4, null);
    const rows = await d.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(JSON.parse(rows[0]!.payload)).toEqual({ i: 0, name: 'Nguyễn Thị Ánh', nested: { b: 2, a: [1, 'đ'] } });
    expect(rows[0]?.payload).toBe('{"i":0,"name":"Nguyễn Thị Ánh","nested":{"a":[1,"đ"],"b":2}}');
    const v = await verifyAuditChain(d.db);
    expect(v.ok && v.value.entries).toBe(4);
    const printed = await cli(d);
    expect(printed.code).toBe(0);
    expect(printed.out).toContain('Chuỗi nhật ký toàn vẹn: 4 mục');
    await d.destroy();
  });

  it('leaves no entry when the change it records is rolled back (and the chain stays verifiable)', async () => {
    await appendMany(ctx.db, 1);
    const before = await ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(ctx.db.transaction().execute(async (trx) => {
      await appendAudit(trx, { congressId: null, actor: 'system', action: 'test.rollback' });
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    const after = await ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    await appendMany(ctx.db, 1);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('refuses to append outside a transaction', async () => {
    const notTrx = ctx.db as unknown as Parameters<typeof appendAudit>[0];
    await expect(appendAudit(notTrx, { congressId: null, actor: 'system', action: 'x' })).rejects.toThrow(/transaction/);
  });

  it('finds one edited byte of a payload', async () => {
    const { result, printed } = await tampered(ctx, async (d) => {
      await sql`update audit_log set payload = replace(payload, '"i":2', '"i":3') where subject = 'item:2'`.execute(d.db);
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('audit.hash');
      expect(result.error.intactBefore).toBe(2);
    }
    expect(printed.code).toBe(1);
    expect(printed.out).toMatch(/Chuỗi nhật ký bị phá vỡ tại mục #\d+/);
  });

  it('finds an edited hash (the next entry no longer links)', async () => {
    const { result } = await tampered(ctx, async (d) => {
      await sql`update audit_log set hash = ${'f'.repeat(64)} where subject = 'item:1'`.execute(d.db);
    });
    expect(!result.ok && result.error.code).toBe('audit.hash');
    expect(!result.ok && result.error.intactBefore).toBe(1);
  });

  it('finds a deleted entry in the middle', async () => {
    const { result, printed } = await tampered(ctx, async (d) => {
      await sql`delete from audit_log where subject = 'item:3'`.execute(d.db);
    });
    expect(!result.ok && result.error.code).toBe('audit.prev-hash');
    expect(!result.ok && result.error.intactBefore).toBe(3);
    expect(printed.code).toBe(1);
  });

  it('finds deleted last entries on SQLite (the chain alone cannot)', async () => {
    const { result } = await tampered(ctx, async (d) => {
      await sql`delete from audit_log where subject = 'item:4'`.execute(d.db);
    });
    if (ctx.dialect === 'sqlite') {
      expect(!result.ok && result.error.code).toBe('audit.truncated');
      expect(!result.ok && result.error.intactBefore).toBe(4);
    } else {
      // PostgreSQL sequences skip values on rollback: the head hash printed by verify is the defence there.
      expect(result.ok && result.value.entries).toBe(4);
    }
  });

  it('finds an edited actor even when the hash is recomputed without the chain', async () => {
    const { result } = await tampered(ctx, async (d) => {
      await sql`update audit_log set actor = 'user:2' where subject = 'item:0'`.execute(d.db);
    });
    expect(!result.ok && result.error.id).toBeGreaterThan(0);
  });

  it('keeps one chain under concurrent appends (two pools on PostgreSQL, as two server instances)', async () => {
    const d = await ctx.fresh();
    // SQLite: one connection per process, transactions serialized by Kysely; a second in-process connection would
    // block the event loop on the file lock, so the second writer there is the same instance.
    const second = ctx.dialect === 'postgres' ? openDatabase(d.url) : null;
    await Promise.all([appendMany(d.db, 15), appendMany(second?.db ?? d.db, 15)]);
    await second?.close();
    const v = await verifyAuditChain(d.db);
    expect(v.ok && v.value.entries).toBe(30);
    await d.destroy();
  });
});
