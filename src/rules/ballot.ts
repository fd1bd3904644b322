import { ballotLimit, type BallotForm, type CandidateId, type ElectionSpec } from './election.ts';
import { err, ok, ruleError, type Result, type RuleError } from './result.ts';

export type Mark = 'agree' | 'disagree' | 'both' | 'none';

/** What the counting board reads off one paper ballot, whatever the form. */
export interface BallotFlags {
  /** Not issued by the counting board. */
  readonly notIssued?: boolean | undefined;
  /** Without the convening committee's stamp: not issued when `unstampedIsNotIssued` is on [open, default on]. */
  readonly unstamped?: boolean | undefined;
  /** Names written in from outside the list. */
  readonly writeIns?: number | undefined;
  /** A signature or identifying mark. */
  readonly identifyingMarks?: boolean | undefined;
}

export type StrikeOutBallot = BallotFlags & { readonly struck: readonly CandidateId[] };
export type MarksBallot = BallotFlags & { readonly marks: Readonly<Record<CandidateId, Mark>> };
export type WriteInBallot = BallotFlags & { readonly writeIn: string | null };
export type Ballot = StrikeOutBallot | MarksBallot | WriteInBallot;

/** The reasons of docs/rules.md §5, in the order in which the first that applies is reported. */
export const INVALID_REASONS = ['not-issued', 'write-in', 'identifying-mark', 'over-seats', 'all-struck', 'no-choice'] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

export const INVALID_REASON_LABELS: Readonly<Record<InvalidReason, { readonly vi: string; readonly en: string }>> = {
  'not-issued': { vi: 'Phiếu không do Ban Kiểm phiếu phát ra', en: 'Not issued by the counting board' },
  'write-in': { vi: 'Phiếu ghi thêm tên người ngoài danh sách', en: 'Name written in from outside the list' },
  'identifying-mark': { vi: 'Phiếu có chữ ký hoặc dấu hiệu nhận biết', en: 'Signature or identifying mark' },
  'over-seats': { vi: 'Phiếu bầu quá số lượng được bầu', en: 'More names kept than seats' },
  'all-struck': { vi: 'Phiếu gạch tất cả các tên trong danh sách', en: 'Every name struck' },
  'no-choice': { vi: 'Phiếu bầu một người đánh dấu cả hai ô hoặc không đánh dấu ô nào', en: 'Single candidate: both boxes or neither' },
};

/** The candidates' positions in ballot order, by id. */
export type CandidateIndex = ReadonlyMap<CandidateId, number>;

export const indexCandidates = (spec: Pick<ElectionSpec, 'candidates'>): CandidateIndex =>
  new Map(spec.candidates.map((c, i) => [c.id, i]));

const FORM_FIELD: Readonly<Record<BallotForm, 'struck' | 'marks' | 'writeIn'>> = {
  'strike-out': 'struck',
  'agree-disagree': 'marks',
  single: 'marks',
  'opinion-poll': 'marks',
  'write-in': 'writeIn',
};

const FORM_NAME: Readonly<Record<BallotForm, { readonly vi: string; readonly en: string }>> = {
  'strike-out': { vi: 'danh sách có số dư (gạch tên)', en: 'a list with surplus (strike out)' },
  'agree-disagree': { vi: 'danh sách không có số dư (đồng ý / không đồng ý)', en: 'a list without surplus (agree / disagree)' },
  single: { vi: 'phiếu bầu một người (đồng ý / không đồng ý)', en: 'a single-candidate ballot (agree / disagree)' },
  'opinion-poll': { vi: 'phiếu xin ý kiến (đồng ý / không đồng ý)', en: 'an opinion poll (agree / disagree)' },
  'write-in': { vi: 'phiếu giới thiệu bí thư (ghi một tên)', en: 'a secretary nomination poll (one written name)' },
};

/**
 * Checks that a ballot has the shape of the election's form and names only candidates of its list. Such a
 * mismatch is an error in the input (a wrong file, a typing slip), not an invalid ballot.
 */
export const checkBallotShape = (
  form: BallotForm,
  index: CandidateIndex,
  ballot: Ballot,
  field: string | (() => string),
): Result<true, RuleError> => {
  // The field path is built only when there is an error: the count checks a million ballots.
  const at = (suffix: string): string => `${typeof field === 'string' ? field : field()}${suffix}`;
  const expected = FORM_FIELD[form];
  if (!(expected in ballot)) {
    const name = FORM_NAME[form];
    return err(ruleError('ballot.form', `Lá phiếu phải có trường "${expected}" vì đây là ${name.vi}.`,
      `The ballot must have "${expected}": this is ${name.en}.`, at('')));
  }
  if ('struck' in ballot && expected === 'struck') {
    const seen = new Set<CandidateId>();
    for (let j = 0; j < ballot.struck.length; j++) {
      const id = ballot.struck[j]!;
      if (!index.has(id)) return err(unknownCandidate(id, at(`.struck[${j}]`)));
      if (seen.has(id)) {
        return err(ruleError('ballot.duplicate', `Tên "${id}" bị ghi gạch hai lần.`, `"${id}" is struck twice.`,
          at(`.struck[${j}]`)));
      }
      seen.add(id);
    }
  } else if ('marks' in ballot && expected === 'marks') {
    // for…in rather than Object.keys: no array per ballot (a parsed JSON object has only own keys).
    for (const id in ballot.marks) {
      if (!index.has(id)) return err(unknownCandidate(id, at(`.marks.${id}`)));
    }
  }
  return ok(true);
};

const unknownCandidate = (id: string, field: string): RuleError =>
  ruleError('ballot.unknown-candidate', `Không có người mang mã "${id}" trong danh sách bầu cử.`,
    `No candidate "${id}" on the election list.`, field);

const countAgree = (ballot: Ballot): number => {
  if (!('marks' in ballot)) return 0;
  let n = 0;
  for (const id in ballot.marks) if (ballot.marks[id] === 'agree') n++;
  return n;
};

/**
 * Whether a ballot is valid (docs/rules.md §5) [law, practice where set]: null for a valid ballot, otherwise the
 * first reason that applies. The ballot must already have passed `checkBallotShape`.
 */
export const invalidReason = (
  spec: Pick<ElectionSpec, 'kind' | 'seats' | 'alternateSeats' | 'settings' | 'candidates'>,
  form: BallotForm,
  ballot: Ballot,
): InvalidReason | null => {
  const s = spec.settings;
  if (ballot.notIssued === true || (s.unstampedIsNotIssued && ballot.unstamped === true)) return 'not-issued';
  if (form !== 'write-in') {
    if (s.writeInInvalid && (ballot.writeIns ?? 0) > 0) return 'write-in';
  }
  if (s.identifyingMarkInvalid && ballot.identifyingMarks === true) return 'identifying-mark';
  switch (form) {
    case 'strike-out': {
      const kept = spec.candidates.length - ('struck' in ballot ? ballot.struck.length : 0);
      if (kept > ballotLimit(spec)) return 'over-seats';
      if (kept === 0) return 'all-struck';
      return null;
    }
    case 'agree-disagree': {
      // Only names on the list can be marked, so a list no longer than the limit never keeps too many:
      // the rows are counted only when the list is longer (a spec built by hand with another form).
      const limit = ballotLimit(spec);
      return spec.candidates.length > limit && countAgree(ballot) > limit ? 'over-seats' : null;
    }
    case 'single': {
      const mark = 'marks' in ballot ? (Object.values(ballot.marks)[0] ?? 'none') : 'none';
      return s.singleCandidateBothOrNoneInvalid && (mark === 'both' || mark === 'none') ? 'no-choice' : null;
    }
    case 'opinion-poll':
    case 'write-in':
      return null;
  }
};

/** The ids a valid ballot votes for, in ballot order (for the counting console and the input log). */
export const ballotVotes = (
  spec: Pick<ElectionSpec, 'candidates'>,
  form: BallotForm,
  ballot: Ballot,
): CandidateId[] => {
  switch (form) {
    case 'strike-out': {
      const struck = new Set('struck' in ballot ? ballot.struck : []);
      return spec.candidates.filter((c) => !struck.has(c.id)).map((c) => c.id);
    }
    case 'agree-disagree':
    case 'single':
    case 'opinion-poll':
      return spec.candidates.filter((c) => 'marks' in ballot && ballot.marks[c.id] === 'agree').map((c) => c.id);
    case 'write-in':
      return 'writeIn' in ballot && ballot.writeIn !== null && spec.candidates.some((c) => c.id === ballot.writeIn)
        ? [ballot.writeIn]
        : [];
  }
};

