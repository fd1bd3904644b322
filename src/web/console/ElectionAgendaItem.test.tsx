// @vitest-environment jsdom
import { fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultCongressSettings } from '../../rules/index.ts';
import type { ElectionView, Principal, Session } from '../api/types.ts';
import { answer, fakeApi } from '../test-support/fake-api.ts';
import { renderScreen } from '../test-support/render.tsx';
import { congressView, electionView, roundView, userWith } from '../test-support/views.ts';
import { ElectionsSection } from './ElectionsSection.tsx';

const item = (id: number, title: string, kind: Session['items'][number]['kind']): Session['items'][number] =>
  ({ id, sessionId: 1, position: id, title, kind, status: 'pending' });
const sessions: Session[] = [{
  id: 1, kind: 'official', title: 'Phiên chính thức', position: 1, startsAt: null, freshCheckin: false,
  items: [item(10, 'Khai mạc', 'opening'), item(11, 'Bầu cử', 'election')],
}];

const render = (me: Principal, election: ElectionView = electionView({ rounds: [roundView({})] }), agenda: Session[] = sessions) => {
  const sent: Array<number | null> = [];
  let current = election;
  const view = renderScreen(<ElectionsSection />, fakeApi({
    me: () => answer(me),
    getCongress: () => answer(congressView({ settings: { ...defaultCongressSettings, delegationMaxSurplus: null } })),
    listElections: () => answer([current]),
    listSessions: () => answer(agenda),
    setElectionAgendaItem: ({ body }) => {
      sent.push(body.agendaItemId);
      current = { ...current, agendaItemId: body.agendaItemId };
      return answer(current);
    },
  }));
  return { view, sent };
};

describe("an election's agenda item, chosen on its card", () => {
  it('the secretariat sees the election items first, the others after, and the choice is saved', async () => {
    const { view, sent } = render(userWith('secretariat'));
    const select = await view.findByLabelText('Mục chương trình bầu cử');
    expect([...(select as HTMLSelectElement).options].map((o) => o.text))
      .toEqual(['— Chưa gắn với mục nào —', 'Phiên chính thức — Bầu cử', 'Phiên chính thức — Khai mạc']);
    expect(view.getByText(/Chưa gắn với mục chương trình/u)).toBeTruthy();
    fireEvent.change(select, { target: { value: '11' } });
    await view.findByText('Đã lưu.');
    expect(sent).toEqual([11]);
    await waitFor(() => expect((view.getByLabelText('Mục chương trình bầu cử') as HTMLSelectElement).value).toBe('11'));
    expect(view.queryByText(/Chưa gắn với mục chương trình/u)).toBeNull();
  });

  it('one who may not link it (the presidium) does not see the select', async () => {
    const { view } = render(userWith('presidium'));
    await view.findByTestId('surplus');
    expect(view.queryByLabelText('Mục chương trình bầu cử')).toBeNull();
  });

  it('says voting may be opened while its item is current, and not once voting has been opened', async () => {
    const current: Session[] = sessions.map((s) => ({ ...s, items: s.items.map((i) => (i.id === 11 ? { ...i, status: 'current' } : i)) }));
    const open = 'Mục này đang diễn ra: có thể mở bỏ phiếu.';
    const before = render(userWith('secretariat'), electionView({ agendaItemId: 11, rounds: [roundView({ status: 'list-approved' })] }), current);
    await before.view.findByText(open);
    before.view.unmount();
    const after = render(userWith('secretariat'), electionView({ agendaItemId: 11, rounds: [roundView({ status: 'published' })] }), current);
    await after.view.findByLabelText('Mục chương trình bầu cử');
    expect(after.view.queryByText(open)).toBeNull();
  });
});
