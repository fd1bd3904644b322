/**
 * When a new version is stored, the open opinions on the version it replaces — the delegates' comments and the
 * discussion groups' records alike — are carried to it by one rule (the discussion core decides where:
 * src/discussion/carry.ts). Loads, calls the core, writes; the caller audits the summary.
 */
import type { Db } from './access.ts';

export interface CarrySummary {
  readonly same: number;
  readonly similar: number;
  readonly removed: number;
  /** opinion id → [unit before, unit after (null: on a removed paragraph)] */
  readonly moves: Readonly<Record<string, readonly [number, number | null]>>;
}

/** The tables of opinions on units, with the carrying columns (migrations 0013, 0014). */
const OPINIONS = { comments: 'discussion_comments', groupOpinions: 'discussion_group_opinions' } as const;
type Kind = keyof typeof OPINIONS;
export type CarriedOpinions = Readonly<Record<Kind, CarrySummary>>;

const unitsOf = async (db: Db, versionId: number) => db.selectFrom('discussion_units')
  .select(['id', 'position', 'kind', 'level', 'label', 'ref', 'number', 'text']).where('version_id', '=', versionId).orderBy('position').execute();

const openOpinions = async (trx: Db, kind: Kind, documentId: number, fromVersionId: number) => (await trx.selectFrom(OPINIONS[kind]).select(['id', 'unit_id'])
  .where('unit_id', 'in', trx.selectFrom('discussion_units').select('id').where('version_id', '=', fromVersionId))
  .where('document_id', '=', documentId).where('voided_at', 'is', null).orderBy('id').execute()).map((o) => ({ id: o.id, unitId: o.unit_id }));

const EMPTY: CarrySummary = { same: 0, similar: 0, removed: 0, moves: {} };

export const carryOpinions = async (trx: Db, documentId: number, fromVersionId: number, toVersionId: number): Promise<CarriedOpinions> => {
  const found = { comments: await openOpinions(trx, 'comments', documentId, fromVersionId), groupOpinions: await openOpinions(trx, 'groupOpinions', documentId, fromVersionId) };
  if (found.comments.length === 0 && found.groupOpinions.length === 0) return { comments: EMPTY, groupOpinions: EMPTY };
  // Loaded on first use, with the version comparison it relies on (not at the server's start).
  const { carryUnits, planCarry } = await import('../../../discussion/carry.ts');
  const targets = carryUnits(await unitsOf(trx, fromVersionId), await unitsOf(trx, toVersionId));
  const carry = async (kind: Kind): Promise<CarrySummary> => {
    const plan = planCarry(targets, found[kind]);
    for (const m of plan.moves) {
      await trx.updateTable(OPINIONS[kind])
        .set(m.to === null ? { carried: 'removed' } : { unit_id: m.to, carried_from_unit_id: m.from, carried: m.how })
        .where('id', '=', m.id).execute();
    }
    return { same: plan.same, similar: plan.similar, removed: plan.removed, moves: Object.fromEntries(plan.moves.map((m) => [String(m.id), [m.from, m.to] as const])) };
  };
  return { comments: await carry('comments'), groupOpinions: await carry('groupOpinions') };
};
