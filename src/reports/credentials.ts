/**
 * The composition tables of the credentials report (báo cáo thẩm tra tư cách đại biểu, docs/rules.md §8), computed
 * from the list of delegates. Pure: the documents print it, the hall screen may show it.
 */
import { percentOf } from '../rules/index.ts';
import {
  EDUCATION_LEVELS, THEORY_LEVELS, type DelegateCategory, type DelegateRecord, type EducationLevel, type IsoDate,
  type PoliticalTheoryLevel,
} from '../documents/model.ts';

export interface Share {
  readonly count: number;
  /** Percentage of the reference group, two decimals (`percentOf` of the rules core). */
  readonly percent: number;
}

export interface PersonAge {
  readonly name: string;
  readonly age: number;
}

export const PARTY_YEAR_BANDS = ['under-10', '10-19', '20-29', '30-plus'] as const;
export type PartyYearBand = (typeof PARTY_YEAR_BANDS)[number];

export interface AbsentDelegate {
  readonly name: string;
  readonly delegation: string;
  readonly reason: string | null;
}

export interface CredentialsComposition {
  readonly summonedOfficial: number;
  readonly summonedAlternate: number;
  readonly presentOfficial: number;
  readonly presentAlternate: number;
  /** Official delegates absent, in input order. */
  readonly absentOfficials: readonly AbsentDelegate[];
  /** The group the composition is measured on: the official delegates present. */
  readonly reference: number;
  readonly byCategory: Readonly<Record<DelegateCategory, Share>>;
  readonly women: Share;
  /** Ethnicity other than Kinh. */
  readonly ethnicMinorities: Share;
  readonly under40: Share;
  readonly oldest: PersonAge | null;
  readonly youngest: PersonAge | null;
  /** Average age with one decimal; null with nobody. */
  readonly averageAge: number | null;
  readonly education: Readonly<Record<EducationLevel, Share>>;
  readonly politicalTheory: Readonly<Record<PoliticalTheoryLevel, Share>>;
  readonly partyYears: Readonly<Record<PartyYearBand, Share>>;
  /** Of the official delegates present, those the committee finds qualified. */
  readonly qualified: number;
  readonly notQualified: readonly { readonly name: string; readonly issue: string }[];
}

/** Whole years from `from` to `on` (ISO dates): the age on the day. */
export const fullYears = (from: IsoDate, on: IsoDate): number => {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - fy - (om < fm || (om === fm && od < fd) ? 1 : 0);
};

const isKinh = (ethnicity: string): boolean => ethnicity.normalize('NFC').trim().toLocaleLowerCase('vi') === 'kinh';

const bandOf = (years: number): PartyYearBand =>
  years < 10 ? 'under-10' : years < 20 ? '10-19' : years < 30 ? '20-29' : '30-plus';

const tally = <K extends string>(keys: readonly K[], values: readonly K[], reference: number): Record<K, Share> => {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return Object.fromEntries(keys.map((k) => [k, share(counts.get(k) ?? 0, reference)])) as Record<K, Share>;
};

const share = (count: number, reference: number): Share => ({ count, percent: percentOf(count, reference) });

/** The composition on `date` (the congress day) of the official delegates present. */
export const credentialsComposition = (delegates: readonly DelegateRecord[], date: IsoDate): CredentialsComposition => {
  const officials = delegates.filter((d) => d.status === 'official');
  const alternates = delegates.filter((d) => d.status === 'alternate');
  const present = officials.filter((d) => d.present);
  const ref = present.length;
  const ages = present.map((d) => ({ name: d.name, age: fullYears(d.birthDate, date) }));
  // Equal ages: the first in the input is named.
  const oldest = ages.reduce<PersonAge | null>((best, a) => (best === null || a.age > best.age ? a : best), null);
  const youngest = ages.reduce<PersonAge | null>((best, a) => (best === null || a.age < best.age ? a : best), null);
  const sum = ages.reduce((s, a) => s + a.age, 0);
  const notQualified = present
    .filter((d) => d.credentialsIssue !== undefined && d.credentialsIssue !== null && d.credentialsIssue !== '')
    .map((d) => ({ name: d.name, issue: d.credentialsIssue as string }));
  return {
    summonedOfficial: officials.length,
    summonedAlternate: alternates.length,
    presentOfficial: ref,
    presentAlternate: alternates.filter((d) => d.present).length,
    absentOfficials: officials.filter((d) => !d.present).map((d) => ({ name: d.name, delegation: d.delegation, reason: d.absenceReason ?? null })),
    reference: ref,
    byCategory: tally(['ex-officio', 'elected', 'appointed'], present.map((d) => d.category), ref),
    women: share(present.filter((d) => d.gender === 'female').length, ref),
    ethnicMinorities: share(present.filter((d) => !isKinh(d.ethnicity)).length, ref),
    under40: share(ages.filter((a) => a.age < 40).length, ref),
    oldest,
    youngest,
    averageAge: ref === 0 ? null : Math.round((sum * 10) / ref) / 10,
    education: tally(EDUCATION_LEVELS, present.map((d) => d.education), ref),
    politicalTheory: tally(THEORY_LEVELS, present.map((d) => d.politicalTheory), ref),
    partyYears: tally(PARTY_YEAR_BANDS, present.map((d) => bandOf(fullYears(d.partyJoinDate, date))), ref),
    qualified: ref - notQualified.length,
    notQualified,
  };
};
