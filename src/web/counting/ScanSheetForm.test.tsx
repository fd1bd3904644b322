// @vitest-environment jsdom
import { fireEvent, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { countingContext, type CountingContext } from '../../counting/index.ts';
import type { DecideSheetBody, DecidedSheet, ScanJobView, ScanSheetView } from '../../api/scan.ts';
import { defaultCountSettings } from '../../rules/index.ts';
import type { ApiResult } from '../api/client.ts';
import { renderVi } from '../test-support/render.tsx';
import { ScanJobs } from './ScanJobs.tsx';
import { ScanSheetForm } from './ScanSheetForm.tsx';
import { decisionBody, initialDecision } from './scan-decision.ts';

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Đức Em'];
const ctxOf = (seats: number): CountingContext => {
  const r = countingContext({
    kind: 'committee', seats, alternateSeats: 0, base: 10, settings: defaultCountSettings,
    candidates: NAMES.map((name, i) => ({ id: String(11 + i), name })),
  });
  if (!r.ok) throw new Error('fixture');
  return r.value;
};
const IDS = NAMES.map((_, i) => String(11 + i));

const sheet: ScanSheetView = {
  position: 2,
  reasons: [{ sheet: 2, candidateId: '12', code: 'scan.row-uncertain', message_vi: 'Dòng 2: nét gạch không rõ, cần Ban Kiểm phiếu xem.', message_en: 'Row 2: unclear strike.' }],
  proposal: { struck: ['14'] },
  decision: null,
  crop: '/api/congresses/x/elections/1/rounds/1/scan/3/sheets/2/crop',
};
const decided: DecidedSheet = { jobId: 3, position: 2, pending: 0, status: 'entered', entered: 4 };

const setup = (s: ScanSheetView = sheet, seats = 3) => {
  const onDecide = vi.fn(async (_b: DecideSheetBody): Promise<ApiResult<DecidedSheet>> => ({ ok: true, value: decided }));
  const view = renderVi(<ScanSheetForm ctx={ctxOf(seats)} sheet={s} onDecide={onDecide} />);
  return { ...view, onDecide };
};

describe('scan review: one sheet', () => {
  it('shows the crop, the reason with the name, and one "gạch" checkbox per name prefilled from the proposal', () => {
    const { getByRole, getByText, getAllByRole } = setup();
    expect(getByRole('img', { name: 'Ảnh cắt các dòng cần xem của phiếu thứ 2' }).getAttribute('src')).toBe(sheet.crop);
    getByText('2. Trần Thị Bình: Dòng 2: nét gạch không rõ, cần Ban Kiểm phiếu xem.');
    const boxes = getAllByRole('checkbox', { name: /^Gạch tên số/u }) as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([false, false, false, true, false]);
    expect(getByRole('checkbox', { name: 'Phiếu không có dấu của cấp ủy triệu tập' })).toHaveProperty('checked', false);
  });

  it('sends the names ticked, in ballot order, as DecideSheetBody', async () => {
    const { getByRole, onDecide } = setup();
    fireEvent.click(getByRole('checkbox', { name: 'Gạch tên số 2: Trần Thị Bình' }));
    fireEvent.click(getByRole('button', { name: 'Ghi quyết định cho phiếu này' }));
    await waitFor(() => expect(onDecide).toHaveBeenCalledTimes(1));
    expect(onDecide.mock.calls[0]![0]).toEqual({ ballot: { struck: ['12', '14'] } });
  });

  it('marks a ballot with no stamp as unstamped (the election\'s setting decides), and untick removes a strike', async () => {
    const { getByRole, onDecide } = setup();
    fireEvent.click(getByRole('checkbox', { name: 'Gạch tên số 4: Phạm Thị Dung' }));
    fireEvent.click(getByRole('checkbox', { name: 'Phiếu không có dấu của cấp ủy triệu tập' }));
    fireEvent.click(getByRole('button', { name: 'Ghi quyết định cho phiếu này' }));
    await waitFor(() => expect(onDecide).toHaveBeenCalledTimes(1));
    expect(onDecide.mock.calls[0]![0]).toEqual({ ballot: { unstamped: true, struck: [] } });
  });

  it('shows the server refusal in Vietnamese', async () => {
    const { getByRole, onDecide, findByRole } = setup();
    onDecide.mockResolvedValueOnce({ ok: false, error: { code: 'scan.decided', message_vi: 'Phiếu này đã được quyết định.', message_en: 'Decided.' } });
    fireEvent.click(getByRole('button', { name: 'Ghi quyết định cho phiếu này' }));
    expect((await findByRole('alert')).textContent).toBe('Phiếu này đã được quyết định.');
  });

  it('a marks ballot (as many names as seats): one choice per name, prefilled, sent as marks', async () => {
    const { getByRole, onDecide } = setup({ ...sheet, proposal: { marks: { 11: 'agree', 12: 'both', 13: 'agree', 14: 'disagree', 15: 'agree' } } }, 5);
    const second = getByRole('combobox', { name: '2 Trần Thị Bình' }) as HTMLSelectElement;
    expect(second.value).toBe('both');
    fireEvent.change(second, { target: { value: 'agree' } });
    fireEvent.click(getByRole('button', { name: 'Ghi quyết định cho phiếu này' }));
    await waitFor(() => expect(onDecide).toHaveBeenCalledTimes(1));
    expect(onDecide.mock.calls[0]![0]).toEqual({ ballot: { marks: { 11: 'agree', 12: 'agree', 13: 'agree', 14: 'disagree', 15: 'agree' } } });
  });

  it('a sheet already decided shows the decision and sends nothing', () => {
    const { getByText, queryByRole, getAllByRole } = setup({ ...sheet, decision: { struck: ['12'] } });
    getByText('Đã quyết định phiếu này.');
    expect(queryByRole('button', { name: 'Ghi quyết định cho phiếu này' })).toBeNull();
    expect((getAllByRole('checkbox', { name: /^Gạch tên số/u }) as HTMLInputElement[]).map((b) => b.checked)).toEqual([false, true, false, false, false]);
  });
});

describe('scan decision (pure)', () => {
  it('a sheet the reader could not read starts blank; flags of the proposal are kept', () => {
    expect(decisionBody(initialDecision('strike-out', IDS, { proposal: null, decision: null }), IDS)).toEqual({ ballot: { struck: [] } });
    expect(decisionBody(initialDecision('strike-out', IDS, { proposal: { struck: ['15', '11', '99'], identifyingMarks: true, writeIns: 2 }, decision: null }), IDS))
      .toEqual({ ballot: { identifyingMarks: true, writeIns: 2, struck: ['11', '15'] } });
    expect(decisionBody(initialDecision('write-in', IDS, { proposal: { writeIn: '13' }, decision: null }), IDS)).toEqual({ ballot: { writeIn: '13' } });
    expect(decisionBody(initialDecision('single', ['11'], { proposal: null, decision: null }), ['11'])).toEqual({ ballot: { marks: { 11: 'none' } } });
  });
});

describe('scan jobs', () => {
  const base: ScanJobView = {
    id: 1, batch: 1, batchLabel: 'Hòm 1', status: 'reading', files: 10, filesRead: 4, sheetsRead: 4, ballots: 0, decided: 0, review: 0, pending: 0,
    error: null, createdAt: '2020-07-16T03:00:00Z',
  };
  const jobs: ScanJobView[] = [
    base,
    { ...base, id: 2, batchLabel: 'Hòm 2', status: 'review', filesRead: 10, ballots: 10, decided: 9, review: 1, pending: 1 },
    { ...base, id: 3, batchLabel: 'Hòm 3', status: 'entered', filesRead: 10, ballots: 10, decided: 10 },
    { ...base, id: 4, batchLabel: 'Hòm 4', status: 'failed', filesRead: 10, error: { code: 'scan.count-mismatch', message_vi: 'Tập "Hòm 4" có 9 phiếu, đã quét 10.', message_en: 'Mismatch.' } },
  ];

  it('shows each status in Vietnamese, the reading progress, counts, and a failed job\'s reason', () => {
    const { getAllByTestId, queryAllByRole } = renderVi(<ScanJobs jobs={jobs} board={false} reviewing={null} onReview={() => undefined} onDiscard={() => undefined} />);
    expect(getAllByTestId('scan-status').map((s) => s.textContent)).toEqual(['Đang đọc', 'Chờ Ban Kiểm phiếu', 'Đã nhập', 'Không đọc được']);
    const [reading, review, , failed] = getAllByTestId('scan-job');
    expect(reading!.textContent).toContain('Đã đọc 4/10 tệp, 4 tờ (40%)');
    expect(reading!.querySelector('progress')?.getAttribute('value')).toBe('4');
    expect(review!.textContent).toContain('10 phiếu · máy tự đọc 9 · chuyển Ban Kiểm phiếu 1 · còn chờ 1');
    expect(within(failed!).getByRole('alert').textContent).toBe('Tập "Hòm 4" có 9 phiếu, đã quét 10.');
    // A technician follows; only the board reviews and discards.
    expect(queryAllByRole('button', { hidden: true })).toHaveLength(0);
  });

  it('the board may open the review and discard a failed or unfinished job', () => {
    const onReview = vi.fn();
    const onDiscard = vi.fn();
    const { getAllByTestId } = renderVi(<ScanJobs jobs={jobs} board reviewing={null} onReview={onReview} onDiscard={onDiscard} />);
    const [reading, review, entered, failed] = getAllByTestId('scan-job');
    expect(within(reading!).queryAllByRole('button')).toHaveLength(0);
    expect(within(entered!).queryAllByRole('button')).toHaveLength(0);
    fireEvent.click(within(review!).getByRole('button', { name: 'Xem phiếu chờ quyết định (1)' }));
    expect(onReview).toHaveBeenCalledWith(2);
    fireEvent.click(within(failed!).getByRole('button', { name: 'Huỷ để quét lại' }));
    expect(onDiscard).toHaveBeenCalledWith(jobs[3]);
  });
});
