import { describe, expect, it } from 'vitest';
import { parseCardPayload } from './card-payload.ts';

const token = 'abcdefghijklmnopqrstuvwxyz_0123';

describe('card payload', () => {
  it('reads a URL, a prefixed line and a bare token', () => {
    expect(parseCardPayload(`https://daihoi.local/signin?c=lang-son-xiv&t=${token}`)).toEqual({ congress: 'lang-son-xiv', token });
    expect(parseCardPayload(`DAIHOI:lang-son-xiv:${token}`)).toEqual({ congress: 'lang-son-xiv', token });
    expect(parseCardPayload(token)).toEqual({ congress: null, token });
    // The server's CardView.payload.
    expect(parseCardPayload(`DAIHOI1:lang-son-xiv:${token}`)).toEqual({ congress: 'lang-son-xiv', token });
  });
  it('refuses anything else', () => {
    expect(parseCardPayload('hello')).toBeNull();
    expect(parseCardPayload(`BAD CODE:${token}`)).toBeNull();
    expect(parseCardPayload('https://example.com/?t=short')).toBeNull();
  });
});
