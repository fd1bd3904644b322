/**
 * What a delegate card's QR code holds: the congress code and the card token. Accepted forms (the server's
 * `CardView.payload`): a URL with `c`/`congress` and `t`/`token` parameters, "DAIHOI:code:token", "code:token",
 * or a bare token (the congress is then the one given). Pure.
 */
export interface CardPayload {
  readonly congress: string | null;
  readonly token: string;
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/u;
const CODE = /^[a-z0-9][a-z0-9-]{1,62}$/u;

export const parseCardPayload = (raw: string): CardPayload | null => {
  const text = raw.trim();
  if (/^https?:\/\//iu.test(text)) {
    try {
      const url = new URL(text);
      const token = url.searchParams.get('t') ?? url.searchParams.get('token') ?? url.hash.replace(/^#/u, '');
      const congress = url.searchParams.get('c') ?? url.searchParams.get('congress');
      if (TOKEN.test(token) && (congress === null || CODE.test(congress))) return { congress, token };
    } catch {
      return null;
    }
    return null;
  }
  const parts = text.split(/[:|]/u);
  const token = parts[parts.length - 1] ?? '';
  const code = parts.length >= 2 ? parts[parts.length - 2] ?? '' : null;
  if (!TOKEN.test(token)) return null;
  if (code !== null && !CODE.test(code)) return null;
  return { congress: code, token };
};
