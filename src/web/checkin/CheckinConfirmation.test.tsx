// @vitest-environment jsdom
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { DeskCheckinResult } from '../api/types.ts';
import { renderVi } from '../test-support/render.tsx';
import { CheckinConfirmation } from './CheckinConfirmation.tsx';
import { confirmationOf } from './desk-data.ts';

const result = (o: Partial<DeskCheckinResult> = {}, d: Partial<DeskCheckinResult['delegate']> = {}): DeskCheckinResult => ({
  outcome: 'checked-in',
  checkin: { id: 1, sessionId: 1, delegateId: 7, fullName: 'Hoàng Thị Đào', at: '2020-07-15T01:05:00Z', method: 'qr', desk: 'Bàn 2',
    leftAt: null, leftReason: null, voidedAt: null, voidReason: null },
  session: { id: 2, title: 'Phiên ngày thứ hai', position: 2, freshCheckin: false },
  delegate: { id: 7, code: 'DB007', fullName: 'Hoàng Thị Đào', seat: 'B12', organisationName: 'Đảng bộ Sở Y tế', standing: 'official', votes: true, replaces: null, ...d },
  ...o,
});
const box = (r: Parameters<typeof confirmationOf>[0]) => {
  const { getByTestId, unmount } = renderVi(<CheckinConfirmation confirmation={confirmationOf(r)} />);
  const b = getByTestId('confirmation').cloneNode(true) as HTMLElement;
  unmount();
  return b;
};

describe('check-in confirmation: each case in its own colour', () => {
  it('green with the name, organisation and seat when checked in now', () => {
    const b = box({ ok: true, result: result() });
    expect(b.getAttribute('data-kind')).toBe('accepted');
    expect(b.textContent).toContain('Đã điểm danh');
    expect(b.textContent).toContain('Hoàng Thị Đào');
    expect(b.textContent).toContain('Đảng bộ Sở Y tế');
    expect(b.textContent).toContain('Ghế B12');
  });

  it('blue, not red, when present already: with the time, session, desk and how (the card scanned)', () => {
    const b = box({ ok: true, result: result({ outcome: 'already' }) });
    expect(b.getAttribute('data-kind')).toBe('already');
    expect(b.getAttribute('data-ok')).toBe('true');
    expect(b.textContent).toContain('Đã điểm danh trước đó');
    expect(b.textContent).toMatch(/Có mặt từ \d\d:\d\d \(Phiên ngày thứ hai, Bàn 2, quét thẻ\)/u);
  });

  it('an alternate is told they do not vote; the one replacing an official, whom they replace', () => {
    const alt = box({ ok: true, result: result({}, { standing: 'alternate', votes: false }) });
    expect(alt.getAttribute('data-kind')).toBe('not-voting');
    expect(alt.textContent).toContain('Đại biểu dự khuyết: đã ghi có mặt, KHÔNG biểu quyết, bầu cử.');
    const replacing = box({ ok: true, result: result({}, { standing: 'alternate', votes: true, replaces: 'Trần Văn Nam' }) });
    expect(replacing.getAttribute('data-kind')).toBe('accepted');
    expect(replacing.textContent).toContain('thay thế đồng chí Trần Văn Nam');
  });

  it('amber for a delegate not admitted (absent for the whole congress…), red for a fault', () => {
    const absent = box({ ok: false, code: 'checkin.absent-whole', message_vi: 'Đồng chí X được ghi vắng mặt cả đại hội.', message_en: 'X is absent.' });
    expect(absent.getAttribute('data-kind')).toBe('not-admitted');
    expect(absent.textContent).toContain('Chưa điểm danh');
    expect(absent.textContent).toContain('vắng mặt cả đại hội');
    const fault = box({ ok: false, code: 'checkin.card-revoked', message_vi: 'Thẻ đã bị thu hồi.', message_en: 'Card revoked.' });
    expect(fault.getAttribute('data-kind')).toBe('refused');
    expect(fault.textContent).toContain('Không điểm danh được');
  });

  it('invites the next delegate while idle', () => {
    const { container } = renderVi(<CheckinConfirmation confirmation={null} />);
    expect(container.textContent).toContain('Mời đại biểu quét thẻ');
  });

  it('speaks English when switched, Vietnamese again after', async () => {
    const c = confirmationOf({ ok: false, code: 'card.revoked', message_vi: 'Thẻ đã bị thu hồi.', message_en: 'Card revoked.' });
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
