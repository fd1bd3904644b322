import { describe, expect, it } from 'vitest';
import { CARD_CODE_ALPHABET, cardCodeFrom, formatCardCode, normalizeCardCode } from './card-code.ts';

describe('the code printed on a delegate card', () => {
  it('has no look-alike characters: no 0, O, 1, I, L', () => {
    for (const ch of '0O1IL') expect(CARD_CODE_ALPHABET).not.toContain(ch);
    expect(new Set(CARD_CODE_ALPHABET).size).toBe(31);
  });

  it('is read whatever the case, spaces and dashes; anything else is not a code', () => {
    expect(normalizeCardCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
    expect(normalizeCardCode('ABCDE FGHJK')).toBe('ABCDEFGHJK');
    expect(normalizeCardCode('abcdefghjk')).toBe('ABCDEFGHJK');
    expect(normalizeCardCode('ABCDE-FGHJ0')).toBeNull();
    expect(normalizeCardCode('ABCDE-FGHIK')).toBeNull();
    expect(normalizeCardCode('ABCDE-FGHJ')).toBeNull();
    expect(formatCardCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
  });

  it('drops bytes 248–255 (they would favour the first eight characters) and maps the rest by remainder', () => {
    const block = Uint8Array.from([248, 249, 250, 251, 252, 253, 254, 255, 0, 1, 2, 3, 4, 5, 6, 7]);
    expect(cardCodeFrom(() => block)).toBe('2345678923');
    // 31 and 247 are the first and last characters again: 248 = 8 × 31 values, each character 8 times.
    expect(cardCodeFrom(() => Uint8Array.from([30, 31, 247, 61, 62, 92, 93, 123, 124, 154, 0, 0, 0, 0, 0, 0]))).toBe('Z2ZZ2Z2Z2Z');
  });
});
