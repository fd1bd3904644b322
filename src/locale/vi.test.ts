import { describe, expect, it } from 'vitest';
import { percentOf } from '../rules/majority.ts';
import { formatDateLong, formatDateShort, formatDeadline, formatInteger, formatPercent, formatTime, fromLocalInput, toLocalInput } from './vi.ts';

describe('Vietnamese numbers', () => {
  it('a percentage of N_base with a decimal comma: 230 of 256 → "89,84%"', () => {
    expect(formatPercent(percentOf(230, 256))).toBe('89,84%');
  });
  it('always two decimals: 96 → "96,00%", 50 → "50,00%", 0 → "0,00%", 100 → "100,00%"', () => {
    expect([96, 50, 0, 100].map(formatPercent)).toEqual(['96,00%', '50,00%', '0,00%', '100,00%']);
  });
  it('thousands with a dot: 4294 → "4.294", 1000000 → "1.000.000", 250 → "250"', () => {
    expect([4294, 1_000_000, 250].map(formatInteger)).toEqual(['4.294', '1.000.000', '250']);
  });
});

describe('Vietnamese dates in documents', () => {
  it('"ngày 15 tháng 7 năm 2020"', () => expect(formatDateLong('2020-07-15')).toBe('ngày 15 tháng 7 năm 2020'));
  it('days below 10 and the months 1 and 2 take a leading zero: "ngày 05 tháng 02 năm 2021"', () => {
    expect(formatDateLong('2021-02-05')).toBe('ngày 05 tháng 02 năm 2021');
    expect(formatDateLong('2025-01-31')).toBe('ngày 31 tháng 01 năm 2025');
    expect(formatDateLong('2025-03-09')).toBe('ngày 09 tháng 3 năm 2025');
    expect(formatDateLong('2025-12-01')).toBe('ngày 01 tháng 12 năm 2025');
  });
  it('an instant is dated in Vietnam time: 2020-07-14 20:00 UTC is 15 July in Hà Nội', () => {
    expect(formatDateLong(new Date('2020-07-14T20:00:00Z'))).toBe('ngày 15 tháng 7 năm 2020');
    expect(formatTime(new Date('2020-07-14T20:05:00Z'))).toBe('03:05');
  });
  it('the short form keeps the same leading zeros: "15/7/2020", "05/02/2021"', () => {
    expect(formatDateShort('2020-07-15')).toBe('15/7/2020');
    expect(formatDateShort('2021-02-05')).toBe('05/02/2021');
  });

  it('writes a deadline in words, in Vietnam time, and gives a date-time field its Vietnam value', () => {
    expect(formatDeadline('2026-12-31T10:00:00Z')).toBe('17 giờ 00, ngày 31 tháng 12 năm 2026');
    expect(formatDeadline('2021-02-04T17:30:00Z')).toBe('00 giờ 30, ngày 05 tháng 02 năm 2021');
    expect(toLocalInput('2026-12-31T10:00:00Z')).toBe('2026-12-31T17:00');
    expect(toLocalInput('2021-02-04T17:30:00Z')).toBe('2021-02-05T00:30');
    expect(fromLocalInput('2026-12-31T17:00')).toBe('2026-12-31T10:00:00.000Z');
    expect(fromLocalInput('31/12/2026 17:00')).toBeNull();
  });
});
