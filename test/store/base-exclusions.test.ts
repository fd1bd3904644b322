/** The N_base exclusions snapshot (base_exclusions of election_rounds and votes): written and read back, never guessed. */
import { describe, expect, it } from 'vitest';
import { computeBase, type CongressAttendance } from '../../src/rules/index.ts';
import { baseExclusionsFromJson, baseExclusionsToJson } from '../../src/store/base-exclusions-json.ts';
import { migrateToLatest, migrator } from '../../src/store/migrate.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { insertRichCongress } from '../support/fixtures.ts';

const DELEGATES: CongressAttendance = { kind: 'delegates', officialSummoned: 260, conveningMembersAbsentWhole: 1, officialsAbsentWholeNotReplaced: 9 };
const MEMBERS: CongressAttendance = {
  kind: 'members', officialSummoned: 120, temporarilyAttachedElsewhere: 3, exemptedNotAttending: 2, suspendedProsecutedOrDetained: 1, absentWholeExcused: 4,
};

describe('store: base exclusions snapshot JSON', () => {
  it('reads back what it writes, for a congress of delegates and of members, with the same N_base', () => {
    for (const a of [DELEGATES, MEMBERS]) {
      const back = baseExclusionsFromJson(baseExclusionsToJson(a));
      expect(back).toEqual({ ok: true, value: a });
      if (!back.ok) continue;
      expect(computeBase(back.value)).toEqual(computeBase(a));
    }
    expect(computeBase(DELEGATES)).toEqual({ ok: true, value: 250 });
    expect(computeBase(MEMBERS)).toEqual({ ok: true, value: 110 });
  });

  it('writes only the fields of its kind, in a fixed order (the same text for the same exclusions)', () => {
    const extra = { ...DELEGATES, note: 'x' } as CongressAttendance;
    expect(baseExclusionsToJson(extra)).toBe(
      '{"kind":"delegates","officialSummoned":260,"conveningMembersAbsentWhole":1,"officialsAbsentWholeNotReplaced":9}');
    expect(JSON.parse(baseExclusionsToJson(MEMBERS))).toEqual(MEMBERS);
  });

  it('refuses text that is not a snapshot: not JSON, an unknown kind, a missing, negative, fractional or foreign field', () => {
    const bad = [
      'not json', 'null', '[]', '{}',
      JSON.stringify({ ...DELEGATES, kind: 'assembly' }),
      JSON.stringify({ kind: 'delegates', officialSummoned: 260, conveningMembersAbsentWhole: 1 }),
      JSON.stringify({ ...DELEGATES, officialsAbsentWholeNotReplaced: -1 }),
      JSON.stringify({ ...MEMBERS, absentWholeExcused: 1.5 }),
      JSON.stringify({ ...DELEGATES, delegateIds: [1, 2] }),
      JSON.stringify({ ...MEMBERS, kind: 'delegates' }),
    ];
    for (const text of bad) {
      const r = baseExclusionsFromJson(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('store.base-exclusions');
        expect(r.error.message_vi).toContain('số làm căn cứ');
      }
    }
  });
});

describeEachDatabase('store: migration 0006 (base_exclusions)', (ctx) => {
  it('leaves rounds and votes recorded before it with null, and goes down and up again', async () => {
    const target = await ctx.fresh();
    const down = await migrator(target.db, target.dialect).migrateTo('0005_scan_reading');
    expect(down.error).toBeUndefined();
    // Later migrations go down first; 0006 is the last to go.
    expect(down.results?.map((r) => [r.migrationName, r.direction]).at(-1)).toEqual(['0006_base_exclusions', 'Down']);
    await insertRichCongress(target.db, 'before-0006', { discussion: false });
    const up = await migrateToLatest(target.db, target.dialect);
    expect(up.ok && up.value[0]).toBe('0006_base_exclusions');
    const rounds = await target.db.selectFrom('election_rounds').select('base_exclusions').execute();
    const votes = await target.db.selectFrom('votes').select('base_exclusions').execute();
    expect(rounds.length).toBeGreaterThan(0);
    expect(votes.length).toBeGreaterThan(0);
    for (const r of [...rounds, ...votes]) expect(r.base_exclusions).toBeNull();
    const text = baseExclusionsToJson({ kind: 'delegates', officialSummoned: 4, conveningMembersAbsentWhole: 0, officialsAbsentWholeNotReplaced: 1 });
    await target.db.updateTable('votes').set({ base_exclusions: text }).execute();
    expect((await target.db.selectFrom('votes').select('base_exclusions').executeTakeFirstOrThrow()).base_exclusions).toBe(text);
  });
});
