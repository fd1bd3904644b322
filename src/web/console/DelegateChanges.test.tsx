// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { DelegateChangeView } from '../../api/index.ts';
import { answer, fakeApi } from '../test-support/fake-api.ts';
import { renderScreen } from '../test-support/render.tsx';
import { CODE, userWith } from '../test-support/views.ts';
import { DelegateChanges } from './DelegateChanges.tsx';

const change = (over: Partial<DelegateChangeView>): DelegateChangeView => ({
  id: 1, at: '2020-07-15T01:05:00Z', by: 'Văn phòng Đảng ủy (vanphong)', delegateId: 7, fullName: 'Hoàng Thị Đào', kind: 'status',
  from: null, to: null, replacedBy: null, fields: [], reason: null, ...over,
});

const render = (view: { openedAt: string | null; changes: DelegateChangeView[] }) =>
  renderScreen(<DelegateChanges congress={CODE} />, fakeApi({ me: () => answer(userWith('secretariat')), delegateChanges: () => answer(view) }));

describe('the credentials history on the delegates screen', () => {
  it('before the opening it says so, with no table', async () => {
    const view = render({ openedAt: null, changes: [] });
    await view.findByText(/Đại hội chưa khai mạc/u);
    expect(view.queryByRole('table')).toBeNull();
  });

  it('lists each change: when (Vietnam time), who, the delegate, before → after or what was edited, the reason', async () => {
    const view = render({ openedAt: '2020-07-15T00:30:00Z', changes: [
      change({ id: 1, from: 'summoned', to: 'absent-whole', reason: 'Ốm, nằm viện' }),
      change({ id: 2, fullName: 'Lê Văn Bình', from: 'summoned', to: 'replaced', replacedBy: 'Vi Văn Sơn', reason: 'Công tác đột xuất' }),
      change({ id: 3, kind: 'edited', fullName: 'Nông Văn Tài', fields: ['birthDate', 'organisationId'] }),
      change({ id: 4, kind: 'card-reissued', fullName: 'Nông Văn Tài' }),
    ] });
    await view.findByText(/Từ khi khai mạc \(07:30 ngày 15\/7\/2020\)/u);
    const rows = (await view.findAllByTestId('delegate-change')).map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['08:05 15/7/2020', 'Văn phòng Đảng ủy (vanphong)', 'Hoàng Thị Đào', 'Được triệu tập → Vắng cả đại hội', 'Ốm, nằm viện'],
      ['08:05 15/7/2020', 'Văn phòng Đảng ủy (vanphong)', 'Lê Văn Bình', 'Được triệu tập → Đã thay bằng dự khuyết (thay bởi Vi Văn Sơn)', 'Công tác đột xuất'],
      ['08:05 15/7/2020', 'Văn phòng Đảng ủy (vanphong)', 'Nông Văn Tài', 'Sửa: Ngày sinh, Đơn vị', ''],
      ['08:05 15/7/2020', 'Văn phòng Đảng ủy (vanphong)', 'Nông Văn Tài', 'Cấp thẻ đại biểu mới', ''],
    ]);
  });
});
