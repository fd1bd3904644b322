/**
 * For the scan server's tests: a database at the latest migration holding the fault tests' congress with its
 * committee round at counting, and the ballot generator of that round as the server prints it.
 */
import type { Kysely } from 'kysely';
import { prepareGenerator, type Generator } from '../../scan/testing/generate.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import type { Database } from '../../store/schema.ts';
import { insertFaultCongress, type FaultCongress } from '../../../test/faults/support.ts';
import { loadPrintRound, roundHeader } from '../printouts/round.ts';

/** The congress `slug` with `delegates` delegates, its round at counting, and the generator of its printed ballot. */
export const roundAtCounting = async (db: Kysely<Database>, slug: string, delegates: number): Promise<{ readonly k: FaultCongress; readonly g: Generator }> => {
  const m = await migrateToLatest(db, 'sqlite');
  if (!m.ok) throw new Error(m.error.message_en);
  const k = await insertFaultCongress(db, slug, delegates);
  await db.updateTable('election_rounds').set({ status: 'counting' }).where('id', '=', k.roundId).execute();
  const congress = await db.selectFrom('congresses').selectAll().where('id', '=', k.congressId).executeTakeFirstOrThrow();
  const printed = await loadPrintRound(db, congress, k.electionId, 1);
  if (!printed.ok) throw new Error(printed.error.message_en);
  const g = await prepareGenerator({ header: roundHeader(congress, printed.value), round: printed.value.model });
  if (!g.ok) throw new Error(g.error.message_en);
  return { k, g: g.value };
};
