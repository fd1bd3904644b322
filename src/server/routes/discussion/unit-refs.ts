/** Where comments and opinions stand in their document: each unit's outline ref and how the screens cite it. */
import { citeUnit } from '../../../discussion/structure.ts';
import type { Db } from './access.ts';

export interface UnitPlace { readonly ref: string; readonly cite: string }

export const unitPlaces = async (db: Db, ids: readonly number[]): Promise<ReadonlyMap<number, UnitPlace>> => {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('discussion_units').select(['id', 'kind', 'number', 'ref']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((u) => [u.id, { ref: u.ref, cite: citeUnit({ kind: u.kind, number: u.number, ref: u.ref, label: '' }) }]));
};
