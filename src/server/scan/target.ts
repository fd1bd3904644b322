/** The prepared reference of a round's ballot, kept per round and layout (the same ballot input renders the same form). */
import { createHash } from 'node:crypto';
import { err, type Result, type RuleError } from '../../rules/index.ts';
import type { BallotInput } from '../../documents/model.ts';
import type { ScanTarget } from '../../scan/index.ts';
import type { Congress } from '../../store/schema.ts';
import type { ServerDeps } from '../deps.ts';
import { loadPrintRound, roundHeader } from '../printouts/round.ts';
import { unprocessable, type Problem } from '../problems.ts';

const targets = new Map<string, Promise<Result<ScanTarget, Problem>>>();

/** Prepares a blank ballot for reading: `prepareTarget` of src/scan, run where the caller wants (the scan worker). */
export type PrepareTarget = (input: BallotInput) => Promise<Result<ScanTarget, RuleError>>;

const targetOf = (roundId: number, input: BallotInput, prepareTarget: PrepareTarget): Promise<Result<ScanTarget, Problem>> => {
  const key = `${roundId}:${createHash('sha256').update(JSON.stringify(input), 'utf8').digest('hex')}`;
  let t = targets.get(key);
  if (t === undefined) {
    t = prepareTarget(input).then((r) => (r.ok ? r : err(unprocessable(r.error))));
    targets.set(key, t);
    // Only a prepared form is kept: a refusal or a failure (the worker gone) is tried again next time.
    void t.then((r) => { if (!r.ok) targets.delete(key); }, () => { targets.delete(key); });
    if (targets.size > 64) targets.delete(targets.keys().next().value!);
  }
  return t;
};

/** The blank ballot of the round as the server prints it now, prepared for reading. */
export const roundTarget = async (
  db: ServerDeps['db'], congress: Congress, electionId: number, roundNumber: number, roundId: number, prepare: PrepareTarget,
): Promise<Result<ScanTarget, Problem>> => {
  const p = await loadPrintRound(db, congress, electionId, roundNumber);
  if (!p.ok) return p;
  return targetOf(roundId, { header: roundHeader(congress, p.value), round: p.value.model }, prepare);
};
