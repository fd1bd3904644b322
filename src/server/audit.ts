/**
 * The audit log of src/store/audit.ts (appendAudit: hash-chained, append-only). Every action of consequence
 * calls `audit` inside its own transaction, so the entry and the change commit together or not at all.
 */
import type { Transaction } from 'kysely';
import { appendAudit } from '../store/audit.ts';
import type { Database } from '../store/schema.ts';

export interface AuditInput {
  readonly congressId: number | null;
  readonly actor: string;
  readonly role: string | null;
  readonly action: string;
  readonly subject: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
}

export const audit = async (trx: Transaction<Database>, entry: AuditInput): Promise<void> => {
  await appendAudit(trx, entry);
};
