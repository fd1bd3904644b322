// @vitest-environment jsdom
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { renderVi } from '../test-support/render.tsx';
import { CheckinConfirmation } from './CheckinConfirmation.tsx';
import { confirmationOf } from './desk-data.ts';
import type { DeskDelegate } from '../api/types.ts';

const row: DeskDelegate = {
  delegate: {
    id: 7, code: 'DB007', fullName: 'Hoàng Thị Đào', gender: 'female', birthDate: '1975-03-02', ethnicity: 'Tày', education: null,
    politicalTheory: null, partyJoinDate: null, position: null, organisationId: 3, category: 'elected', standing: 'official',
    status: 'summoned', statusReason: null, replacedById: null, isConveningMember: false, seat: 'B12', cardRevoked: false, cardPrinted: false,
  },
  organisationName: 'Đảng bộ Sở Y tế',
  checkedIn: false,
};
const checkin = { id: 1, sessionId: 1, delegateId: 7, fullName: 'Hoàng Thị Đào', at: '2020-07-15T01:00:00Z', method: 'qr' as const, desk: 'web' };

describe('check-in confirmation', () => {
  it('green with the name, organisation and seat when accepted', () => {
    const c = confirmationOf({ ok: true, checkin, delegate: null, organisationName: null }, [row]);
    const { getByTestId } = renderVi(<CheckinConfirmation confirmation={c} />);
    const box = getByTestId('confirmation');
    expect(box.className).toContain('accepted');
    expect(box.getAttribute('data-ok')).toBe('true');
    expect(box.textContent).toContain('Đã điểm danh');
    expect(box.textContent).toContain('Hoàng Thị Đào');
    expect(box.textContent).toContain('Đảng bộ Sở Y tế');
    expect(box.textContent).toContain('Ghế B12');
  });

  it('says so when the delegate was already checked in', () => {
    const c = confirmationOf({ ok: true, checkin, delegate: null, organisationName: null }, [{ ...row, checkedIn: true }]);
    const { getByTestId } = renderVi(<CheckinConfirmation confirmation={c} />);
    expect(getByTestId('confirmation').textContent).toContain('Đã điểm danh trước đó');
  });

  it('red with the server\'s reason when refused', () => {
    const c = confirmationOf({ ok: false, message_vi: 'Thẻ đã bị thu hồi.', message_en: 'Card revoked.' }, [row]);
    const { getByTestId } = renderVi(<CheckinConfirmation confirmation={c} />);
    const box = getByTestId('confirmation');
    expect(box.className).toContain('refused');
    expect(box.getAttribute('data-ok')).toBe('false');
    expect(box.textContent).toContain('Không điểm danh được');
    expect(box.textContent).toContain('Thẻ đã bị thu hồi.');
  });

  it('invites the next delegate while idle', () => {
    const { container } = renderVi(<CheckinConfirmation confirmation={null} />);
    expect(container.textContent).toContain('Mời đại biểu quét thẻ');
  });

  it('speaks English when switched, Vietnamese again after', async () => {
    const c = confirmationOf({ ok: false, message_vi: 'Thẻ đã bị thu hồi.', message_en: 'Card revoked.' }, [row]);
    await i18next.changeLanguage('en');
    try {
      const { getByTestId, unmount } = renderVi(<CheckinConfirmation confirmation={c} />);
      expect(getByTestId('confirmation').textContent).toContain('Check-in refused');
      expect(getByTestId('confirmation').textContent).toContain('Card revoked.');
      unmount();
    } finally {
      await i18next.changeLanguage('vi');
    }
    const { getByTestId } = renderVi(<CheckinConfirmation confirmation={c} />);
    expect(getByTestId('confirmation').textContent).toContain('Không điểm danh được');
  });
});
