/**
 * The scanner's entry of a batch: every ballot of a scan job in stack order (the reader's ballot, or the
 * board's decision for a sheet in review), opened, entered and closed through the counting engine like a
 * typed entry (operator and terminal "scanner"), so the board's reconciliation compares it with the human entry.
 */
import type { Transaction } from 'kysely';
import { applyEvent, type CountingEvent, type CountingState } from '../../counting/index.ts';
import { err, ok, ruleError, type Ballot, type Result } from '../../rules/index.ts';
import type { CountingBatch, Database } from '../../store/schema.ts';
import { appendEvent, batchStateAt, lockRound, refusal, rememberBatch, roundCounting, type Appender } from '../counting-data.ts';
import type { ServerDeps } from '../deps.ts';
import { findElection } from '../election-data.ts';
import { conflict, type Problem } from '../problems.ts';
import { nowIso } from '../tx.ts';

export const SCANNER = 'scanner';

export const notCounting = (): Problem => conflict(ruleError('counting.not-open', 'Vòng bầu không ở bước kiểm phiếu.', 'The round is not being counted.'));

/** In the caller's transaction; the job becomes 'entered'. Returns the number of ballots entered. */
export const enterJob = async (
  deps: ServerDeps, trx: Transaction<Database>, who: Omit<Appender, 'roundId'>, roundId: number, batch: CountingBatch, jobId: number,
): Promise<Result<number, Problem>> => {
  await lockRound(trx, deps.dialect, roundId);
  const round = await trx.selectFrom('election_rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
  const election = round === undefined ? undefined : await findElection(trx, who.congressId, round.election_id);
  if (round?.status !== 'counting' || election === undefined) return err(notCounting());
  const rc = await roundCounting(trx, election, round);
  if (!rc.ok) return rc;
  const c = rc.value.ctx;
  const sheets = await trx.selectFrom('scan_sheets').select(['position', 'outcome', 'proposed', 'decision']).where('job_id', '=', jobId).orderBy('position').execute();
  const meta = { batchId: String(batch.number), operator: SCANNER, terminal: SCANNER, at: nowIso(deps) };
  const events: CountingEvent[] = [{ type: 'entry-opened', ...meta }];
  for (const s of sheets) {
    const text = s.outcome === 'decided' ? s.proposed : s.decision;
    if (text === null) return err(conflict(ruleError('scan.pending', 'Còn phiếu chờ Ban Kiểm phiếu quyết định.', 'Sheets still await the board.')));
    events.push({ type: 'ballot-entered', ...meta, position: s.position, ballot: JSON.parse(text) as Ballot });
  }
  events.push({ type: 'entry-closed', ...meta, ballots: sheets.length });
  const s = await batchStateAt(deps.db, trx, c, batch);
  if (!s.ok) return s;
  let state: CountingState = { batches: new Map([[String(batch.number), s.value.state]]) };
  let seq = s.value.seq;
  let eventId = s.value.eventId;
  for (const e of events) {
    const next = applyEvent(c, state, e);
    if (!next.ok) return err(refusal(next.error));
    state = next.value;
    seq += 1;
    eventId = (await appendEvent(trx, { ...who, roundId }, batch, seq, e, null)).id;
  }
  await trx.updateTable('scan_jobs').set({ status: 'entered' }).where('id', '=', jobId).execute();
  rememberBatch(deps.db, c, batch.id, seq, eventId, state.batches.get(String(batch.number))!);
  return ok(sheets.length);
};
