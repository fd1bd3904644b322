/**
 * Writing CSV cells: quoted when they hold a comma, quote or line break, and neutralised when a spreadsheet would
 * take them for a formula (a leading = + - @, tab or carriage return gets a leading apostrophe). The one place
 * CSV is written.
 */
const FORMULA = /^[=+\-@\t\r]/u;

export const csvCell = (v: string | number | null | undefined): string => {
  const raw = v === null || v === undefined ? '' : String(v);
  const s = typeof v === 'string' && FORMULA.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
};

export const csvLine = (cells: readonly (string | number | null | undefined)[]): string => cells.map(csvCell).join(',');
