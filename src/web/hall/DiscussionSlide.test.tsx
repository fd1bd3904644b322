// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderVi } from '../test-support/render.tsx';
import { DiscussionSlide } from './DiscussionSlide.tsx';

describe('the discussion\'s numbers on the hall screen', () => {
  it('shows each draft\'s figures in Vietnamese, the groups as reporting of all', () => {
    const view = renderVi(<DiscussionSlide documents={[{
      documentId: 1, title: 'Dự thảo Báo cáo chính trị', kind: 'political-report', versionNumber: 2, comments: 1234, delegates: 210, paper: 12,
      groupOpinions: 45, groupsReporting: 7, groups: 12, units: 88, accepted: 30, explained: 9, notAccepted: 4,
    }]} />);
    const doc = view.getByTestId('hall-discussion-document');
    expect(doc.querySelector('h3')?.textContent).toBe('Dự thảo Báo cáo chính trị — dự thảo 2');
    const figures = [...doc.querySelectorAll('dl > div')].map((d) => `${d.querySelector('dt')?.textContent}: ${d.querySelector('dd')?.textContent}`);
    expect(figures).toEqual([
      'Ý kiến của đại biểu: 1.234', 'Đại biểu góp ý: 210', 'Tổ đã gửi ý kiến: 7/12 tổ', 'Ý kiến của các tổ: 45', 'Đoạn có ý kiến: 88',
      'Đã tiếp thu / giải trình / không tiếp thu: 30 / 9 / 4',
    ]);
  });
});
