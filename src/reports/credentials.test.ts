import { describe, expect, it } from 'vitest';
import type { DelegateRecord } from '../documents/model.ts';
import { credentialsComposition, fullYears } from './credentials.ts';

const base: DelegateRecord = {
  id: 'x', name: 'X', delegation: 'Đảng bộ Sở Y tế', status: 'official', category: 'elected', present: true,
  gender: 'male', ethnicity: 'Kinh', birthDate: '1970-07-16', partyJoinDate: '2000-07-15', education: 'university',
  politicalTheory: 'advanced', credentialsIssue: null,
};
const d = (over: Partial<DelegateRecord>): DelegateRecord => ({ ...base, ...over });

const LIST: readonly DelegateRecord[] = [
  d({ id: 'a', name: 'Nguyễn Văn An', category: 'ex-officio', birthDate: '1960-07-15' }), // 60 on the day
  d({ id: 'b', name: 'Hoàng Thị Ánh', gender: 'female', ethnicity: 'Tày', birthDate: '1990-07-16', partyJoinDate: '2015-01-01', education: 'master' }), // 29
  d({ id: 'c', name: 'Vi Văn Bình', ethnicity: 'nùng', category: 'appointed', politicalTheory: 'intermediate', partyJoinDate: '1990-07-15' }), // 49; 30 years
  d({ id: 'd', name: 'Lê Thị Đào', gender: 'female', present: false, absenceReason: 'Ốm' }),
  d({ id: 'e', name: 'Phạm Văn Giang', status: 'alternate' }),
  d({ id: 'f', name: 'Đinh Văn Hà', birthDate: '1981-01-01', credentialsIssue: 'Đang bị đình chỉ sinh hoạt đảng' }), // 39
];

describe('fullYears', () => {
  it('counts whole years up to the day', () => {
    expect(fullYears('1960-07-15', '2020-07-15')).toBe(60);
    expect(fullYears('1960-07-16', '2020-07-15')).toBe(59);
    expect(fullYears('1960-08-01', '2020-07-15')).toBe(59);
    expect(fullYears('2000-02-29', '2020-02-28')).toBe(19);
  });
});

describe('credentialsComposition', () => {
  const c = credentialsComposition(LIST, '2020-07-15');

  it('counts summoned, present and absent delegates', () => {
    expect(c.summonedOfficial).toBe(5);
    expect(c.summonedAlternate).toBe(1);
    expect(c.presentOfficial).toBe(4);
    expect(c.presentAlternate).toBe(1);
    expect(c.absentOfficials).toEqual([{ name: 'Lê Thị Đào', delegation: 'Đảng bộ Sở Y tế', reason: 'Ốm' }]);
    expect(c.reference).toBe(4);
  });

  it('computes the composition of the official delegates present', () => {
    expect(c.byCategory).toEqual({
      'ex-officio': { count: 1, percent: 25 }, elected: { count: 2, percent: 50 }, appointed: { count: 1, percent: 25 },
    });
    expect(c.women).toEqual({ count: 1, percent: 25 });
    expect(c.ethnicMinorities).toEqual({ count: 2, percent: 50 });
    expect(c.under40).toEqual({ count: 2, percent: 50 });
    expect(c.oldest).toEqual({ name: 'Nguyễn Văn An', age: 60 });
    expect(c.youngest).toEqual({ name: 'Hoàng Thị Ánh', age: 29 });
    expect(c.averageAge).toBe(44.3); // (60 + 29 + 49 + 39) / 4 = 44.25 → 44.3
    expect(c.education.master).toEqual({ count: 1, percent: 25 });
    expect(c.education.university).toEqual({ count: 3, percent: 75 });
    expect(c.politicalTheory.advanced).toEqual({ count: 3, percent: 75 });
    expect(c.politicalTheory.intermediate).toEqual({ count: 1, percent: 25 });
    expect(c.partyYears).toEqual({
      // An (2000), Hà (2000): 20 years; Ánh (2015): 5; Bình (1990-07-15): 30 on the day.
      'under-10': { count: 1, percent: 25 }, '10-19': { count: 0, percent: 0 }, '20-29': { count: 2, percent: 50 },
      '30-plus': { count: 1, percent: 25 },
    });
  });

  it('concludes who is qualified', () => {
    expect(c.qualified).toBe(3);
    expect(c.notQualified).toEqual([{ name: 'Đinh Văn Hà', issue: 'Đang bị đình chỉ sinh hoạt đảng' }]);
  });

  it('rounds shares with the core (percentOf) and copes with nobody present', () => {
    const three = credentialsComposition([d({ id: '1', gender: 'female' }), d({ id: '2' }), d({ id: '3' })], '2020-07-15');
    expect(three.women.percent).toBe(33.33);
    const none = credentialsComposition([d({ present: false })], '2020-07-15');
    expect(none.reference).toBe(0);
    expect(none.averageAge).toBeNull();
    expect(none.oldest).toBeNull();
    expect(none.women).toEqual({ count: 0, percent: 0 });
  });
});
