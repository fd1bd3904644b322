/** The labels the room reads on the counting terminals ("Máy 3"), and how a message names a terminal. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type TerminalLabels = ReadonlyMap<string, string>;

export const terminalLabels = async (db: Db, congressId: number): Promise<TerminalLabels> => {
  const rows = await db.selectFrom('terminals').select(['terminal', 'label']).where('congress_id', '=', congressId).execute();
  return new Map(rows.map((r) => [r.terminal, r.label]));
};

/** "Máy 3 (web-42bnhn8c)" when the terminal has a label, else its id. */
export const terminalName = (labels: TerminalLabels, terminal: string): string => {
  const label = labels.get(terminal);
  return label === undefined ? `"${terminal}"` : `"${label}" (${terminal})`;
};
