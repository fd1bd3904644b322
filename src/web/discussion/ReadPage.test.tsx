// @vitest-environment jsdom
/**
 * The phone's reading page from the data the server embedded in the HTML (src/web/app/preload.ts): the first
 * paragraphs are on the screen at the first render, without asking the server who is signed in nor for the units;
 * without the block, both are asked as before.
 */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRELOAD_ELEMENT_ID, type Preload, type UnitsPage } from '../../api/index.ts';
import { answer, fakeApi } from '../test-support/fake-api.ts';
import { renderScreen } from '../test-support/render.tsx';
import { CODE } from '../test-support/views.ts';
import ReadPage from './ReadPage.tsx';

const DOC = 5;
const unitsPage: UnitsPage = {
  documentId: DOC, versionId: 9, versionNumber: 1, total: 40, offset: 0,
  units: [
    { id: 101, position: 1, kind: 'heading', level: 1, label: 'I.', ref: 'I.', number: null, text: 'I. VỀ KINH TẾ', comments: 0 },
    { id: 102, position: 2, kind: 'paragraph', level: 2, label: '', ref: 'I. › đ1', number: 1, text: 'Tăng trưởng bình quân đạt 7% </script> mỗi năm.', comments: 1 },
  ],
};
const preload: Preload = { me: { kind: 'delegate', id: 7, congress: CODE, fullName: 'Trần Thị Ánh' }, read: { congress: CODE, title: 'Dự thảo Báo cáo chính trị', page: unitsPage } };

const embed = (data: Preload): void => {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = PRELOAD_ELEMENT_ID;
  block.textContent = JSON.stringify(data);
  document.head.append(block);
};

const apiWith = () => {
  const calls = { me: vi.fn(() => answer(preload.me)), units: vi.fn(() => answer(unitsPage)) };
  const api = fakeApi({
    me: calls.me, listDiscussionUnits: calls.units,
    listDiscussionDocuments: () => answer([]), listDiscussionComments: () => answer([]),
  });
  return { api, calls };
};

describe('the phone\'s reading page with its first data in the HTML', () => {
  afterEach(() => {
    document.getElementById(PRELOAD_ELEMENT_ID)?.remove();
    window.history.replaceState(null, '', '/');
  });

  it('shows the first paragraphs at the first render, asking neither who is signed in nor for the units', () => {
    window.history.replaceState(null, '', `/read?doc=${DOC}`);
    embed(preload);
    const { api, calls } = apiWith();
    renderScreen(<ReadPage />, api);
    // Synchronously after the first render: nothing was awaited.
    expect(screen.getByText('Tăng trưởng bình quân đạt 7% </script> mỗi năm.', { exact: false })).toBeTruthy();
    expect(screen.getByText('I. VỀ KINH TẾ')).toBeTruthy();
    expect(calls.me).not.toHaveBeenCalled();
    expect(calls.units).not.toHaveBeenCalled();
    // Used once: a later visit to the screen asks the server.
    expect(document.getElementById(PRELOAD_ELEMENT_ID)).toBeNull();
  });

  it('ignores a page embedded for another document and asks for this one', async () => {
    window.history.replaceState(null, '', `/read?doc=${DOC + 1}`);
    embed(preload);
    const { api, calls } = apiWith();
    renderScreen(<ReadPage />, api);
    await waitFor(() => expect(calls.units).toHaveBeenCalledTimes(1));
    expect(calls.units.mock.calls).toEqual([[{ params: { code: CODE, id: DOC + 1 }, query: { offset: 0, limit: 20 } }]]);
    expect(calls.me).not.toHaveBeenCalled();
  });

  it('asks the server for both when the page holds no data', async () => {
    window.history.replaceState(null, '', `/read?doc=${DOC}`);
    const { api, calls } = apiWith();
    renderScreen(<ReadPage />, api);
    expect(screen.queryByText('I. VỀ KINH TẾ')).toBeNull();
    expect(await screen.findByText('I. VỀ KINH TẾ')).toBeTruthy();
    expect(calls.me).toHaveBeenCalledTimes(1);
    expect(calls.units).toHaveBeenCalledTimes(1);
  });
});
