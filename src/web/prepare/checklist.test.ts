import { describe, expect, it } from 'vitest';
import { checklist, type ChecklistFacts } from './checklist.ts';

const empty: ChecklistFacts = {
  congress: { kind: 'delegates' }, organisations: [{ role: 'host', active: true }], delegates: [], sessions: [], bodies: [], elections: [], roleGrants: 0,
};
const doneOf = (f: ChecklistFacts): Record<string, boolean | null> => Object.fromEntries(checklist(f).map((i) => [i.key, i.done]));

describe('the checklist before the opening day', () => {
  it('an empty congress of delegates: everything to do', () => {
    expect(doneOf(empty)).toEqual({ organisations: false, delegates: false, sessions: false, bodies: false, elections: false, cards: false, users: false });
  });

  it('a congress of members needs no member organisation and no credentials committee', () => {
    const member = (kind: 'presidium' | 'secretariat' | 'counting-board') => ({ kind, members: [{ delegateId: 1, fullName: 'A', role: 'head' as const }] });
    const f: ChecklistFacts = { ...empty, congress: { kind: 'members' }, bodies: [member('presidium'), member('secretariat'), member('counting-board')] };
    expect(doneOf(f)['organisations']).toBe(true);
    expect(doneOf(f)['bodies']).toBe(true);
    expect(doneOf({ ...f, congress: { kind: 'delegates' } })['bodies']).toBe(false);
  });

  it('a body without members (copied from an earlier congress) is not done; a deactivated organisation does not count', () => {
    const f: ChecklistFacts = { ...empty, organisations: [{ role: 'host', active: true }, { role: 'member', active: false }],
      bodies: [{ kind: 'presidium', members: [] }] };
    const items = checklist(f);
    expect(items.find((i) => i.key === 'organisations')?.counts).toEqual({ n: 0 });
    expect(items.find((i) => i.key === 'bodies')?.counts).toEqual({ n: 0 });
  });

  it('cards: done when every card to print is printed; a revoked or not-summoned one is not counted; a reissued one is to print again', () => {
    const d = (over: Partial<ChecklistFacts['delegates'][number]>) => ({ status: 'summoned' as const, standing: 'official' as const, cardRevoked: false, cardPrinted: true, ...over });
    expect(doneOf({ ...empty, delegates: [d({}), d({ cardRevoked: true, cardPrinted: false }), d({ status: 'not-summoned', cardPrinted: false })] })['cards']).toBe(true);
    const items = checklist({ ...empty, delegates: [d({}), d({ cardPrinted: false })] });
    expect(items.find((i) => i.key === 'cards')).toMatchObject({ done: false, counts: { n: 1, of: 2 } });
  });

  it('elections: done only when every election is linked to its agenda item', () => {
    const items = checklist({ ...empty, elections: [{ id: 1, agendaItemId: 7 }, { id: 2, agendaItemId: null }] });
    expect(items.find((i) => i.key === 'elections')).toMatchObject({ done: false, counts: { n: 2, linked: 1 } });
    expect(doneOf({ ...empty, elections: [{ id: 1, agendaItemId: 7 }] })['elections']).toBe(true);
  });

  it('the accounts are unknown to one who may not list them', () => {
    expect(doneOf({ ...empty, roleGrants: null })['users']).toBeNull();
    expect(doneOf({ ...empty, roleGrants: 3 })['users']).toBe(true);
  });
});
