/**
 * Validation of an imported delegate list. Pure: rows of text in, delegates or every problem out,
 * each by row (as the spreadsheet numbers it) and column (its Vietnamese header). Nothing is imported unless
 * the whole file is valid, so the result is all the delegates or none.
 */
import { normalizeName } from '../rules/index.ts';
import { err, ok, type Result } from '../rules/index.ts';
import { DELEGATE_COLUMNS, type DelegateColumnKey } from './columns.ts';
import { issueAt, MAX_IMPORT_ROWS, readSheet, sheetKey as key, type ImportIssue } from './sheet.ts';

export { MAX_IMPORT_ROWS, type ImportIssue };

export interface ImportedDelegate {
  readonly code: string;
  readonly fullName: string;
  readonly gender: 'male' | 'female';
  readonly birthDate: string | null;
  readonly ethnicity: string;
  readonly education: string | null;
  readonly politicalTheory: string | null;
  readonly partyJoinDate: string | null;
  readonly position: string | null;
  readonly organisationId: number;
  readonly category: 'ex-officio' | 'elected' | 'appointed';
  readonly standing: 'official' | 'alternate' | 'probationary';
  readonly isConveningMember: boolean;
  readonly seat: string | null;
}

export interface ImportContext {
  readonly organisations: readonly { readonly id: number; readonly name: string }[];
  /** Codes of delegates already in the congress. */
  readonly existingCodes: ReadonlySet<string>;
  /** At most this many rows (a bound on the work of one request). */
  readonly maxRows?: number;
}

const GENDERS: Readonly<Record<string, 'male' | 'female'>> = { nam: 'male', 'nữ': 'female', nu: 'female' };
const CATEGORIES: Readonly<Record<string, ImportedDelegate['category']>> = {
  'đương nhiên': 'ex-officio', bầu: 'elected', 'chỉ định': 'appointed',
};
const STANDINGS: Readonly<Record<string, ImportedDelegate['standing']>> = {
  'chính thức': 'official', 'dự khuyết': 'alternate', 'dự bị': 'probationary',
};
const YES_NO: Readonly<Record<string, boolean>> = { có: true, x: true, không: false, '': false };

/** "15/03/1970", "15-3-1970" or "1970-03-15" → "1970-03-15"; null when not a real calendar date. */
export const parseDate = (text: string): string | null => {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(t);
  let y: number, mo: number, d: number;
  if (m) { y = Number(m[1]); mo = Number(m[2]); d = Number(m[3]); } else {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(t);
    if (!m) return null;
    d = Number(m[1]); mo = Number(m[2]); y = Number(m[3]);
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2100) return null;
  return date.toISOString().slice(0, 10);
};

const at = issueAt(DELEGATE_COLUMNS);

export const validateDelegateRows = (
  rows: readonly (readonly string[])[],
  context: ImportContext,
): Result<ImportedDelegate[], ImportIssue[]> => {
  const sheet = readSheet(rows, DELEGATE_COLUMNS, { maxRows: context.maxRows ?? MAX_IMPORT_ROWS, noun: ['đại biểu', 'delegates'] });
  if (!sheet.ok) return sheet;
  const issues: ImportIssue[] = [];
  const issue = (row: number, col: DelegateColumnKey | null, code: string, vi: string, en: string): void => {
    issues.push(at(row, col, code, vi, en));
  };
  const orgs = new Map(context.organisations.map((o) => [key(o.name), o.id]));
  const seenCodes = new Map<string, number>();
  const seenPeople = new Map<string, number>();
  const out: ImportedDelegate[] = [];
  for (const { rowNo, get, cellIssues } of sheet.value) {
    const before = issues.length;
    issues.push(...cellIssues);
    const code = get('code');
    if (code === '') issue(rowNo, 'code', 'import.missing', 'Thiếu số thẻ.', 'The card number is missing.');
    else if (!/^[A-Za-z0-9-]{1,20}$/u.test(code)) {
      issue(rowNo, 'code', 'import.bad-code', `Số thẻ "${code}" chỉ được gồm chữ, số và dấu gạch ngang (tối đa 20 ký tự).`,
        `The card number "${code}" may hold only letters, digits and dashes (at most 20).`);
    } else if (context.existingCodes.has(code)) {
      issue(rowNo, 'code', 'import.duplicate', `Số thẻ "${code}" đã có trong danh sách đại biểu.`,
        `The card number "${code}" is already on the delegate list.`);
    } else if (seenCodes.has(code)) {
      issue(rowNo, 'code', 'import.duplicate', `Số thẻ "${code}" trùng với dòng ${seenCodes.get(code)}.`,
        `The card number "${code}" repeats row ${seenCodes.get(code)}.`);
    } else seenCodes.set(code, rowNo);
    const fullName = normalizeName(get('fullName'));
    if (fullName === '') issue(rowNo, 'fullName', 'import.missing', 'Thiếu họ và tên.', 'The full name is missing.');
    else if (fullName.length > 120 || /[\u0000-\u001f<>]/u.test(fullName)) {
      issue(rowNo, 'fullName', 'import.bad-name', 'Họ và tên quá dài hoặc chứa ký tự không hợp lệ.',
        'The full name is too long or holds characters that are not allowed.');
    }
    const gender = GENDERS[key(get('gender'))];
    if (gender === undefined) {
      issue(rowNo, 'gender', 'import.bad-gender', `Giới tính "${get('gender')}" phải là "Nam" hoặc "Nữ".`,
        `Gender "${get('gender')}" must be "Nam" or "Nữ".`);
    }
    const dateOf = (k: 'birthDate' | 'partyJoinDate'): string | null => {
      const text = get(k);
      if (text === '') return null;
      const d = parseDate(text);
      if (d === null) {
        issue(rowNo, k, 'import.bad-date', `Ngày "${text}" không hợp lệ (viết ngày/tháng/năm, ví dụ 15/03/1970).`,
          `The date "${text}" is not valid (write day/month/year, e.g. 15/03/1970).`);
      }
      return d;
    };
    const birthDate = dateOf('birthDate');
    const partyJoinDate = dateOf('partyJoinDate');
    if (birthDate !== null && partyJoinDate !== null && partyJoinDate <= birthDate) {
      issue(rowNo, 'partyJoinDate', 'import.bad-date', 'Ngày vào Đảng phải sau ngày sinh.', 'The Party join date must follow the birth date.');
    }
    const orgName = get('organisation');
    const organisationId = orgs.get(key(orgName));
    if (orgName === '') issue(rowNo, 'organisation', 'import.missing', 'Thiếu đơn vị.', 'The organisation is missing.');
    else if (organisationId === undefined) {
      issue(rowNo, 'organisation', 'import.unknown-organisation', `Không có đơn vị "${orgName}" trong đại hội này.`,
        `There is no organisation "${orgName}" in this congress.`);
    }
    const category = CATEGORIES[key(get('category'))];
    if (category === undefined) {
      issue(rowNo, 'category', 'import.bad-category', `Loại đại biểu "${get('category')}" phải là "Đương nhiên", "Bầu" hoặc "Chỉ định".`,
        `Category "${get('category')}" must be "Đương nhiên", "Bầu" or "Chỉ định".`);
    }
    const standingText = get('standing');
    const standing = standingText === '' ? 'official' : STANDINGS[key(standingText)];
    if (standing === undefined) {
      issue(rowNo, 'standing', 'import.bad-standing', `"${standingText}" phải là "Chính thức" hoặc "Dự khuyết".`,
        `"${standingText}" must be "Chính thức" or "Dự khuyết".`);
    }
    const convening = YES_NO[key(get('isConveningMember'))];
    if (convening === undefined) {
      issue(rowNo, 'isConveningMember', 'import.bad-yes-no', `"${get('isConveningMember')}" phải là "Có" hoặc "Không".`,
        `"${get('isConveningMember')}" must be "Có" or "Không".`);
    }
    if (fullName !== '' && birthDate !== null) {
      const person = `${key(fullName)}|${birthDate}`;
      const first = seenPeople.get(person);
      if (first !== undefined) {
        issue(rowNo, 'fullName', 'import.duplicate-person', `Đại biểu "${fullName}" (sinh ${get('birthDate')}) trùng với dòng ${first}.`,
          `The delegate "${fullName}" (born ${get('birthDate')}) repeats row ${first}.`);
      } else seenPeople.set(person, rowNo);
    }
    const optional = (k: DelegateColumnKey, max: number): string | null => {
      const v = get(k);
      if (v.length > max) issue(rowNo, k, 'import.too-long', `Quá ${max} ký tự.`, `More than ${max} characters.`);
      return v === '' ? null : v;
    };
    const ethnicity = optional('ethnicity', 50) ?? 'Kinh';
    const education = optional('education', 120);
    const politicalTheory = optional('politicalTheory', 120);
    const position = optional('position', 300);
    const seat = optional('seat', 20);
    if (issues.length === before) {
      out.push({
        code, fullName, gender: gender!, birthDate, ethnicity, education, politicalTheory, partyJoinDate, position,
        organisationId: organisationId!, category: category!, standing: standing!, isConveningMember: convening!, seat,
      });
    }
  }
  return issues.length > 0 ? err(issues) : ok(out);
};
