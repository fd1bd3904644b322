/**
 * The board's decision on one scanned sheet in review, pure: the form's state prefilled from the reader's
 * proposal, and the DecideSheetBody it sends. The ballot's shape follows the round's form: names struck
 * (strike-out), a mark per name (agree / disagree, single, opinion poll), or the name written in (write-in).
 */
import type { DecideSheetBody, ScanSheetView } from '../../api/scan.ts';
import type { BallotForm, Mark } from '../../rules/index.ts';

export type SheetBallot = DecideSheetBody['ballot'];

export type ChoiceState =
  | { readonly kind: 'struck'; readonly struck: ReadonlySet<string> }
  | { readonly kind: 'marks'; readonly marks: Readonly<Record<string, Mark>> }
  | { readonly kind: 'write-in'; readonly writeIn: string | null };

export interface DecisionState {
  readonly choice: ChoiceState;
  readonly notIssued: boolean;
  /** No stamp: whether that makes it not issued is the election's setting, applied by the count. */
  readonly unstamped: boolean;
  readonly identifyingMarks: boolean;
  readonly writeIns: number;
}

export const choiceKindOf = (form: BallotForm): ChoiceState['kind'] =>
  form === 'strike-out' ? 'struck' : form === 'write-in' ? 'write-in' : 'marks';

/** The form as the reader proposed it (or blank when it could not read the sheet), for these candidates in ballot order. */
export const initialDecision = (form: BallotForm, candidateIds: readonly string[], sheet: Pick<ScanSheetView, 'proposal' | 'decision'>): DecisionState => {
  const from = sheet.decision ?? sheet.proposal;
  const kind = choiceKindOf(form);
  const choice: ChoiceState = kind === 'struck'
    ? { kind, struck: new Set(from !== null && 'struck' in from ? from.struck.filter((id) => candidateIds.includes(id)) : []) }
    : kind === 'marks'
      ? { kind, marks: Object.fromEntries(candidateIds.map((id) => [id, from !== null && 'marks' in from ? from.marks[id] ?? 'none' : 'none'])) }
      : { kind, writeIn: from !== null && 'writeIn' in from && from.writeIn !== null && candidateIds.includes(from.writeIn) ? from.writeIn : null };
  return {
    choice,
    notIssued: from?.notIssued ?? false,
    unstamped: from?.unstamped ?? false,
    identifyingMarks: from?.identifyingMarks ?? false,
    writeIns: from?.writeIns ?? 0,
  };
};

/** The body the board sends; struck names in ballot order, flags only when set. */
export const decisionBody = (state: DecisionState, candidateIds: readonly string[]): DecideSheetBody => {
  const flags = {
    ...(state.notIssued ? { notIssued: true } : {}),
    ...(state.unstamped ? { unstamped: true } : {}),
    ...(state.writeIns > 0 ? { writeIns: state.writeIns } : {}),
    ...(state.identifyingMarks ? { identifyingMarks: true } : {}),
  };
  const c = state.choice;
  const ballot: SheetBallot = c.kind === 'struck'
    ? { ...flags, struck: candidateIds.filter((id) => c.struck.has(id)) }
    : c.kind === 'marks'
      ? { ...flags, marks: Object.fromEntries(candidateIds.map((id) => [id, c.marks[id] ?? 'none'])) }
      : { ...flags, writeIn: c.writeIn };
  return { ballot };
};
