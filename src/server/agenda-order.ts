/**
 * Reordering the agenda items of one session (PUT …/sessions/:id/items/order): the wanted order must name every
 * item of the session exactly once. Pure: the route loads the items, this decides, the route writes.
 *
 * Positions are compared only within a session (items are numbered congress-wide when added, per session by the
 * demo loader), so the new order reuses the session's own positions, lowest first; equal positions (two items
 * added at once) are spread so that the new order is strict.
 */
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';

export interface SessionItem {
  readonly id: number;
  readonly title: string;
  readonly position: number;
}

export interface PositionChange {
  readonly id: number;
  readonly from: number;
  readonly to: number;
}

const FIELD = 'body.items';

/** The positions to write so that the session's items come in `wanted` order; only the items that move. */
export const planAgendaOrder = (items: readonly SessionItem[], wanted: readonly number[]): Result<readonly PositionChange[], RuleError> => {
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Set<number>();
  for (const id of wanted) {
    const item = byId.get(id);
    if (item === undefined) {
      return err(ruleError('agenda.order-foreign', `Mục chương trình số ${id} không thuộc phiên họp này: thứ tự không được thay đổi.`,
        `Agenda item ${id} is not in this session: the order was not changed.`, FIELD));
    }
    if (seen.has(id)) {
      return err(ruleError('agenda.order-duplicate', `Mục «${item.title}» có hai lần trong thứ tự mới: thứ tự không được thay đổi.`,
        `Item "${item.title}" appears twice in the new order: the order was not changed.`, FIELD));
    }
    seen.add(id);
  }
  const missing = items.filter((i) => !seen.has(i.id));
  if (missing.length > 0) {
    const vi = missing.map((i) => `«${i.title}»`).join(', ');
    const en = missing.map((i) => `"${i.title}"`).join(', ');
    return err(ruleError('agenda.order-missing', `Thứ tự mới thiếu ${missing.length} mục của phiên họp (${vi}): cần đủ mọi mục, mỗi mục một lần; thứ tự không được thay đổi.`,
      `The new order lacks ${missing.length} item(s) of the session (${en}): every item is needed once; the order was not changed.`, FIELD));
  }
  const sorted = items.map((i) => i.position).sort((a, b) => a - b);
  const slots: number[] = [];
  for (const p of sorted) slots.push(slots.length === 0 ? p : Math.max(p, slots[slots.length - 1]! + 1));
  const changes: PositionChange[] = [];
  wanted.forEach((id, index) => {
    const from = byId.get(id)!.position;
    const to = slots[index]!;
    if (from !== to) changes.push({ id, from, to });
  });
  return ok(changes);
};
