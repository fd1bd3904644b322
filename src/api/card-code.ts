/**
 * The short code printed on a delegate card, typed at /signin when the camera cannot read the QR code: ten
 * characters of an alphabet without the look-alikes 0/O, 1/I/L (31 letters and digits, about 49.5 bits — with the
 * server's limit on failed attempts, far beyond what can be guessed), printed "ABCDE-FGHJK", read without regard
 * to case, spaces or dashes. Unique on the server, so it finds the congress by itself. Pure.
 */
export const CARD_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CARD_CODE_LENGTH = 10;

/** A new code from a source of random bytes; bytes ≥ 248 (= 8 × 31) are dropped so every character is equally likely. */
export const cardCodeFrom = (randomBytes: (n: number) => Uint8Array): string => {
  let s = '';
  while (s.length < CARD_CODE_LENGTH) {
    for (const b of randomBytes(16)) {
      if (b < 248 && s.length < CARD_CODE_LENGTH) s += CARD_CODE_ALPHABET.charAt(b % CARD_CODE_ALPHABET.length);
    }
  }
  return s;
};

/** As printed: two groups of five. */
export const formatCardCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;

/** The stored form of what a delegate typed (upper case, no spaces or dashes), or null when it cannot be a card code. */
export const normalizeCardCode = (typed: string): string | null => {
  const s = typed.toUpperCase().replace(/[\s\-–.]/gu, '');
  if (s.length !== CARD_CODE_LENGTH) return null;
  for (const ch of s) if (!CARD_CODE_ALPHABET.includes(ch)) return null;
  return s;
};
