// @vitest-environment jsdom
import { fireEvent, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CommentBody, CommentView, UnitView } from '../../api/index.ts';
import type { z } from 'zod';
import { answer, fakeApi } from '../test-support/fake-api.ts';
import { renderScreen } from '../test-support/render.tsx';
import { delegateView, userWith } from '../test-support/views.ts';
import { PaperComments } from './PaperComments.tsx';

type Body = z.input<typeof CommentBody>;

const unit: UnitView = { id: 412, position: 12, kind: 'paragraph', level: 3, label: '12', ref: 'Đoạn 12', number: 12, text: 'Nâng cao năng lực lãnh đạo của tổ chức cơ sở đảng.', comments: 0 };
const comment = (body: Body, id: number): CommentView => ({
  id, documentId: 5, unitId: body.unitId, unitRef: 'II › đ1', unitCite: 'Đoạn 12 (II › đ1)', delegateId: body.delegateId ?? null, delegateName: body.delegateId === 2 ? 'Lường Thị Bình' : null,
  kind: body.kind, quote: null, proposedText: body.proposedText ?? null, text: body.text, source: 'paper', enteredBy: 'vanphong', createdAt: '', updatedAt: '',
} as CommentView);

const render = (sent: Body[], voids: string[] = []) => renderScreen(<PaperComments documentId={5} />, fakeApi({
  me: () => answer(userWith('secretariat')),
  listDelegates: () => answer([delegateView(1, 'Hoàng Văn An'), delegateView(2, 'Lường Thị Bình')]),
  listDiscussionUnits: ({ query }) => answer({ documentId: 5, versionId: 9, versionNumber: 1, total: 40, offset: 0, units: query?.number === 12 ? [unit] : [] }),
  postDiscussionComment: ({ body }) => { sent.push(body); return answer(comment(body, 100 + sent.length)); },
  voidDiscussionComment: ({ body }) => { voids.push(body.reason); return answer(comment({ unitId: 412, kind: 'change', text: '', delegateId: null }, 101)); },
}));

const typeParagraph = async (view: ReturnType<typeof render>, n: string): Promise<void> => {
  const number = await view.findByLabelText('Số đoạn');
  fireEvent.change(number, { target: { value: n } });
  fireEvent.blur(number);
};

describe('the secretariat types in paper comment forms', () => {
  it('finds the paragraph by its number, or says at once that there is none', async () => {
    const view = render([]);
    await typeParagraph(view, '99');
    await view.findByText('Không có đoạn số này.');
    expect((view.getByRole('button', { name: 'Ghi phiếu (Enter)' }) as HTMLButtonElement).disabled).toBe(true);
    await typeParagraph(view, '12');
    await view.findByText('Đoạn 12: Nâng cao năng lực lãnh đạo của tổ chức cơ sở đảng.');
  });

  it('refuses a delegate number nobody has, sending nothing; records a signed and an unsigned form', async () => {
    const sent: Body[] = [];
    const view = render(sent);
    await typeParagraph(view, '12');
    await view.findByText(/^Đoạn 12:/u);
    fireEvent.change(view.getByLabelText('Mã đại biểu ghi trên phiếu (để trống nếu phiếu không ký tên)'), { target: { value: '077' } });
    fireEvent.change(view.getByLabelText('Nội dung ý kiến'), { target: { value: 'Bổ sung cụm từ "và sức chiến đấu"' } });
    fireEvent.change(view.getByLabelText('Câu chữ đề nghị'), { target: { value: 'Nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng.' } });
    fireEvent.click(view.getByRole('button', { name: 'Ghi phiếu (Enter)' }));
    await view.findByText('Không có đại biểu mã 077.');
    expect(sent).toEqual([]);
    fireEvent.change(view.getByLabelText('Mã đại biểu ghi trên phiếu (để trống nếu phiếu không ký tên)'), { target: { value: '002' } });
    fireEvent.click(view.getByRole('button', { name: 'Ghi phiếu (Enter)' }));
    await waitFor(() => expect(sent).toEqual([{
      unitId: 412, kind: 'change', text: 'Bổ sung cụm từ "và sức chiến đấu"', proposedText: 'Nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng.', quote: null, delegateId: 2,
    }]));
    await view.findByText(/Lường Thị Bình — Sửa câu chữ/u);
    // The form is cleared for the next paper; an unsigned one goes with no delegate.
    await typeParagraph(view, '12');
    await view.findByText(/^Đoạn 12:/u);
    fireEvent.keyDown(view.getByLabelText('Nội dung ý kiến'), { key: '1', altKey: true });
    fireEvent.change(view.getByLabelText('Nội dung ý kiến'), { target: { value: 'Tán thành' } });
    fireEvent.click(view.getByRole('button', { name: 'Ghi phiếu (Enter)' }));
    await waitFor(() => expect(sent[1]).toEqual({ unitId: 412, kind: 'agree', text: 'Tán thành', proposedText: null, quote: null, delegateId: null }));
    await view.findByText(/Phiếu không ký tên — Tán thành/u);
  });

  it('voids a form typed wrongly only with a reason', async () => {
    const sent: Body[] = [];
    const voids: string[] = [];
    const view = render(sent, voids);
    await typeParagraph(view, '12');
    await view.findByText(/^Đoạn 12:/u);
    fireEvent.change(view.getByLabelText('Nội dung ý kiến'), { target: { value: 'Nhầm' } });
    fireEvent.change(view.getByLabelText('Câu chữ đề nghị'), { target: { value: 'Nhầm' } });
    fireEvent.click(view.getByRole('button', { name: 'Ghi phiếu (Enter)' }));
    const row = await view.findByTestId('paper-comment');
    fireEvent.click(row.querySelector('button')!);
    const confirm = within(row.querySelector('dialog')!).getByRole('button', { name: 'Hủy', hidden: true });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(view.getByLabelText('Lý do hủy'), { target: { value: 'Nhập nhầm đoạn' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(voids).toEqual(['Nhập nhầm đoạn']));
    await waitFor(() => expect(view.queryByTestId('paper-comment')).toBeNull());
  });
});
