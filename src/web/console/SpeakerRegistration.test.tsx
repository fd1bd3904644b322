// @vitest-environment jsdom
import { fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SpeakerBody } from '../../api/index.ts';
import type { z } from 'zod';
import { answer, fakeApi } from '../test-support/fake-api.ts';
import { renderScreen } from '../test-support/render.tsx';
import { delegateView, userWith } from '../test-support/views.ts';
import { SpeakerRegistration } from './SpeakerRegistration.tsx';

type Body = z.input<typeof SpeakerBody>;

const render = (sent: Body[]) => renderScreen(<SpeakerRegistration onRegistered={() => undefined} />, fakeApi({
  me: () => answer(userWith('secretariat')),
  listDelegates: () => answer([delegateView(12, 'Hoàng Thị Đào')]),
  registerSpeaker: ({ body }) => {
    sent.push(body);
    return answer({ id: 1, delegateId: body.delegateId ?? null, speakerName: body.speakerName, title: body.title, position: 1, status: 'registered' as const, registeredAt: '', hasText: body.text != null });
  },
}));

describe('the secretariat registers a contribution', () => {
  it('for a delegate found by number (the name filled in), with the text; an unknown number is refused', async () => {
    const sent: Body[] = [];
    const view = render(sent);
    const number = await view.findByLabelText('Mã đại biểu (để trống nếu là khách mời)');
    fireEvent.change(number, { target: { value: '099' } });
    fireEvent.change(view.getByLabelText('Họ và tên người phát biểu'), { target: { value: 'Ai đó' } });
    fireEvent.change(view.getByLabelText('Tên bài tham luận'), { target: { value: 'Chuyển đổi số' } });
    fireEvent.click(view.getByRole('button', { name: 'Đăng ký' }));
    await view.findByText('Không có đại biểu mã 099.');
    expect(sent).toEqual([]);
    fireEvent.change(number, { target: { value: '012' } });
    await waitFor(() => expect((view.getByLabelText('Họ và tên người phát biểu') as HTMLInputElement).value).toBe('Hoàng Thị Đào'));
    fireEvent.change(view.getByLabelText('Nội dung bài tham luận (có thể gửi sau)'), { target: { value: ' Kính thưa đại hội! ' } });
    fireEvent.click(view.getByRole('button', { name: 'Đăng ký' }));
    await waitFor(() => expect(sent).toEqual([{ delegateId: 12, speakerName: 'Hoàng Thị Đào', title: 'Chuyển đổi số', text: 'Kính thưa đại hội!' }]));
  });

  it('for a guest: no number, the name typed, the text sent later', async () => {
    const sent: Body[] = [];
    const view = render(sent);
    fireEvent.change(await view.findByLabelText('Họ và tên người phát biểu'), { target: { value: 'Đồng chí Bí thư Tỉnh ủy' } });
    fireEvent.change(view.getByLabelText('Tên bài tham luận'), { target: { value: 'Phát biểu chỉ đạo' } });
    fireEvent.click(view.getByRole('button', { name: 'Đăng ký' }));
    await waitFor(() => expect(sent).toEqual([{ delegateId: null, speakerName: 'Đồng chí Bí thư Tỉnh ủy', title: 'Phát biểu chỉ đạo', text: null }]));
  });
});
