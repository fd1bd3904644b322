// @vitest-environment jsdom
import { fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { countingContext, type CountingContext } from '../../counting/index.ts';
import { defaultCountSettings, type Ballot } from '../../rules/index.ts';
import type { ApiResult } from '../api/client.ts';
import { renderVi } from '../test-support/render.tsx';
import { EntryPad } from './EntryPad.tsx';

const ctxOf = (names: number, seats: number): CountingContext => {
  const r = countingContext({
    kind: 'committee', seats, alternateSeats: 0, base: 100, settings: defaultCountSettings,
    candidates: Array.from({ length: names }, (_, i) => ({ id: String(i + 1), name: `Người số ${i + 1}` })),
  });
  if (!r.ok) throw new Error('fixture');
  return r.value;
};

const okTrue: ApiResult<true> = { ok: true, value: true };

const setup = (props: { entered?: number; physical?: number } = {}) => {
  const onEnter = vi.fn(async (_line: string, _b: Ballot): Promise<ApiResult<true>> => okTrue);
  const onUndo = vi.fn(async (): Promise<ApiResult<true>> => okTrue);
  const view = renderVi(
    <EntryPad ctx={ctxOf(27, 24)} batchLabel="Hòm 1" entered={props.entered ?? 0} physicalCount={props.physical ?? 50} closed={false}
      onEnter={onEnter} onUndo={onUndo} />,
  );
  const input = view.getByRole('textbox');
  return { ...view, input, onEnter, onUndo };
};

describe('entry pad keys', () => {
  it('Enter sends the typed strikes as one ballot and clears the line', async () => {
    const { input, onEnter, findByText } = setup();
    fireEvent.change(input, { target: { value: '17 3 22' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(onEnter).toHaveBeenCalledTimes(1));
    const [line, ballot] = onEnter.mock.calls[0] ?? [];
    expect(line).toBe('3 17 22');
    expect(ballot !== undefined && 'struck' in ballot ? [...ballot.struck].sort() : null).toEqual(['17', '22', '3']);
    await findByText('Phiếu vừa nhập: 3 17 22');
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('an Enter pressed while the last ballot is still being saved sends the next line right after the answer', async () => {
    const { input, onEnter } = setup();
    let answer: (r: ApiResult<true>) => void = () => undefined;
    onEnter.mockImplementationOnce(async () => new Promise<ApiResult<true>>((resolve) => { answer = resolve; }));
    fireEvent.change(input, { target: { value: '1' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((input as HTMLInputElement).value).toBe('');
    fireEvent.change(input, { target: { value: '2' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onEnter).toHaveBeenCalledTimes(1);
    answer(okTrue);
    await waitFor(() => expect(onEnter).toHaveBeenCalledTimes(2));
    expect(onEnter.mock.calls.map(([line]) => line)).toEqual(['1', '2']);
    await waitFor(() => expect((input as HTMLInputElement).value).toBe(''));
  });

  it('highlights the struck rows while typing', () => {
    const { input, container } = setup();
    fireEvent.change(input, { target: { value: '2 5' } });
    const struck = [...container.querySelectorAll('.ballot-row.struck .row-number')].map((n) => n.textContent);
    expect(struck).toEqual(['2', '5']);
  });

  it('a row not on the list is refused at once, nothing is sent', async () => {
    const { input, onEnter, findByRole } = setup();
    fireEvent.change(input, { target: { value: '3 28' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const alert = await findByRole('alert');
    expect(alert.textContent).toContain('Không có dòng số 28');
    expect(onEnter).not.toHaveBeenCalled();
  });

  it('an empty line is refused (a second Enter never adds a ballot)', async () => {
    const { input, onEnter, findByRole } = setup();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await findByRole('alert')).textContent).toContain('Dòng trống');
    expect(onEnter).not.toHaveBeenCalled();
  });

  it('Backspace on an empty line takes back the last ballot; on a non-empty line it only edits', async () => {
    const { input, onUndo } = setup({ entered: 4 });
    fireEvent.change(input, { target: { value: '3' } });
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(onUndo).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.keyDown(input, { key: 'Backspace' });
    await waitFor(() => expect(onUndo).toHaveBeenCalledTimes(1));
  });

  it('shows the running count against the physical count and refuses a ballot beyond it', async () => {
    const { input, onEnter, getByTestId, findByRole } = setup({ entered: 50, physical: 50 });
    expect(getByTestId('running-count').textContent).toBe('50 / 50 phiếu');
    fireEvent.change(input, { target: { value: '0' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await findByRole('alert')).textContent).toContain('chỉ có 50 phiếu');
    expect(onEnter).not.toHaveBeenCalled();
  });

  it('shows the server refusal and keeps the line', async () => {
    const { input, onEnter, findByRole } = setup();
    onEnter.mockResolvedValueOnce({ ok: false, error: { code: 'batch.closed', message_vi: 'Tập phiếu đã đóng.', message_en: 'Closed.' } });
    fireEvent.change(input, { target: { value: '4' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await findByRole('alert')).textContent).toBe('Tập phiếu đã đóng.');
    expect((input as HTMLInputElement).value).toBe('4');
  });
});

describe('a ballot keeping more names than seats', () => {
  it('tells the operator before Enter that it is invalid, and says nothing for a ballot within the seats', () => {
    const { input, queryByTestId } = setup();
    fireEvent.change(input, { target: { value: '4 5' } });
    expect(queryByTestId('over-seats')?.textContent).toContain('giữ lại 25 tên, nhiều hơn 24 người được bầu');
    fireEvent.change(input, { target: { value: '4 5 6' } });
    expect(queryByTestId('over-seats')).toBeNull();
  });
});
