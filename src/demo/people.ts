/** One generated person: name by ethnicity and gender, birth date by age at the congress, date of joining the Party. */
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES, type Gender } from './names.ts';
import type { Random } from './random.ts';

export interface Person {
  readonly fullName: string;
  readonly gender: Gender;
  readonly ethnicity: string;
  readonly birthDate: string;
  readonly partyJoinDate: string;
}

const DAY = 86_400_000;
/** The first day of the congress: ages are counted at this date. */
export const CONGRESS_DAY = Date.UTC(2020, 6, 15);

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const minusYears = (ms: number, years: number): number => {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.getTime();
};

/** A name not yet in `taken` (regenerated until it is new, deterministically). */
const freshName = (rng: Random, gender: Gender, ethnicity: string, taken: Set<string>): string => {
  const families = FAMILY_NAMES[ethnicity] ?? FAMILY_NAMES['Kinh']!;
  for (;;) {
    const name = `${rng.weighted(families)} ${rng.weighted(MIDDLE_NAMES[gender])} ${rng.pick(GIVEN_NAMES[gender])}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
};

export const makePerson = (
  rng: Random, gender: Gender, ethnicity: string, age: readonly [number, number], taken: Set<string>,
): Person => {
  const years = rng.int(age[0], age[1]);
  // Born between (years + 1) years and `years` years before the congress: exactly `years` old on the first day.
  const birth = minusYears(CONGRESS_DAY, years) - rng.int(0, 364) * DAY;
  const latestJoin = minusYears(CONGRESS_DAY, 1) - 14 * DAY; // official members: joined over a year before
  const joinAge = rng.int(21, Math.max(21, Math.min(34, years - 2)));
  const join = Math.min(minusYears(birth, -joinAge) + rng.int(0, 300) * DAY, latestJoin);
  return { fullName: freshName(rng, gender, ethnicity, taken), gender, ethnicity, birthDate: isoDay(birth), partyJoinDate: isoDay(join) };
};

/** Age in whole years on the congress's first day. */
export const ageAtCongress = (birthDate: string): number => {
  const b = new Date(`${birthDate}T00:00:00Z`);
  const c = new Date(CONGRESS_DAY);
  let age = c.getUTCFullYear() - b.getUTCFullYear();
  if (c.getUTCMonth() < b.getUTCMonth() || (c.getUTCMonth() === b.getUTCMonth() && c.getUTCDate() < b.getUTCDate())) age -= 1;
  return age;
};
