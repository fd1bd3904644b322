// @vitest-environment jsdom
import { fireEvent, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DiscussionDocumentView, GroupOpinionBody, GroupOpinionView, GroupView, UnitView } from '../../api/index.ts';
import type { z } from 'zod';
import { answer, fakeApi } from '../test-support/fake-api.ts';
import { renderScreen } from '../test-support/render.tsx';
import type { Principal } from '../api/types.ts';
import { CODE, userWith } from '../test-support/views.ts';
import GroupRecorder from './GroupRecorder.tsx';

type Body = z.input<typeof GroupOpinionBody>;

const group: GroupView = {
  id: 3, name: 'Tổ 2', leader: null, secretary: { id: 2, fullName: 'Lường Thị Bình' }, sitting: true,
  members: [{ id: 1, fullName: 'Hoàng Văn An', code: '001' }, { id: 2, fullName: 'Lường Thị Bình', code: '002' }],
};
const doc: DiscussionDocumentView = { id: 5, kind: 'political-report', title: 'Báo cáo chính trị', access: 'delegates', commentDeadline: null, open: true, currentVersionId: 9, versions: [], createdAt: '' };
const unit: UnitView = { id: 402, position: 2, kind: 'paragraph', level: 3, label: '2', ref: 'Đoạn 2', number: 2, text: 'Công tác giáo dục chính trị, tư tưởng.', comments: 0 };
const recorded: GroupOpinionView = {
  id: 70, groupId: 3, documentId: 5, unitId: 402, unitRef: 'I › đ2', unitCite: 'Đoạn 2 (I › đ2)', kind: 'addition', text: 'Nhấn mạnh đảng viên trẻ', proposedText: null,
  speakerDelegateId: null, speakerName: null, agreeCount: 6, enteredBy: 'vanphong', createdAt: '', voided: false, voidReason: null, carried: null, carriedFromRef: null,
};

const secretaryOfTheGroup: Principal = { kind: 'delegate', id: 2, congress: CODE, fullName: 'Lường Thị Bình' };

const render = (sent: Body[], voids: string[], as: Principal = userWith('secretariat'), sitting = true, documents = answer([doc])) => renderScreen(<GroupRecorder />, fakeApi({
  me: () => answer(as),
  listDiscussionGroups: () => answer([{ ...group, sitting }]),
  listDiscussionDocuments: () => documents,
  listGroupOpinions: () => answer([recorded, { ...recorded, id: 71, text: 'Bỏ câu cuối', kind: 'removal', carried: 'removed', carriedFromRef: 'Đoạn 9' }]),
  listDiscussionUnits: () => answer({ documentId: 5, versionId: 9, versionNumber: 1, total: 40, offset: 0, units: [unit] }),
  recordGroupOpinion: ({ body }) => { sent.push(body); return answer(recorded); },
  voidGroupOpinion: ({ body }) => { voids.push(body.reason); return answer({ ...recorded, voided: true, voidReason: body.reason }); },
}));

describe('a group secretary records the group\'s opinions', () => {
  it('refuses a speaker\'s number who is not of the group instead of dropping it', async () => {
    const sent: Body[] = [];
    const view = render(sent, []);
    const number = await view.findByLabelText('Số đoạn');
    fireEvent.change(number, { target: { value: '2' } });
    fireEvent.blur(number);
    await view.findByText('Đoạn 2: Công tác giáo dục chính trị, tư tưởng.');
    fireEvent.change(view.getByLabelText('Nội dung ý kiến'), { target: { value: 'Nhấn mạnh đảng viên trẻ' } });
    fireEvent.change(view.getByLabelText('Câu chữ đề nghị'), { target: { value: 'Chú trọng đảng viên trẻ.' } });
    fireEvent.change(view.getByLabelText('Mã người phát biểu'), { target: { value: '009' } });
    fireEvent.click(view.getByRole('button', { name: 'Ghi (Enter)' }));
    await view.findByText('Mã 009 không phải đại biểu của Tổ 2.');
    expect(sent).toEqual([]);
    fireEvent.change(view.getByLabelText('Mã người phát biểu'), { target: { value: '001' } });
    fireEvent.click(view.getByRole('button', { name: 'Ghi (Enter)' }));
    await waitFor(() => expect(sent.map((b) => b.speakerDelegateId)).toEqual([1]));
  });

  it('marks the opinions carried from an earlier version of the draft', async () => {
    const view = render([], []);
    const item = (await view.findByText(/Bỏ câu cuối/u)).closest('li')!;
    expect(item.textContent).toContain('về Đoạn 9 của phiên bản trước, đoạn đã bỏ');
  });

  it('shows the paragraph of a number typed while the documents were still loading, once they are', async () => {
    let loaded = (): void => undefined;
    const documents = new Promise<Awaited<ReturnType<typeof answer<DiscussionDocumentView[]>>>>((resolve) => {
      loaded = () => resolve({ ok: true, value: [doc] });
    });
    const view = render([], [], userWith('secretariat'), true, documents);
    const number = await view.findByLabelText('Số đoạn');
    fireEvent.change(number, { target: { value: '2' } });
    fireEvent.blur(number);
    expect(view.queryByText('Đoạn 2: Công tác giáo dục chính trị, tư tưởng.')).toBeNull();
    loaded();
    await view.findByText('Đoạn 2: Công tác giáo dục chính trị, tư tưởng.');
  });

  it('voids a recorded opinion only with the reason typed', async () => {
    const voids: string[] = [];
    const view = render([], voids);
    const item = (await view.findByText(/Nhấn mạnh đảng viên trẻ/u)).closest('li')!;
    expect(item.querySelector('.carried')).toBeNull();
    fireEvent.click(within(item).getByRole('button', { name: 'Hủy' }));
    const dialog = item.querySelector('dialog')!;
    fireEvent.change(within(dialog).getByLabelText('Lý do hủy'), { target: { value: 'Ghi nhầm đoạn' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy', hidden: true }));
    await waitFor(() => expect(voids).toEqual(['Ghi nhầm đoạn']));
  });

  it('lets the group\'s secretary record only while the groups sit, and says so; the secretariat records at any time', async () => {
    const closed = render([], [], secretaryOfTheGroup, false);
    await closed.findByText(/^Thảo luận tổ chưa mở/u);
    const number = closed.getByLabelText('Số đoạn');
    fireEvent.change(number, { target: { value: '2' } });
    fireEvent.blur(number);
    await closed.findByText('Đoạn 2: Công tác giáo dục chính trị, tư tưởng.');
    expect((closed.getByRole('button', { name: 'Ghi (Enter)' }) as HTMLButtonElement).disabled).toBe(true);
    closed.unmount();
    const open = render([], [], secretaryOfTheGroup, true);
    await open.findByLabelText('Số đoạn');
    expect(open.queryByText(/^Thảo luận tổ chưa mở/u)).toBeNull();
    open.unmount();
    const office = render([], [], userWith('secretariat'), false);
    await office.findByLabelText('Số đoạn');
    expect(office.queryByText(/^Thảo luận tổ chưa mở/u)).toBeNull();
  });
});
