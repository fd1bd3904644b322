/**
 * Ballot order (docs/rules.md §4) [practice]: alphabetical by GIVEN NAME (tên, the last word of the full name)
 * with Vietnamese collation, then by family name (họ, the first word), then by middle names, then by date of
 * birth. `Intl.Collator('vi')` puts Đ after D and Ă, Â after A, tones after letters.
 */
const collator = new Intl.Collator('vi', { sensitivity: 'variant', usage: 'sort' });

export interface NameParts {
  readonly family: string;
  readonly middle: string;
  readonly given: string;
}

/** Normalises a full name: Unicode NFC and single spaces. */
export const normalizeName = (fullName: string): string => fullName.normalize('NFC').trim().replace(/\s+/gu, ' ');

export const splitName = (fullName: string): NameParts => {
  const words = normalizeName(fullName).split(' ');
  if (words.length === 1) return { family: '', middle: '', given: words[0] ?? '' };
  return { family: words[0] ?? '', middle: words.slice(1, -1).join(' '), given: words[words.length - 1] ?? '' };
};

export interface Orderable {
  readonly name: string;
  /** ISO date (YYYY-MM-DD); older first when everything else is equal; missing dates last. */
  readonly birthDate?: string | null | undefined;
}

export const compareNames = (a: Orderable, b: Orderable): number => {
  const pa = splitName(a.name);
  const pb = splitName(b.name);
  return (
    collator.compare(pa.given, pb.given) ||
    collator.compare(pa.family, pb.family) ||
    collator.compare(pa.middle, pb.middle) ||
    compareBirthDates(a.birthDate, b.birthDate)
  );
};

const compareBirthDates = (a: string | null | undefined, b: string | null | undefined): number => {
  if (a && b) return a < b ? -1 : a > b ? 1 : 0;
  if (a) return -1;
  if (b) return 1;
  return 0;
};

/** A new array in ballot order; the input is not changed. Equal keys keep their input order. */
export const inBallotOrder = <T extends Orderable>(people: readonly T[]): T[] => [...people].sort(compareNames);

/** Vietnamese comparison of any two strings, for lists sorted by name elsewhere. */
export const compareVietnamese = (a: string, b: string): number => collator.compare(a, b);
