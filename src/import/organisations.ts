/**
 * Validation of an imported list of member organisations (the grassroots Party organisations of the congress). Pure:
 * rows of text in, organisations or every problem out, each by row and column. Each row is checked by zod against the
 * schema of one organisation that the API takes (OrganisationBody); names must be new to the congress and to the file,
 * ordinals unique in the file. All or none: the result is every organisation or the problems.
 */
import { z } from 'zod';
import { refineMessage } from '../api/common.ts';
import { OrganisationBody } from '../api/congresses.ts';
import { describeIssue } from '../api/errors.ts';
import { err, normalizeName, ok, type Result } from '../rules/index.ts';
import { ORGANISATION_COLUMNS, type OrganisationColumnKey } from './columns.ts';
import { issueAt, MAX_IMPORT_ROWS, readSheet, sheetKey, type ImportIssue } from './sheet.ts';

export interface ImportedOrganisation {
  readonly name: string;
  readonly partyMembers: number | null;
  /** Its place in the congress's list: after the organisations already there, in the order of the file's ordinals. */
  readonly position: number;
}

export interface OrganisationImportContext {
  /** Every organisation of the congress, deactivated ones too (their names stay taken: nothing is deleted). */
  readonly existing: readonly { readonly name: string; readonly position: number }[];
  readonly maxRows?: number;
}

const NOT_A_NUMBER = refineMessage('Phải là một số nguyên không âm (ví dụ 15), hoặc để trống.',
  'Must be a whole number that is not negative (e.g. 15), or blank.');

/** A cell that holds a whole number ("15", "1.200" with the Vietnamese thousands dot) or nothing (null). */
const wholeOrBlank = z.string().transform((text, ctx): number | null => {
  if (text === '') return null;
  if (/^\d{1,3}(?:[.\s]\d{3})+$/u.test(text) || /^\d+$/u.test(text)) return Number(text.replace(/[.\s]/gu, ''));
  ctx.addIssue({ code: 'custom', message: NOT_A_NUMBER });
  return z.NEVER;
});

/** One row of the file, as the cells' text: the same limits as an organisation added by the form. */
export const OrganisationRow = z.object({
  ordinal: wholeOrBlank.pipe(z.number().int().min(1).max(100_000).nullable()),
  name: z.string().transform((s) => normalizeName(s)).pipe(OrganisationBody.shape.name),
  partyMembers: wholeOrBlank.pipe(OrganisationBody.shape.partyMembers.unwrap()),
});

const at = issueAt(ORGANISATION_COLUMNS);
const isColumn = (k: PropertyKey | undefined): k is OrganisationColumnKey => ORGANISATION_COLUMNS.some((c) => c.key === k);

export const validateOrganisationRows = (
  rows: readonly (readonly string[])[],
  context: OrganisationImportContext,
): Result<ImportedOrganisation[], ImportIssue[]> => {
  const sheet = readSheet(rows, ORGANISATION_COLUMNS, { maxRows: context.maxRows ?? MAX_IMPORT_ROWS, noun: ['tổ chức đảng', 'organisations'] });
  if (!sheet.ok) return sheet;
  const issues: ImportIssue[] = [];
  const taken = new Set(context.existing.map((o) => sheetKey(o.name)));
  const seenNames = new Map<string, number>();
  const seenOrdinals = new Map<number, number>();
  const valid: { readonly rowNo: number; readonly ordinal: number | null; readonly name: string; readonly partyMembers: number | null }[] = [];
  for (const { rowNo, get, cellIssues } of sheet.value) {
    const before = issues.length;
    issues.push(...cellIssues);
    const atFault = new Set(cellIssues.map((i) => i.column));
    const header = (k: OrganisationColumnKey): string => ORGANISATION_COLUMNS.find((c) => c.key === k)!.header;
    const parsed = OrganisationRow.safeParse({ ordinal: get('ordinal'), name: get('name'), partyMembers: get('partyMembers') });
    if (!parsed.success) {
      for (const zi of parsed.error.issues) {
        const col = isColumn(zi.path[0]) ? zi.path[0] : null;
        if (col !== null && atFault.has(header(col))) continue; // already said: a control or hidden character
        const [vi, en] = describeIssue(zi);
        issues.push(at(rowNo, col, col === 'name' && get('name') === '' ? 'import.missing' : 'import.invalid-cell', vi, en));
      }
    }
    if (issues.length > before || !parsed.success) continue;
    const row = parsed.data;
    const name = sheetKey(row.name);
    const first = seenNames.get(name);
    if (taken.has(name)) {
      issues.push(at(rowNo, 'name', 'import.duplicate', `Tổ chức đảng "${row.name}" đã có trong đại hội.`,
        `The organisation "${row.name}" is already in the congress.`));
    } else if (first !== undefined) {
      issues.push(at(rowNo, 'name', 'import.duplicate', `Tổ chức đảng "${row.name}" trùng với dòng ${first}.`,
        `The organisation "${row.name}" repeats row ${first}.`));
    } else seenNames.set(name, rowNo);
    if (row.ordinal !== null) {
      const same = seenOrdinals.get(row.ordinal);
      if (same !== undefined) {
        issues.push(at(rowNo, 'ordinal', 'import.duplicate', `Số thứ tự ${row.ordinal} trùng với dòng ${same}.`,
          `The ordinal ${row.ordinal} repeats row ${same}.`));
      } else seenOrdinals.set(row.ordinal, rowNo);
    }
    if (issues.length === before) valid.push({ rowNo, ordinal: row.ordinal, name: row.name, partyMembers: row.partyMembers });
  }
  if (issues.length > 0) return err(issues);
  // Rows with an ordinal in its order, then those without in the file's order; after the congress's last.
  const last = Math.max(0, ...context.existing.map((o) => o.position));
  const ordered = [...valid].sort((a, b) => (a.ordinal ?? Infinity) - (b.ordinal ?? Infinity) || a.rowNo - b.rowNo);
  return ok(ordered.map((o, i) => ({ name: o.name, partyMembers: o.partyMembers, position: last + i + 1 })));
};
