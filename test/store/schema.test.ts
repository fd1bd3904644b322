import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { TABLES, TABLE_NAMES } from '../../src/store/tables.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { cardTokenOf, insertSmallCongress } from '../support/fixtures.ts';

describeEachDatabase('store: migrations produce schema.ts', (ctx) => {
  it('has exactly the tables and columns of schema.ts', async () => {
    const tables = await ctx.db.introspection.getTables();
    const actual = Object.fromEntries(tables
      .filter((t) => !t.name.startsWith('kysely_'))
      .map((t) => [t.name, t.columns.map((c) => c.name).sort()]));
    const expected = Object.fromEntries(TABLE_NAMES.map((t) => [t, [...TABLES[t]].sort()]));
    expect(actual).toEqual(expected);
    expect(Object.keys(actual)).toHaveLength(37);
  });

  it('is idempotent: a second migration applies nothing', async () => {
    const again = await migrateToLatest(ctx.db, ctx.dialect);
    expect(again).toEqual({ ok: true, value: [] });
  });

  it('applies every migration or none: one that fails half-way leaves the database as it was', async () => {
    const empty = await ctx.fresh({ migrate: false });
    // A table of 0003 already there: 0001 and 0002 apply, then 0003 fails.
    await sql`create table counting_batches (id integer)`.execute(empty.db);
    const failed = await migrateToLatest(empty.db, empty.dialect);
    expect(!failed.ok && failed.error.message_en).toMatch(/^Database migration failed \(0003_counting\)/u);
    const tables = (await empty.db.introspection.getTables()).map((t) => t.name);
    expect(tables.filter((t) => !t.startsWith('kysely_'))).toEqual(['counting_batches']);
    // Nothing recorded as applied either, so the next start tries them all again.
    const applied = tables.includes('kysely_migration')
      ? await sql<{ name: string }>`select name from kysely_migration`.execute(empty.db) : { rows: [] };
    expect(applied.rows).toEqual([]);
  });

  it('refuses a second open check-in of the same delegate in the same session, and dangling references', async () => {
    const c = await insertSmallCongress(ctx.db, 'schema-checkin');
    const checkin = { congress_id: c.congressId, session_id: c.sessionId, delegate_id: c.delegateIds[0]!,
      at: new Date().toISOString(), method: 'qr' as const, desk: 'Bàn 1', user_id: null };
    await ctx.db.insertInto('checkins').values(checkin).execute();
    await expect(ctx.db.insertInto('checkins').values({ ...checkin, desk: 'Bàn 2' }).execute()).rejects.toThrow();
    await expect(ctx.db.insertInto('checkins').values({ ...checkin, delegate_id: 999_999 }).execute()).rejects.toThrow();
    // Once the first is voided (migration 0010) the delegate can be checked in again; the voided row stays.
    await ctx.db.updateTable('checkins').set({ voided_at: new Date().toISOString(), void_reason: 'Nhầm' }).where('delegate_id', '=', c.delegateIds[0]!).execute();
    await ctx.db.insertInto('checkins').values({ ...checkin, desk: 'Bàn 2' }).execute();
    const rows = await ctx.db.selectFrom('checkins').select('id').where('delegate_id', '=', c.delegateIds[0]!).execute();
    expect(rows).toHaveLength(2);
  });

  it('refuses duplicate delegate codes and card tokens, and a role given twice (also without an election)', async () => {
    const c = await insertSmallCongress(ctx.db, 'schema-unique', 2);
    await expect(ctx.db.updateTable('delegates').set({ code: '001' }).where('id', '=', c.delegateIds[1]!).execute())
      .rejects.toThrow();
    await expect(ctx.db.updateTable('delegates').set({ card_token: cardTokenOf('schema-unique', 1) })
      .where('id', '=', c.delegateIds[1]!).execute()).rejects.toThrow();
    const user = await ctx.db.insertInto('users').values({ username: 'schema-u', display_name: 'U', password_hash: 'x',
      is_server_admin: 0, disabled_at: null, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
    const role = { user_id: user.id, congress_id: c.congressId, role: 'admin' as const, election_id: null };
    await ctx.db.insertInto('user_roles').values(role).execute();
    await expect(ctx.db.insertInto('user_roles').values(role).execute()).rejects.toThrow();
    await expect(ctx.db.insertInto('users').values({ username: 'schema-u', display_name: 'V', password_hash: 'y',
      is_server_admin: 0, disabled_at: null, created_at: new Date().toISOString() }).execute()).rejects.toThrow();
  });

  it('deletes a congress with everything that belongs to it', async () => {
    const c = await insertSmallCongress(ctx.db, 'schema-cascade', 2);
    await ctx.db.insertInto('checkins').values({ congress_id: c.congressId, session_id: c.sessionId,
      delegate_id: c.delegateIds[0]!, at: new Date().toISOString(), method: 'search', desk: null, user_id: null }).execute();
    await ctx.db.deleteFrom('congresses').where('id', '=', c.congressId).execute();
    const left = await ctx.db.selectFrom('delegates').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('congress_id', '=', c.congressId).executeTakeFirstOrThrow();
    expect(left.n).toBe(0);
  });

  it('returns BLOB/bytea content as bytes and COUNT as a number', async () => {
    const c = await insertSmallCongress(ctx.db, 'schema-bytes', 1);
    const content = new Uint8Array([0, 1, 2, 250, 255]);
    await ctx.db.insertInto('documents').values({ congress_id: c.congressId, title: 'Dự thảo', file_name: 'a.bin',
      mime_type: 'application/octet-stream', size: 5, visibility: 'public', content, uploaded_at: new Date().toISOString() }).execute();
    const doc = await ctx.db.selectFrom('documents').select('content').where('congress_id', '=', c.congressId).executeTakeFirstOrThrow();
    expect(Array.from(doc.content)).toEqual([0, 1, 2, 250, 255]);
    const n = await ctx.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(typeof n.n).toBe('number');
  });
});
