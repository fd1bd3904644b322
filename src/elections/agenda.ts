/**
 * A round's voting opens under the agenda item of its election: the congress votes on what its agenda is on.
 * The chair may open it under another item only with a stated reason, which is recorded with the round.
 */
import { ok, type Result } from '../rules/index.ts';
import { refuseNow, type Refusal } from './refusal.ts';

export interface AgendaItemRef {
  readonly id: number;
  readonly title: string;
}

export interface AgendaFacts {
  /** The item the election belongs to (null: not linked yet). */
  readonly electionItem: AgendaItemRef | null;
  /** The item the congress is on now (null: none chosen). */
  readonly currentItem: AgendaItemRef | null;
  /** Whether the congress runs an agenda in the system at all (a congress without one is not guarded). */
  readonly agendaInUse: boolean;
}

/** Where the round is voted: the agenda item recorded with it, and the override's reason when there is one. */
export interface VotingPlace {
  readonly agendaItemId: number | null;
  readonly override: string | null;
}

export const canOpenVotingOn = (a: AgendaFacts, override: string | undefined): Result<VotingPlace, Refusal> => {
  const reason = override?.trim() ?? '';
  if (reason !== '') return ok({ agendaItemId: a.currentItem?.id ?? a.electionItem?.id ?? null, override: reason });
  if (!a.agendaInUse) return ok({ agendaItemId: a.electionItem?.id ?? null, override: null });
  const now = a.currentItem === null ? 'chưa chọn mục nào' : `đang ở mục «${a.currentItem.title}»`;
  const nowEn = a.currentItem === null ? 'no item is current' : `the current item is "${a.currentItem.title}"`;
  if (a.electionItem === null) {
    return refuseNow('voting.no-agenda-item',
      `Cuộc bầu cử chưa gắn với mục nào của chương trình đại hội (chương trình ${now}): gắn cuộc bầu cử vào mục của nó, hoặc ghi lý do để mở bỏ phiếu ngoài chương trình.`,
      `The election is not linked to an agenda item (${nowEn}): link it to its item, or state a reason to open voting off the agenda.`);
  }
  if (a.currentItem?.id !== a.electionItem.id) {
    return refuseNow('voting.other-item',
      `Chương trình đại hội ${now}, không phải mục «${a.electionItem.title}» của cuộc bầu cử này: chuyển chương trình sang mục đó trước, hoặc ghi lý do để mở bỏ phiếu.`,
      `The congress agenda: ${nowEn}, not "${a.electionItem.title}" of this election: move the agenda to that item first, or state a reason to open voting.`);
  }
  return ok({ agendaItemId: a.electionItem.id, override: null });
};
