/**
 * When a new version is stored, the open comments on the version it replaces are carried to it (the discussion core
 * decides where: src/discussion/carry.ts). Loads, calls the core, writes; the caller audits the summary.
 */
import type { Db } from './access.ts';

export interface CarrySummary {
  readonly same: number;
  readonly similar: number;
  readonly removed: number;
  /** comment id → [unit before, unit after (null: on a removed paragraph)] */
  readonly moves: Readonly<Record<string, readonly [number, number | null]>>;
}

const unitsOf = async (db: Db, versionId: number) => db.selectFrom('discussion_units')
  .select(['id', 'position', 'kind', 'level', 'label', 'ref', 'number', 'text']).where('version_id', '=', versionId).orderBy('position').execute();

export const carryComments = async (trx: Db, documentId: number, fromVersionId: number, toVersionId: number): Promise<CarrySummary> => {
  const before = await unitsOf(trx, fromVersionId);
  const comments = await trx.selectFrom('discussion_comments').select(['id', 'unit_id'])
    .where('unit_id', 'in', trx.selectFrom('discussion_units').select('id').where('version_id', '=', fromVersionId))
    .where('document_id', '=', documentId).where('voided_at', 'is', null).orderBy('id').execute();
  const summary = { same: 0, similar: 0, removed: 0, moves: {} as Record<string, readonly [number, number | null]> };
  if (comments.length === 0) return summary;
  // Loaded on first use, with the version comparison it relies on (not at the server's start).
  const { carryUnits } = await import('../../../discussion/carry.ts');
  const targets = carryUnits(before, await unitsOf(trx, toVersionId));
  for (const c of comments) {
    const t = targets.get(c.unit_id) ?? { to: null, how: 'removed' as const };
    summary[t.how]++;
    summary.moves[String(c.id)] = [c.unit_id, t.to];
    await trx.updateTable('discussion_comments')
      .set(t.to === null ? { carried: 'removed' } : { unit_id: t.to, carried_from_unit_id: c.unit_id, carried: t.how })
      .where('id', '=', c.id).execute();
  }
  return summary;
};
