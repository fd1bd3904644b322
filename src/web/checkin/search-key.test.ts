import { describe, expect, it } from 'vitest';
import { matchesQuery, searchKey } from './search-key.ts';

describe('accent-insensitive search', () => {
  it('drops tones and marks, đ becomes d', () => {
    expect(searchKey('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(searchKey('  HOÀNG   THỊ  ĐÀO ')).toBe('hoang thi dao');
  });
  it('matches word starts in any form', () => {
    expect(matchesQuery('nguyen an', 'Nguyễn Văn An')).toBe(true);
    expect(matchesQuery('duc', 'Lê Minh Đức')).toBe(true);
    expect(matchesQuery('Đức', 'Lê Minh Đức')).toBe(true);
    expect(matchesQuery('an', 'Trần Văn Bình')).toBe(false);
    expect(matchesQuery('', 'Trần Văn Bình')).toBe(false);
  });
  it('matches the delegate code', () => {
    expect(matchesQuery('db012', 'Trần Văn Bình', 'DB012')).toBe(true);
  });
});
