import { describe, expect, it } from 'vitest';
import { SEED_NAMES } from '../../test/fixtures/seed-congress.ts';
import { compareNames, compareVietnamese, inBallotOrder, normalizeName, splitName } from './name-order.ts';

const order = (...names: string[]): string[] => inBallotOrder(names.map((name) => ({ name }))).map((p) => p.name);

describe('splitting a Vietnamese full name', () => {
  it('family name first, given name last, middle names between', () => {
    expect(splitName('Nguyễn Thị Minh Khai')).toEqual({ family: 'Nguyễn', middle: 'Thị Minh', given: 'Khai' });
    expect(splitName('Lê Lợi')).toEqual({ family: 'Lê', middle: '', given: 'Lợi' });
    expect(splitName('Bình')).toEqual({ family: '', middle: '', given: 'Bình' });
  });
  it('normalises spaces and Unicode (decomposed tones become composed)', () => {
    const decomposed = 'Tr\u00e2\u0300n  Thi\u0323 \u00c1nh '.normalize('NFD');
    expect(normalizeName(decomposed)).toBe('Trần Thị Ánh');
    expect(splitName(decomposed).given).toBe('Ánh');
  });
});

describe('ballot order (docs/rules.md §4): given name, then family name, then middle names, then birth date', () => {
  it('the example of docs/rules.md: An, Ánh, Bình, Đào (given names decide, not the family names)', () => {
    expect(order('Phạm Thị Đào', 'Lê Văn Bình', 'Trần Thị Ánh', 'Nguyễn Văn An'))
      .toEqual(['Nguyễn Văn An', 'Trần Thị Ánh', 'Lê Văn Bình', 'Phạm Thị Đào']);
  });
  it('Đ is a letter after D (not a D with a mark): Dũng, Duy before Đào, Đức; lower case đ too', () => {
    expect(order('Lê Đức', 'Lê Dũng', 'Lê Đào', 'Lê Duy', 'Lê Em')).toEqual(['Lê Dũng', 'Lê Duy', 'Lê Đào', 'Lê Đức', 'Lê Em']);
    expect(compareVietnamese('đa', 'dz')).toBeGreaterThan(0);
  });
  it('ă and â are letters after a: An, Anh, Ăn, Ân, Bá', () => {
    expect(order('Lê Ân', 'Lê Bá', 'Lê Ăn', 'Lê Anh', 'Lê An')).toEqual(['Lê An', 'Lê Anh', 'Lê Ăn', 'Lê Ân', 'Lê Bá']);
    expect(order('Vũ Hằng', 'Vũ Hà', 'Vũ Hải', 'Vũ Hân')).toEqual(['Vũ Hà', 'Vũ Hải', 'Vũ Hằng', 'Vũ Hân']);
  });
  it('tones come after the letters: the same letters without a tone first; the letters decide before tones', () => {
    expect(order('Lê Ánh', 'Lê Anh')).toEqual(['Lê Anh', 'Lê Ánh']);
    expect(order('Lê Ánh', 'Lê Anhb')).toEqual(['Lê Ánh', 'Lê Anhb']); // ANH < ANHB before any tone is looked at
    expect(order('Lê Thảo', 'Lê Thắng')).toEqual(['Lê Thảo', 'Lê Thắng']); // ả is an a, ắ is an ă
  });
  it('equal given names: by family name', () => {
    expect(order('Trần Văn An', 'Đỗ Văn An', 'Bùi Văn An', 'Dương Văn An')).toEqual(['Bùi Văn An', 'Dương Văn An', 'Đỗ Văn An', 'Trần Văn An']);
  });
  it('equal given and family names: by middle names', () => {
    expect(order('Nguyễn Văn An', 'Nguyễn Thị An', 'Nguyễn Đức An')).toEqual(['Nguyễn Đức An', 'Nguyễn Thị An', 'Nguyễn Văn An']);
  });
  it('the same full name: the older first; a missing birth date last', () => {
    const people = [
      { name: 'Nguyễn Văn An', birthDate: '1975-03-02', tag: 'young' },
      { name: 'Nguyễn Văn An', tag: 'unknown' },
      { name: 'Nguyễn Văn An', birthDate: '1968-11-20', tag: 'old' },
    ];
    expect(inBallotOrder(people).map((p) => p.tag)).toEqual(['old', 'young', 'unknown']);
  });
  it('keeps the input order when everything is equal, and does not change the input', () => {
    const people = [{ name: 'Lê An', tag: 1 }, { name: 'Lê An', tag: 2 }, { name: 'Hà Bình', tag: 3 }];
    const copy = structuredClone(people);
    expect(inBallotOrder([people[2]!, people[0]!, people[1]!]).map((p) => p.tag)).toEqual([1, 2, 3]);
    expect(people).toEqual(copy);
  });
  it('the given name decides even against the family name: "Anh Ánh" vs "Ánh Anh"', () => {
    expect(compareNames({ name: 'Ánh Văn Anh' }, { name: 'Anh Văn Ánh' })).toBeLessThan(0);
  });
  it('the seed congress list is already in ballot order', () => {
    expect(order(...[...SEED_NAMES].reverse())).toEqual(SEED_NAMES);
  });
});
