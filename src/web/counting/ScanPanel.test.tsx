// @vitest-environment jsdom
import { fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ScanJobView, ShotCheck } from '../../api/scan.ts';
import type { ApiResult } from '../api/client.ts';
import { renderVi } from '../test-support/render.tsx';
import { ScanPanel } from './ScanPanel.tsx';

const job: ScanJobView = {
  id: 7, batch: 1, batchLabel: 'Hòm 1', status: 'reading', files: 3, filesRead: 0, sheetsRead: 0, ballots: 0, decided: 0, review: 0, pending: 0,
  error: null, createdAt: '2020-07-16T03:00:00Z',
};
/** The first bytes of each kind (file-kind.ts), the rest zeros: what the panel checks before sending. */
const MAGIC: Readonly<Record<string, readonly number[]>> = {
  png: [0x89, 0x50, 0x4e, 0x47], jpg: [0xff, 0xd8], jpeg: [0xff, 0xd8], pdf: [0x25, 0x50, 0x44, 0x46], tif: [0x49, 0x49, 0x2a],
};
const file = (name: string, bytes: number): File => {
  const data = new Uint8Array(bytes);
  data.set((MAGIC[name.split('.').pop()!.toLowerCase()] ?? []).slice(0, bytes));
  return new File([data], name);
};
const uploadButton = (getByRole: (role: string, o: { name: string }) => HTMLElement): HTMLElement => getByRole('button', { name: 'Tải lên và đọc phiếu' });

const checkShot = vi.fn(() => Promise.resolve<ApiResult<ShotCheck>>({ ok: true, value: { refusal: null } }));

const setup = (physicalCount = 1) => {
  let progress: ((sent: number, total: number) => void) | null = null;
  let finish: ((r: ApiResult<ScanJobView>) => void) | null = null;
  const onUpload = vi.fn((_files: readonly File[], p: (sent: number, total: number) => void) => {
    progress = p;
    return new Promise<ApiResult<ScanJobView>>((resolve) => { finish = resolve; });
  });
  const view = renderVi(<ScanPanel batch={{ id: '1', label: 'Hòm 1', physicalCount }} onUpload={onUpload} onCheckShot={checkShot} />);
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
    await waitFor(() => expect(uploadButton(getByRole)).toHaveProperty('disabled', false));
    fireEvent.click(uploadButton(getByRole));
    await waitFor(() => expect(onUpload).toHaveBeenCalledTimes(1));
    expect(onUpload.mock.calls[0]![0].map((f) => f.name)).toEqual(['quet-1.pdf', 'quet-2.PNG', 'quet-10.png']);
  });

  it('shows the upload progress in bytes and percent, then that the server reads', async () => {
    const { files, getByRole, getByTestId, findByRole, progress, finish } = setup(2);
    fireEvent.change(files, { target: { files: [file('1.png', 1000), file('2.png', 1000)] } });
    await waitFor(() => expect(uploadButton(getByRole)).toHaveProperty('disabled', false));
    fireEvent.click(uploadButton(getByRole));
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
    await waitFor(() => expect(uploadButton(getByRole)).toHaveProperty('disabled', false));
    fireEvent.click(uploadButton(getByRole));
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

  it('a batch already scanned is not uploaded again; after a failed reading it may be', async () => {
    const onUpload = vi.fn();
    const batch = { id: '1', label: 'Hòm 1', physicalCount: 3 };
    const { getByTestId, getByRole, getByLabelText, rerender } = renderVi(<ScanPanel batch={batch} existing={{ ...job, status: 'review' }} onUpload={onUpload} onCheckShot={checkShot} />);
    expect(getByTestId('already-scanned').textContent).toContain('Tập này đã được quét (Chờ Ban Kiểm phiếu)');
    fireEvent.change(getByLabelText('Hoặc chọn các tệp ảnh quét'), { target: { files: [1, 2, 3].map((n) => file(`${n}.png`, 10)) } });
    await waitFor(() => expect(getByTestId('scan-selection').textContent).not.toContain('Đang kiểm tra'));
    expect(uploadButton(getByRole)).toHaveProperty('disabled', true);
    rerender(<ScanPanel batch={batch} existing={{ ...job, status: 'failed' }} onUpload={onUpload} onCheckShot={checkShot} />);
    expect(uploadButton(getByRole)).toHaveProperty('disabled', false);
  });

  it('names the files that are no scans by their content, the empty ones and HEIC photos renamed, and sends none of them', async () => {
    const { files, getByRole, getByTestId, onUpload } = setup(3);
    const heic = new File([Uint8Array.from('\0\0\0\x18ftypheic\0\0\0\0', (c) => c.charCodeAt(0))], 'IMG_0002.jpg');
    fireEvent.change(files, { target: { files: [file('quet-1.png', 100), new File(['đây không phải ảnh'], 'quet-2.jpg'), file('quet-3.png', 0), heic] } });
    await waitFor(() => expect(getByTestId('scan-selection').textContent).toContain('không phải ảnh quét theo nội dung'));
    const summary = getByTestId('scan-selection').textContent ?? '';
    expect(summary).toContain('(dù tên tệp là ảnh): quet-2.jpg. Bỏ chúng ra khỏi thư mục rồi chọn lại.');
    expect(summary).toContain('Tệp rỗng (0 byte): quet-3.png.');
    expect(summary).toContain('ảnh HEIC của iPhone (dù tên tệp là JPEG), máy chưa đọc được: IMG_0002.jpg.');
    expect(uploadButton(getByRole)).toHaveProperty('disabled', true);
    fireEvent.change(files, { target: { files: [1, 2, 3].map((n) => file(`quet-${n}.png`, 100)) } });
    await waitFor(() => expect(uploadButton(getByRole)).toHaveProperty('disabled', false));
    expect(getByTestId('scan-selection').textContent).not.toContain('không phải ảnh quét theo nội dung');
    expect(onUpload).not.toHaveBeenCalled();
  });

  it('says a stack of photos has fewer images than the batch has ballots; a PDF may hold them all', async () => {
    const { files, getByRole, getByTestId } = setup(6);
    fireEvent.change(files, { target: { files: [1, 2, 3, 4].map((n) => file(`anh-${n}.jpg`, 100)) } });
    await waitFor(() => expect(getByTestId('scan-selection').textContent).toContain('Tập có 6 phiếu (đếm tay) mà chỉ chọn 4 ảnh: mỗi phiếu cần ít nhất một ảnh.'));
    expect(uploadButton(getByRole)).toHaveProperty('disabled', true);
    fireEvent.change(files, { target: { files: [file('tap-1.pdf', 100)] } });
    await waitFor(() => expect(uploadButton(getByRole)).toHaveProperty('disabled', false));
    expect(getByTestId('scan-selection').textContent).not.toContain('mỗi phiếu cần ít nhất một ảnh');
  });
});
