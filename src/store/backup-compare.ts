/**
 * A backup with its database ids replaced by each row's rank in its table (and references by the rank of the
 * row they point to): two backups of the same congress taken on different servers compare equal.
 */
import { remapCandidateIdsInJson } from './backup-json.ts';
import { BACKUP_JSON_COLUMNS, BACKUP_REFERENCES, BACKUP_TABLES, rowsOf, type BackupFile, type BackupTable, type FileCell, type FileRow } from './backup-format.ts';

export type ComparableTables = Readonly<Record<BackupTable, readonly FileRow[]>>;

export const comparableTables = (backup: BackupFile): ComparableTables => {
  const rank = Object.fromEntries(BACKUP_TABLES.map((t) => [t, new Map(
    [...rowsOf(backup, t)].map((r) => Number(r['id'])).sort((a, b) => a - b).map((id, i) => [id, i + 1]),
  )])) as Record<BackupTable, Map<number, number>>;
  const out = {} as Record<BackupTable, FileRow[]>;
  for (const t of BACKUP_TABLES) {
    out[t] = rowsOf(backup, t).map((row) => {
      const copy: Record<string, FileCell> = { ...row, id: rank[t].get(Number(row['id'])) ?? null };
      for (const [column, ref] of Object.entries(BACKUP_REFERENCES[t])) {
        const v = row[column];
        copy[column] = typeof v === 'number' ? (rank[ref.table].get(v) ?? -v) : v ?? null;
      }
      for (const column of BACKUP_JSON_COLUMNS[t] ?? []) {
        const text = row[column];
        if (typeof text === 'string') {
          copy[column] = remapCandidateIdsInJson(text, (old) => {
            const r = /^\d+$/.test(old) ? rank.candidates.get(Number(old)) : undefined;
            return r === undefined ? undefined : `#${r}`;
          });
        }
      }
      return copy;
    }).sort((a, b) => Number(a['id']) - Number(b['id']));
  }
  return out;
};
