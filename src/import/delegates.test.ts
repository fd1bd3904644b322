import { describe, expect, it } from 'vitest';
import { DELEGATE_COLUMNS } from './columns.ts';
import { parseCsv, toCsv } from './csv.ts';
import { parseDate, validateDelegateRows } from './delegates.ts';
import { delegateRows } from './export.ts';
import { delegateTemplate, rowsToXlsx } from './xlsx.ts';
import { readXlsxRowsBounded } from './xlsx-stream.ts';

const readXlsxRows = (data: Uint8Array) => readXlsxRowsBounded(data, 10_000);

const headers = DELEGATE_COLUMNS.map((c) => c.header);
const orgs = [{ id: 1, name: 'Đảng bộ Sở Tài chính' }, { id: 2, name: 'Chi bộ Văn phòng' }];
const ctx = { organisations: orgs, existingCodes: new Set(['900']) };
const row = (over: Partial<Record<string, string>> = {}): string[] =>
  DELEGATE_COLUMNS.map((c) => over[c.key] ?? c.example);

describe('delegate import validation', () => {
  it('accepts a valid file and maps the Vietnamese values', () => {
    const r = validateDelegateRows([headers, row(), row({ code: '002', fullName: 'Trần Thị Ánh', gender: 'Nữ',
      category: 'Đương nhiên', organisation: 'chi bộ văn phòng', isConveningMember: 'Có', standing: 'Dự khuyết' })], ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toHaveLength(2);
    expect(r.value[0]).toMatchObject({ code: '001', gender: 'male', birthDate: '1970-03-15', organisationId: 1, category: 'elected' });
    expect(r.value[1]).toMatchObject({ gender: 'female', organisationId: 2, category: 'ex-officio', isConveningMember: true, standing: 'alternate' });
  });

  it('reports every problem by row and column and imports nothing', () => {
    const r = validateDelegateRows([
      headers,
      row({ fullName: '' }),
      row({ code: '002', birthDate: '31/02/1970' }),
      row({ code: '003', organisation: 'Đơn vị không có' }),
      row({ code: '003', fullName: 'Lê Văn Bình' }),
      row({ code: '900', fullName: 'Phạm Thị Đào' }),
      row({ code: '006', fullName: 'Nguyễn Văn An' }),
    ], ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const found = r.error.map((i) => [i.row, i.column, i.code]);
    expect(found).toContainEqual([2, 'Họ và tên', 'import.missing']);
    expect(found).toContainEqual([3, 'Ngày sinh', 'import.bad-date']);
    expect(found).toContainEqual([4, 'Đơn vị', 'import.unknown-organisation']);
    expect(found).toContainEqual([5, 'Số thẻ', 'import.duplicate']);
    expect(found).toContainEqual([6, 'Số thẻ', 'import.duplicate']);
    expect(found).toContainEqual([7, 'Họ và tên', 'import.duplicate-person']);
    expect(r.error.every((i) => i.message_vi.length > 0 && i.message_en.length > 0)).toBe(true);
  });

  it('refuses control characters in any cell', () => {
    const r = validateDelegateRows([headers, row({ position: 'Bí thư\u0000' })], ctx);
    expect(!r.ok && r.error[0]).toMatchObject({ row: 2, column: 'Chức vụ', code: 'import.control-character' });
  });

  it('names a missing required column', () => {
    const r = validateDelegateRows([headers.filter((h) => h !== 'Đơn vị')], ctx);
    expect(!r.ok && r.error[0]).toMatchObject({ row: 1, column: 'Đơn vị', code: 'import.missing-column' });
  });

  it('parses dates strictly', () => {
    expect(parseDate('05/02/1971')).toBe('1971-02-05');
    expect(parseDate('1971-2-5')).toBe('1971-02-05');
    expect(parseDate('29/02/1971')).toBeNull();
    expect(parseDate('hôm qua')).toBeNull();
  });
});

describe('csv and xlsx', () => {
  it('round-trips CSV with quotes, commas and Vietnamese letters', () => {
    const rows = [['Họ và tên', 'Chức vụ'], ['Nguyễn Văn "Tư"', 'Bí thư, Chủ tịch']];
    const back = parseCsv(toCsv(rows));
    expect(back.ok && back.value).toEqual(rows);
    expect(parseCsv('a;b\n1;2\n').ok && parseCsv('a;b\n1;2\n')).toMatchObject({ value: [['a', 'b'], ['1', '2']] });
    expect(parseCsv('"abc').ok).toBe(false);
  });

  it('reads back the template and an export, which validate', async () => {
    const template = await readXlsxRows(await delegateTemplate());
    expect(template.ok && template.value[0]).toEqual(headers);
    const exported = delegateRows([{
      code: '007', full_name: 'Hoàng Văn Đức', gender: 'male', birth_date: '1968-11-02', ethnicity: 'Nùng',
      education: null, political_theory: 'Cao cấp', party_join_date: '1990-05-19', position: null, organisation_id: 2,
      category: 'appointed', standing: 'official', is_convening_member: 0, seat: null,
    }], (id) => orgs.find((o) => o.id === id)?.name ?? '');
    const back = await readXlsxRows(await rowsToXlsx('Đại biểu', exported));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const valid = validateDelegateRows(back.value, ctx);
    expect(valid.ok && valid.value[0]).toMatchObject({ code: '007', birthDate: '1968-11-02', organisationId: 2, category: 'appointed' });
  });

  it('refuses a file that is not xlsx', async () => {
    expect((await readXlsxRows(new TextEncoder().encode('not a zip'))).ok).toBe(false);
  });
});
