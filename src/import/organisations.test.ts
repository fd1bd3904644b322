import { describe, expect, it } from 'vitest';
import { ORGANISATION_COLUMNS } from './columns.ts';
import { validateOrganisationRows } from './organisations.ts';
import { organisationTemplate } from './xlsx.ts';
import { readXlsxRowsBounded } from './xlsx-stream.ts';

const HEAD = ['Số thứ tự', 'Tên tổ chức đảng', 'Số đảng viên'];
const existing = [{ name: 'Đảng bộ Phường Ba Đình', position: 0 }, { name: 'Chi bộ Cũ', position: 4 }];
const ctx = { existing };

describe('organisation import rows', () => {
  it('accepts a valid file: names spaced and cased as typed, numbers with the Vietnamese thousands dot, blank members', () => {
    const r = validateOrganisationRows([HEAD, ['2', '  Chi bộ   Khu phố 2 ', '1.200'], ['1', 'Chi bộ Khu phố 1', '15'], ['', 'Chi bộ Trường học', '']], ctx);
    expect(r).toEqual({ ok: true, value: [
      // In the order of the ordinals, the row without one last; after the congress's last position (4).
      { name: 'Chi bộ Khu phố 1', partyMembers: 15, position: 5 },
      { name: 'Chi bộ Khu phố 2', partyMembers: 1200, position: 6 },
      { name: 'Chi bộ Trường học', partyMembers: null, position: 7 },
    ] });
  });

  it('finds the columns by header in any order and case; only the name is required', () => {
    const r = validateOrganisationRows([['tên tổ chức ĐẢNG'], ['Chi bộ Một'], ['Chi bộ Hai']], { existing: [] });
    expect(r.ok && r.value.map((o) => [o.name, o.position])).toEqual([['Chi bộ Một', 1], ['Chi bộ Hai', 2]]);
    const missing = validateOrganisationRows([['Số thứ tự', 'Số đảng viên'], ['1', '3']], ctx);
    expect(missing).toEqual({ ok: false, error: [expect.objectContaining({ row: 1, column: 'Tên tổ chức đảng', code: 'import.missing-column' })] });
  });

  it('reports every bad row by row and column, in Vietnamese and English, and returns no organisation', () => {
    const r = validateOrganisationRows([
      HEAD,
      ['1', '', '10'],
      ['2', 'Chi bộ A', 'mười'],
      ['x', 'Chi bộ B', '-3'],
      ['4', 'chi bộ cũ', '5'],
      ['5', 'Chi bộ C', '5'],
      ['5', 'CHI BỘ C', '6'],
      ['7', 'Chi bộ\u202E D', '6'],
      ['8', 'X'.repeat(201), ''],
      ['9', 'Chi bộ E', '10000001'],
      ['10', 'Chi bộ F', '12'],
    ], ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'Tên tổ chức đảng', 'import.missing'],
      [3, 'Số đảng viên', 'import.invalid-cell'],
      [4, 'Số thứ tự', 'import.invalid-cell'],
      [4, 'Số đảng viên', 'import.invalid-cell'],
      [5, 'Tên tổ chức đảng', 'import.duplicate'],
      [7, 'Tên tổ chức đảng', 'import.duplicate'],
      [7, 'Số thứ tự', 'import.duplicate'],
      [8, 'Tên tổ chức đảng', 'import.hidden-character'],
      [9, 'Tên tổ chức đảng', 'import.invalid-cell'],
      [10, 'Số đảng viên', 'import.invalid-cell'],
    ]);
    const byRow = (n: number) => r.error.filter((i) => i.row === n);
    expect(byRow(2)[0]!.message_vi).toBe('Không được để trống.');
    expect(byRow(3)[0]!.message_vi).toContain('số nguyên');
    expect(byRow(5)[0]!.message_vi).toBe('Tổ chức đảng "chi bộ cũ" đã có trong đại hội.');
    expect(byRow(7).map((i) => i.message_vi)).toEqual(['Tổ chức đảng "CHI BỘ C" trùng với dòng 6.', 'Số thứ tự 5 trùng với dòng 6.']);
    expect(byRow(9)[0]!.message_vi).toContain('tối đa 200');
    expect(r.error.every((i) => i.message_en.length > 0 && !/[ăâđêôơư]/iu.test(i.message_en.replace(/"[^"]*"/gu, '')))).toBe(true);
  });

  it('refuses an empty file, a header alone and more rows than allowed, as the file as a whole', () => {
    expect(validateOrganisationRows([], ctx)).toMatchObject({ ok: false, error: [{ code: 'import.empty' }] });
    expect(validateOrganisationRows([HEAD], ctx)).toMatchObject({ ok: false, error: [{ row: 2, code: 'import.no-rows', message_vi: 'Tệp không có tổ chức đảng nào.' }] });
    const many = [HEAD, ...Array.from({ length: 4 }, (_, i) => [String(i + 1), `Chi bộ ${i}`, ''])];
    expect(validateOrganisationRows(many, { existing: [], maxRows: 3 })).toMatchObject({ ok: false, error: [{ row: 1, code: 'import.too-many-rows' }] });
    expect(validateOrganisationRows(many, { existing: [], maxRows: 4 }).ok).toBe(true);
  });

  it('the template holds the headers and an example row that imports', async () => {
    const rows = await readXlsxRowsBounded(await organisationTemplate(), 100);
    expect(rows.ok && rows.value[0]).toEqual(ORGANISATION_COLUMNS.map((c) => c.header));
    expect(rows.ok && validateOrganisationRows(rows.value, { existing: [] })).toEqual({ ok: true, value: [{ name: 'Chi bộ Văn phòng', partyMembers: 15, position: 1 }] });
  });
});
