import { describe, expect, it } from 'vitest';
import type { UnitView } from '../api/discussion.ts';
import { escapeHtml, firstScreenHtml } from './read-first-screen.ts';

const unit = (over: Partial<UnitView>): UnitView =>
  ({ id: 1, position: 1, kind: 'paragraph', level: 0, label: '', ref: '1', number: 1, text: '', comments: 0, ...over });
const screen = (units: UnitView[], total = units.length) =>
  firstScreenHtml({ congress: 'dh', title: 'Dự thảo Báo cáo chính trị <khóa XXV>', page: { documentId: 7, versionId: 1, versionNumber: 1, total, offset: 0, units } });

describe('the read page\'s first screen as HTML', () => {
  it('escapes every text: tags, ampersands and both quotes', () => {
    const html = screen([unit({ text: `<script>alert("x")</script> & 'y' <!--` })]);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; &lt;!--');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<!--');
    expect(escapeHtml(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&#39;');
  });

  it('renders headings and numbered paragraphs with the class names of ReadPage, and the caller\'s comment count', () => {
    const html = screen([
      unit({ id: 1, kind: 'heading', level: 1, number: null, text: 'I. Mở đầu' }),
      unit({ id: 2, number: 1, text: 'Đoạn một.', comments: 2 }),
      unit({ id: 3, number: 2, text: 'Đoạn hai.' }),
    ], 300);
    expect(html).toContain('<li class="unit heading level-1" data-unit=""><h2 class="unit-heading">I. Mở đầu</h2></li>');
    expect(html).toContain('<li class="unit paragraph level-0" data-unit="1"><p><span class="badge">Đoạn 1</span> Đoạn một.</p><p class="muted">Góp ý của bạn: 2</p></li>');
    expect(html).toContain('<li class="unit paragraph level-0" data-unit="2"><p><span class="badge">Đoạn 2</span> Đoạn hai.</p></li>');
    expect(html).toContain('<h1>Văn kiện thảo luận</h1><p class="document-title"><strong>Dự thảo Báo cáo chính trị &lt;khóa XXV&gt;</strong></p>');
    expect(html).toContain('Trang 1/15');
  });
});
