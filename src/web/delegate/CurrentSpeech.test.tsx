// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Speaker } from '../api/types.ts';
import { answer, fakeApi } from '../test-support/fake-api.ts';
import { renderScreen, renderVi } from '../test-support/render.tsx';
import { userWith } from '../test-support/views.ts';
import { CurrentSpeech } from './CurrentSpeech.tsx';

const speaker = (over: Partial<Speaker>): Speaker => ({
  id: 4, delegateId: 9, speakerName: 'Hoàng Thị Đào', title: 'Nâng cao chất lượng sinh hoạt chi bộ', position: 2, status: 'registered', registeredAt: '', hasText: true, ...over,
});

const render = (speakers: Speaker[], asked: number[] = []) => renderScreen(<CurrentSpeech speakers={speakers} />, fakeApi({
  me: () => answer(userWith('secretariat')),
  speechText: ({ params }) => { asked.push(params.id); return answer({ id: params.id, speakerName: 'Hoàng Thị Đào', title: 'T', status: 'speaking' as const, text: 'Kính thưa Đoàn Chủ tịch!\n\nChi bộ đề nghị sinh hoạt chuyên đề.' }); },
}));

describe('the contribution that has the floor, on the phone', () => {
  it('shows who speaks, the title and the text paragraph by paragraph', async () => {
    const asked: number[] = [];
    const view = render([speaker({ id: 3, status: 'done' }), speaker({ status: 'speaking' })], asked);
    await view.findByText('Chi bộ đề nghị sinh hoạt chuyên đề.');
    view.getByText('Kính thưa Đoàn Chủ tịch!');
    expect(asked).toEqual([4]);
  });
  it('says the text was not sent, and asks for nothing', async () => {
    const asked: number[] = [];
    const view = render([speaker({ status: 'speaking', hasText: false })], asked);
    await view.findByText('Bài tham luận chưa được gửi lên.');
    expect(asked).toEqual([]);
  });
  it('shows nothing while nobody has the floor', async () => {
    const view = renderVi(<CurrentSpeech speakers={[speaker({}), speaker({ id: 5, status: 'done' })]} />);
    expect(view.queryByTestId('current-speech')).toBeNull();
  });
});
