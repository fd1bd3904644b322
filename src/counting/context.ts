/**
 * What every counting function needs about one election round, computed once: the spec, its paper form and the
 * candidates' positions. Pure: no I/O.
 */
import {
  ballotForm, checkElectionSpec, indexCandidates, type BallotForm, type CandidateIndex, type ElectionSpec,
  type Result, type RuleError,
} from '../rules/index.ts';

export interface CountingContext {
  readonly spec: ElectionSpec;
  readonly form: BallotForm;
  readonly index: CandidateIndex;
}

/** Checks the spec with the rules core and fixes its form; refused when the spec itself is wrong. */
export const countingContext = (spec: ElectionSpec): Result<CountingContext, RuleError> => {
  const check = checkElectionSpec(spec);
  if (!check.ok) return check;
  return { ok: true, value: { spec, form: ballotForm(spec), index: indexCandidates(spec) } };
};

export type BatchId = string;
/** A person at a keyboard (or the scanner's machine reading, which counts as one entry). */
export type OperatorId = string;
export type TerminalId = string;
