/** The delegate list as rows in the template's own columns, so an export can be imported again. */
import { formatDateShort } from '../locale/vi.ts';
import { DELEGATE_COLUMNS } from './columns.ts';

export interface ExportDelegate {
  readonly code: string;
  readonly full_name: string;
  readonly gender: 'male' | 'female';
  readonly birth_date: string | null;
  readonly ethnicity: string;
  readonly education: string | null;
  readonly political_theory: string | null;
  readonly party_join_date: string | null;
  readonly position: string | null;
  readonly organisation_id: number | null;
  readonly category: 'ex-officio' | 'elected' | 'appointed';
  readonly standing: 'official' | 'alternate' | 'probationary';
  readonly is_convening_member: 0 | 1;
  readonly seat: string | null;
}

const CATEGORY = { 'ex-officio': 'Đương nhiên', elected: 'Bầu', appointed: 'Chỉ định' } as const;
const STANDING = { official: 'Chính thức', alternate: 'Dự khuyết', probationary: 'Dự bị' } as const;

export const delegateRows = (
  delegates: readonly ExportDelegate[],
  organisationName: (id: number | null) => string,
): string[][] => [
  DELEGATE_COLUMNS.map((c) => c.header),
  ...delegates.map((d) => [
    d.code, d.full_name, d.gender === 'male' ? 'Nam' : 'Nữ',
    d.birth_date === null ? '' : formatDateShort(d.birth_date), d.ethnicity, d.education ?? '', d.political_theory ?? '',
    d.party_join_date === null ? '' : formatDateShort(d.party_join_date), d.position ?? '', organisationName(d.organisation_id),
    CATEGORY[d.category], STANDING[d.standing], d.is_convening_member === 1 ? 'Có' : 'Không', d.seat ?? '',
  ]),
];
