/** Unguessable tokens (256 bits) and the hashes that are stored in their place. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { cardCodeFrom } from '../../api/card-code.ts';

export const newToken = (): string => randomBytes(32).toString('base64url');
/** The short code printed on a delegate card (src/api/card-code.ts). */
export const newCardCode = (): string => cardCodeFrom((n) => randomBytes(n));
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};
