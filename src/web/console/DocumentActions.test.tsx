// @vitest-environment jsdom
import { fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentItem } from '../api/types.ts';
import { renderVi } from '../test-support/render.tsx';
import { DocumentActions } from './DocumentActions.tsx';

const draft: DocumentItem = { id: 4, title: 'Dự thảo Nghị quyết', fileName: 'du-thao.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 20_480, visibility: 'delegates', uploadedAt: '2020-07-14T02:00:00Z' };

describe('the secretariat\'s actions on an uploaded document', () => {
  it('withdraws a draft from the delegates by changing who may see it', async () => {
    const onVisibility = vi.fn(async () => ({ ok: true as const, value: null }));
    const { getByLabelText } = renderVi(<DocumentActions document={draft} onVisibility={onVisibility} onRemove={vi.fn()} />);
    const select = getByLabelText('Ai được xem "Dự thảo Nghị quyết"') as HTMLSelectElement;
    expect(select.value).toBe('delegates');
    fireEvent.change(select, { target: { value: 'staff' } });
    await waitFor(() => expect(onVisibility).toHaveBeenCalledWith('staff'));
  });

  it('removes it only after saying what will happen', async () => {
    const onRemove = vi.fn(async () => ({ ok: true as const, value: null }));
    const { getByRole, getByText } = renderVi(<DocumentActions document={draft} onVisibility={vi.fn()} onRemove={onRemove} />);
    fireEvent.click(getByRole('button', { name: 'Gỡ tài liệu' }));
    expect(onRemove).not.toHaveBeenCalled();
    expect(getByText(/Gỡ tài liệu "Dự thảo Nghị quyết" \(du-thao.docx\): không ai xem hay tải được nữa/u)).toBeTruthy();
    fireEvent.click(getByRole('button', { name: 'Gỡ tài liệu này' }));
    await waitFor(() => expect(onRemove).toHaveBeenCalledTimes(1));
  });
});
