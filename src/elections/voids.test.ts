import { describe, expect, it } from 'vitest';
import { requireHandsCounted } from '../rules/index.ts';
import { canVoid, canVoidNomination } from './voids.ts';

const refusal = (r: { ok: boolean; error?: { code: string; kind: string } }): string => (r.ok ? 'ok' : `${r.error!.kind}:${r.error!.code}`);

describe('voids', () => {
  it('needs a reason and voids once', () => {
    const v = { what_vi: 'Biểu quyết', what_en: 'Vote', voidedAt: null };
    expect(canVoid(v, '  nhầm số  ')).toEqual({ ok: true, value: 'nhầm số' });
    expect(refusal(canVoid(v, '   ') as never)).toBe('rule:void.reason');
    expect(refusal(canVoid({ ...v, voidedAt: '2020-07-16T01:00:00.000Z' }, 'x') as never)).toBe('state:void.already');
  });
  it('voids a nomination made at the congress while the list is a draft, never the committee list', () => {
    const nominee = { source: 'nominated' as const, name: 'Lê Văn Bình', voidedAt: null };
    expect(canVoidNomination(nominee, 'draft', 'giới thiệu nhầm người').ok).toBe(true);
    expect(refusal(canVoidNomination({ ...nominee, source: 'self-nominated' }, 'draft', 'x') as never)).toBe('ok');
    expect(refusal(canVoidNomination(nominee, 'list-approved', 'x') as never)).toBe('state:void.list-approved');
    expect(refusal(canVoidNomination({ ...nominee, source: 'committee-list' }, 'draft', 'x') as never)).toBe('rule:void.committee-list');
    expect(refusal(canVoidNomination(nominee, 'draft', '') as never)).toBe('rule:void.reason');
  });
  it('refuses an empty show of hands, accepts any count typed', () => {
    expect(requireHandsCounted({ agree: 0, disagree: 0, other: 0 }).ok).toBe(false);
    expect(requireHandsCounted({ agree: 0, disagree: 1, other: 0 }).ok).toBe(true);
    expect(requireHandsCounted({ agree: 0, disagree: 0, other: 2 }).ok).toBe(true);
  });
});
