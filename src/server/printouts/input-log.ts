/**
 * The printed input log (nhật ký nhập phiếu) of a counted round: every stored counting event, in the order
 * applied, parsed with the counting core's schema (src/server/counting-data.ts) — printed as stored, nothing replayed.
 */
import type { Kysely } from 'kysely';
import type { PrintFormat } from '../../api/printouts.ts';
import { RULING_REASON_LABELS } from '../../counting/ruling.ts';
import type { CountingEvent } from '../../counting/index.ts';
import { inputLog, type InputLogEntry } from '../../documents/index.ts';
import type { Result } from '../../rules/index.ts';
import type { Congress, Database } from '../../store/schema.ts';
import { parseEventRow, roundEventRows } from '../counting-data.ts';
import type { Problem } from '../problems.ts';
import type { FileOut } from '../route.ts';
import { renderAs } from './common.ts';
import { loadPrintRound, requireCounted, roundHeader } from './round.ts';

/** The events as the document reads them: the batch by its number, its label and counts from the event that opened it. */
const entryOf = (seq: number, e: CountingEvent): InputLogEntry => {
  const base = { seq, at: e.at, operator: e.operator, terminal: e.terminal, batch: e.batchId, action: e.type };
  switch (e.type) {
    case 'batch-opened':
      return { ...base, position: null, ballot: null, note: `${e.batch.label}: ${e.batch.physicalCount} phiếu, nhập ${e.batch.entriesRequired} lần`,
        batchSpec: { label: e.batch.label, physicalCount: e.batch.physicalCount, entriesRequired: e.batch.entriesRequired } };
    case 'batch-recounted':
      return { ...base, position: null, ballot: null, note: e.note, recount: { from: e.from, to: e.physicalCount } };
    case 'entry-opened':
      return { ...base, position: null, ballot: null, note: null };
    case 'ballot-entered':
      return { ...base, position: e.position, ballot: e.ballot, note: null };
    case 'ballot-undone':
      return { ...base, position: e.position, ballot: null, note: null };
    case 'entry-closed':
      return { ...base, position: null, ballot: null, note: `${e.ballots} phiếu` };
    case 'entry-discarded':
      return { ...base, position: null, ballot: null, note: e.note, entryOf: e.discarded };
    case 'entry-moved':
      return { ...base, position: null, ballot: null, note: e.note, entryOf: e.moved, fromTerminal: e.from };
    case 'ruling': {
      const reason = RULING_REASON_LABELS[e.reason].vi;
      return { ...base, position: e.position, ballot: e.ballot, note: e.note.trim() === '' ? reason : `${reason}: ${e.note}` };
    }
  }
};

export const roundInputLog = async (
  db: Kysely<Database>, congress: Congress, electionId: number, number: number, format: PrintFormat,
): Promise<Result<FileOut, Problem>> => {
  const l = await loadPrintRound(db, congress, electionId, number);
  if (!l.ok) return l;
  const p = l.value;
  // While a round is being counted, an operator must not read the other entries of a batch: print it once counted.
  const counted = requireCounted(p, 'nhật ký nhập phiếu', 'input log');
  if (!counted.ok) return counted;
  const entries: InputLogEntry[] = [];
  for (const row of await roundEventRows(db, p.round.id)) {
    const e = parseEventRow(row);
    if (!e.ok) return e;
    entries.push(entryOf(entries.length + 1, e.value));
  }
  const name = `nhat-ky-nhap-phieu-${congress.code}-bau-cu-${p.election.id}-vong-${p.round.number}`;
  return renderAs(db, inputLog, { header: roundHeader(congress, p), round: p.model, entries }, format, name);
};

