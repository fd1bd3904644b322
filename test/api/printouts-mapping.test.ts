/** The pure pieces of the printout mappers (src/server/printouts): names, dates and the delegate list's free text. */
import { describe, expect, it } from 'vitest';
import { IdList, printoutPaths, PrintFormatQuery } from '../../src/api/printouts.ts';
import { committeeOf, documentDate, higherCongressOrdinalOf, normalCase, vietnamDay } from '../../src/server/printouts/common.ts';
import { educationLevel, theoryLevel } from '../../src/server/printouts/delegates.ts';

describe('printout mapping', () => {
  it('writes a higher organisation stored in capitals in normal case, proper names capitalised', () => {
    expect(normalCase('ĐẢNG BỘ TỈNH LẠNG SƠN')).toBe('Đảng bộ tỉnh Lạng Sơn');
    expect(normalCase('ĐẢNG BỘ THÀNH PHỐ HÀ NỘI')).toBe('Đảng bộ thành phố Hà Nội');
    expect(normalCase('ĐẢNG BỘ THỊ XÃ ĐÔNG TRIỀU')).toBe('Đảng bộ thị xã Đông Triều');
    expect(normalCase('Đảng bộ Khối các cơ quan tỉnh')).toBe('Đảng bộ Khối các cơ quan tỉnh');
  });

  it('names the committee of the organisation', () => {
    expect(committeeOf('Đảng bộ Khối các cơ quan tỉnh Lạng Sơn')).toBe('Đảng ủy Khối các cơ quan tỉnh Lạng Sơn');
    expect(committeeOf('Chi bộ Văn phòng')).toBe('Chi ủy Văn phòng');
    expect(committeeOf('Tổ chức khác')).toBe('Cấp ủy Tổ chức khác');
  });

  it('reads the higher congress ordinal from the delegation title', () => {
    expect(higherCongressOrdinalOf('Bầu đoàn đại biểu dự Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII')).toBe('XVII');
    expect(higherCongressOrdinalOf('Bầu đoàn đại biểu')).toBeNull();
  });

  it('dates a document by the day in Vietnam, within the congress, else its first day', () => {
    const c = { start_date: '2020-07-15', end_date: '2020-07-16' };
    expect(vietnamDay('2020-07-15T18:30:00.000Z')).toBe('2020-07-16');
    expect(documentDate(c, '2020-07-15T18:30:00.000Z')).toBe('2020-07-16');
    expect(documentDate(c, '2026-11-26T10:00:00.000Z')).toBe('2020-07-15');
    expect(documentDate(c, null)).toBe('2020-07-15');
  });

  it('maps the free text of education and political theory, and says when it cannot', () => {
    expect(educationLevel('Thạc sĩ Kinh tế')).toBe('master');
    expect(educationLevel('Cử nhân Luật')).toBe('university');
    expect(educationLevel('Tiến sĩ')).toBe('doctorate');
    expect(educationLevel('Cao đẳng')).toBe('college');
    expect(educationLevel(null)).toBeNull();
    expect(educationLevel('???')).toBeNull();
    expect(theoryLevel('Cao cấp')).toBe('advanced');
    expect(theoryLevel('Trung cấp')).toBe('intermediate');
    expect(theoryLevel('Sơ cấp')).toBe('elementary');
    expect(theoryLevel(null)).toBe('none');
    expect(theoryLevel('không rõ')).toBeNull();
  });

  it('builds the links the web app uses and parses what they send', () => {
    const p = printoutPaths('lso-khoi-xiv');
    expect(p.minutes(3, 2, 'docx')).toBe('/api/congresses/lso-khoi-xiv/printouts/elections/3/rounds/2/minutes?format=docx');
    expect(p.delegateCards([4, 5])).toBe('/api/congresses/lso-khoi-xiv/printouts/delegate-cards?ids=4%2C5');
    expect(p.showOfHands('pdf', { session: 2 })).toBe('/api/congresses/lso-khoi-xiv/printouts/show-of-hands?format=pdf&session=2');
    expect(IdList.parse('4,5,4')).toEqual([4, 5]);
    expect(IdList.safeParse('4;5').success).toBe(false);
    expect(IdList.safeParse('0').success).toBe(false);
    expect(PrintFormatQuery.parse({})).toEqual({ format: 'pdf' });
    expect(PrintFormatQuery.safeParse({ format: 'xls' }).success).toBe(false);
  });
});
