/**
 * What one operator may see of a batch: its status, the physical count and their OWN entry's running count.
 * An operator never sees another entry of the same batch, so the server sends only this.
 */
import type { BatchState } from './batch.ts';
import type { BatchId, CountingContext, OperatorId } from './context.ts';
import { batchStatus, type BatchStatus } from './ruling.ts';

export interface BatchView {
  readonly id: BatchId;
  readonly label: string;
  readonly physicalCount: number;
  readonly entriesRequired: number;
  readonly status: BatchStatus;
  /** This operator's own entry: ballots entered so far against the physical count; null when they have none. */
  readonly myEntry: { readonly ballots: number; readonly closed: boolean } | null;
}

export const batchView = (ctx: CountingContext, state: BatchState, operator: OperatorId): BatchView => {
  const mine = state.entries.find((e) => e.operator === operator);
  return {
    id: state.spec.id,
    label: state.spec.label,
    physicalCount: state.spec.physicalCount,
    entriesRequired: state.spec.entriesRequired,
    status: batchStatus(ctx, state),
    myEntry: mine === undefined ? null : { ballots: mine.ballots.length, closed: mine.closed },
  };
};
