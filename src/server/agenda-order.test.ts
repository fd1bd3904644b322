import { describe, expect, it } from 'vitest';
import { planAgendaOrder, type SessionItem } from './agenda-order.ts';

const items: SessionItem[] = [{ id: 1, title: 'Khai mạc', position: 4 }, { id: 2, title: 'Báo cáo', position: 5 }, { id: 3, title: 'Bế mạc', position: 9 }];
const apply = (list: readonly SessionItem[], wanted: readonly number[]): number[] => {
  const plan = planAgendaOrder(list, wanted);
  if (!plan.ok) throw new Error(plan.error.code);
  const at = new Map(list.map((i) => [i.id, i.position]));
  for (const c of plan.value) at.set(c.id, c.to);
  return [...at].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([id]) => id);
};

describe('planning a new agenda order', () => {
  it('reuses the session\'s positions and moves only what changes', () => {
    const plan = planAgendaOrder(items, [3, 1, 2]);
    expect(plan).toEqual({ ok: true, value: [{ id: 3, from: 9, to: 4 }, { id: 1, from: 4, to: 5 }, { id: 2, from: 5, to: 9 }] });
    expect(planAgendaOrder(items, [1, 2, 3])).toEqual({ ok: true, value: [] });
    expect(apply(items, [2, 3, 1])).toEqual([2, 3, 1]);
  });

  it('spreads equal positions so that the new order is strict', () => {
    const tied: SessionItem[] = [{ id: 7, title: 'A', position: 2 }, { id: 8, title: 'B', position: 2 }, { id: 9, title: 'C', position: 3 }];
    expect(apply(tied, [9, 8, 7])).toEqual([9, 8, 7]);
    expect(apply(tied, [8, 7, 9])).toEqual([8, 7, 9]);
  });

  it('refuses anything but every item exactly once, saying which', () => {
    const code = (wanted: number[]) => { const r = planAgendaOrder(items, wanted); return r.ok ? 'ok' : r.error.code; };
    expect(code([1, 2])).toBe('agenda.order-missing');
    expect(code([1, 2, 3, 3])).toBe('agenda.order-duplicate');
    expect(code([1, 2, 3, 4])).toBe('agenda.order-foreign');
    const missing = planAgendaOrder(items, [3]);
    expect(missing.ok ? '' : missing.error.message_vi).toBe('Thứ tự mới thiếu 2 mục của phiên họp («Khai mạc», «Báo cáo»): cần đủ mọi mục, mỗi mục một lần; thứ tự không được thay đổi.');
    expect(planAgendaOrder([], [])).toEqual({ ok: true, value: [] });
  });
});
