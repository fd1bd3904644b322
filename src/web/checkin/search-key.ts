/**
 * Accent-insensitive search for Vietnamese names: "nguyen van an", "Nguyễn Văn An" and "NGUYEN VAN ÂN" match.
 * Tones and vowel marks are dropped (NFD then remove combining marks); đ/Đ, which is a letter and not a
 * mark, becomes d.
 */
export const searchKey = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase().replace(/\s+/gu, ' ').trim();

/** Every word of the query starts a word of the name, or appears inside the code. */
export const matchesQuery = (query: string, name: string, code = ''): boolean => {
  const words = searchKey(query).split(' ').filter((w) => w !== '');
  if (words.length === 0) return false;
  const nameWords = searchKey(name).split(' ');
  const codeKey = searchKey(code);
  return words.every((w) => nameWords.some((n) => n.startsWith(w)) || (codeKey !== '' && codeKey.includes(w)));
};
