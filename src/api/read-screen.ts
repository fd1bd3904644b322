/**
 * The Vietnamese words of the phone's reading screen that the server also writes, in the first screen it renders
 * into the page's HTML (src/server/read-first-screen.ts): one definition, used by the web app's strings (i18n/vi.ts)
 * and the server. `{{name}}` is filled as i18next fills it.
 */
export const READ_SCREEN_VI = {
  documents: 'Văn kiện thảo luận',
  /** Pages of units (headings and paragraphs): a range of units would read as paragraph numbers, which it is not. */
  page: 'Trang {{page}}/{{pages}}',
  paragraph: 'Đoạn {{number}}',
  yourComments: 'Góp ý của bạn: {{count}}',
};
