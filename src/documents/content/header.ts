/** The header of every document, from the congress data. */
import { formatDateLong } from '../../locale/vi.ts';
import { upperVi } from '../labels.ts';
import type { CongressHeader } from '../model.ts';
import type { HeaderSpec } from './blocks.ts';

/** "Lạng Sơn, ngày 15 tháng 7 năm 2020" */
export const placeDate = (h: CongressHeader, date: string = h.date): string => `${h.place}, ${formatDateLong(date)}`;

/**
 * Left column: the higher organisation, then the organisation in bold, then the unit that issues the document
 * (e.g. "BAN KIỂM PHIẾU") when there is one.
 */
export const documentHeader = (h: CongressHeader, unit: string | null, withDate = true): HeaderSpec => ({
  lines: [
    { text: upperVi(h.higherOrganisation), bold: false },
    { text: upperVi(h.organisation), bold: unit === null },
    ...(unit === null ? [] : [{ text: upperVi(unit), bold: true }]),
  ],
  placeDate: withDate ? placeDate(h) : null,
});
