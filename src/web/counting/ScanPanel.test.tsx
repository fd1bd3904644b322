// @vitest-environment jsdom
import { fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ScanJobView } from '../../api/scan.ts';
import type { ApiResult } from '../api/client.ts';
import { renderVi } from '../test-support/render.tsx';
import { ScanPanel } from './ScanPanel.tsx';

const job: ScanJobView = {
  id: 7, batch: 1, batchLabel: 'Hòm 1', status: 'reading', files: 3, filesRead: 0, sheetsRead: 0, ballots: 0, decided: 0, review: 0, pending: 0,
  error: null, createdAt: '2020-07-16T03:00:00Z',
};
const file = (name: string, bytes: number): File => new File([new Uint8Array(bytes)], name);

const setup = () => {
  let progress: ((sent: number, total: number) => void) | null = null;
  let finish: ((r: ApiResult<ScanJobView>) => void) | null = null;
  const onUpload = vi.fn((_files: readonly File[], p: (sent: number, total: number) => void) => {
    progress = p;
    return new Promise<ApiResult<ScanJobView>>((resolve) => { finish = resolve; });
  });
  const view = renderVi(<ScanPanel batch={{ id: '1', label: 'Hòm 1', physicalCount: 3 }} onUpload={onUpload} />);
  const files = view.getByLabelText('Hoặc chọn các tệp ảnh quét');
  return { ...view, files, onUpload, progress: (s: number, t: number) => progress?.(s, t), finish: (r: ApiResult<ScanJobView>) => finish?.(r) };
};

describe('scan panel', () => {
  it('offers a folder picker (webkitdirectory) and a files picker', () => {
    const { getByLabelText } = setup();
    expect(getByLabelText('Chọn thư mục ảnh quét').hasAttribute('webkitdirectory')).toBe(true);
    expect(getByLabelText('Hoặc chọn các tệp ảnh quét').hasAttribute('webkitdirectory')).toBe(false);
  });

  it('says in Vietnamese what to choose and what was chosen, and why the upload waits', () => {
    const { container, files, getByTestId, getByRole } = setup();
    const buttons = [...container.querySelectorAll('.file-input .button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Chọn thư mục…', 'Chọn các tệp…', 'Chọn các tệp…']);
    expect(getByTestId(`${files.id}-chosen`).textContent).toBe('Chưa chọn tệp nào');
    expect(getByRole('button', { name: 'Tải lên và đọc phiếu' })).toHaveProperty('disabled', true);
    expect(getByTestId('choose-first').textContent).toContain('Chọn thư mục, các tệp ảnh quét hoặc các ảnh đã chụp');
    fireEvent.change(files, { target: { files: [file('quet-1.png', 10), file('quet-2.png', 10)] } });
    expect(getByTestId(`${files.id}-chosen`).textContent).toBe('Đã chọn 2 tệp');
    expect(container.querySelector('[data-testid="choose-first"]')).toBeNull();
  });

  it('keeps the scans in natural file-name order, says how many were skipped (HEIC photos apart), and sends them in that order', async () => {
    const { files, getByTestId, getByRole, onUpload } = setup();
    fireEvent.change(files, { target: { files: [file('quet-10.png', 2048), file('ghi-chu.txt', 10), file('quet-2.PNG', 1024), file('quet-1.pdf', 1024), file('IMG_7.HEIC', 10)] } });
    const summary = getByTestId('scan-selection').textContent ?? '';
    expect(summary).toContain('3 tệp, tổng cộng 4 KB');
    expect(summary).toContain('Bỏ qua 1 tệp không phải ảnh quét');
    expect(summary).toContain('Bỏ qua 1 ảnh HEIC (định dạng riêng của iPhone, máy chưa đọc được). Trên iPhone vào Cài đặt › Camera › Định dạng');
    expect(summary).toContain('từ quet-1.pdf đến quet-10.png');
    fireEvent.click(getByRole('button', { name: 'Tải lên và đọc phiếu' }));
    await waitFor(() => expect(onUpload).toHaveBeenCalledTimes(1));
    expect(onUpload.mock.calls[0]![0].map((f) => f.name)).toEqual(['quet-1.pdf', 'quet-2.PNG', 'quet-10.png']);
  });

  it('shows the upload progress in bytes and percent, then that the server reads', async () => {
    const { files, getByRole, getByTestId, findByRole, progress, finish } = setup();
    fireEvent.change(files, { target: { files: [file('1.png', 1000), file('2.png', 1000)] } });
    fireEvent.click(getByRole('button', { name: 'Tải lên và đọc phiếu' }));
    expect(getByRole('button', { name: 'Tải lên và đọc phiếu' })).toHaveProperty('disabled', true);
    progress(900, 2000);
    await waitFor(() => expect(getByTestId('upload-progress').textContent).toBe('Đã tải lên 900 B / 2 KB (45%)'));
    expect(getByTestId('upload-progress').querySelector('progress')?.getAttribute('value')).toBe('900');
    finish({ ok: true, value: job });
    expect((await findByRole('status')).textContent).toBe('Đã tải lên 3 tệp của tập "Hòm 1"; máy chủ đọc phiếu, tiến độ ở danh sách các tập đã quét.');
    expect(getByTestId('upload-progress').textContent).toContain('(100%)');
  });

  it('shows a refusal in Vietnamese and lets the same files be sent again', async () => {
    const { files, getByRole, findByRole, finish, onUpload } = setup();
    fireEvent.change(files, { target: { files: [file('1.png', 10)] } });
    fireEvent.click(getByRole('button', { name: 'Tải lên và đọc phiếu' }));
    finish({ ok: false, error: { code: 'scan.batch-scanned', message_vi: 'Tập "Hòm 1" đã được quét.', message_en: 'Batch already scanned.' } });
    expect((await findByRole('alert')).textContent).toBe('Tập "Hòm 1" đã được quét.');
    fireEvent.click(getByRole('button', { name: 'Tải lên và đọc phiếu' }));
    await waitFor(() => expect(onUpload).toHaveBeenCalledTimes(2));
  });

  it('does not send a pick with no scan in it', () => {
    const { files, getByRole, getByTestId } = setup();
    fireEvent.change(files, { target: { files: [file('Thumbs.db', 10)] } });
    expect(getByTestId('scan-selection').textContent).toContain('0 tệp');
    expect(getByRole('button', { name: 'Tải lên và đọc phiếu' })).toHaveProperty('disabled', true);
  });

  it('a batch already scanned is not uploaded again; after a failed reading it may be', () => {
    const onUpload = vi.fn();
    const batch = { id: '1', label: 'Hòm 1', physicalCount: 3 };
    const { getByTestId, getByRole, getByLabelText, rerender } = renderVi(<ScanPanel batch={batch} existing={{ ...job, status: 'review' }} onUpload={onUpload} />);
    expect(getByTestId('already-scanned').textContent).toContain('Tập này đã được quét (Chờ Ban Kiểm phiếu)');
    fireEvent.change(getByLabelText('Hoặc chọn các tệp ảnh quét'), { target: { files: [file('1.png', 10)] } });
    expect(getByRole('button', { name: 'Tải lên và đọc phiếu' })).toHaveProperty('disabled', true);
    rerender(<ScanPanel batch={batch} existing={{ ...job, status: 'failed' }} onUpload={onUpload} />);
    expect(getByRole('button', { name: 'Tải lên và đọc phiếu' })).toHaveProperty('disabled', false);
  });
});
