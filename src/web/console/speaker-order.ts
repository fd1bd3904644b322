/** Moving a speaker one place up or down the queue: the two position changes that swap them with their neighbour. */
export interface Queued {
  readonly id: number;
  readonly position: number;
}

export const swapWithNeighbour = (queue: readonly Queued[], id: number, delta: -1 | 1): ReadonlyArray<{ readonly id: number; readonly position: number }> => {
  const ordered = [...queue].sort((a, b) => a.position - b.position);
  const i = ordered.findIndex((s) => s.id === id);
  const other = ordered[i + delta];
  const self = ordered[i];
  if (i < 0 || self === undefined || other === undefined) return [];
  // Equal positions (never expected) still end in a strict order.
  const [a, b] = self.position === other.position
    ? [other.position + (delta === -1 ? 0 : 1), self.position + (delta === -1 ? 1 : 0)]
    : [other.position, self.position];
  return [{ id: self.id, position: a }, { id: other.id, position: b }];
};
