/** A small HTTP client with one session cookie for the load bench (loopback only), timing each request. */
export interface Timed<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly ms: number;
}

export class LoadClient {
  cookie: string | null = null;
  constructor(readonly base: string, readonly headers: Readonly<Record<string, string>> = {}) {
    if (!/^http:\/\/127\.0\.0\.1:\d+$/u.test(base)) throw new Error(`the load bench talks to 127.0.0.1 only, not ${base}`);
  }

  async call<T = unknown>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Timed<T>> {
    const headers: Record<string, string> = { ...this.headers, ...extra };
    if (this.cookie !== null) headers['cookie'] = this.cookie;
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const t0 = performance.now();
    const res = await fetch(`${this.base}${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
    const text = await res.text();
    const ms = performance.now() - t0;
    const set = res.headers.get('set-cookie');
    if (set !== null) this.cookie = set.split(';')[0]!;
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text) as unknown;
    return { status: res.status, body: parsed as T, ms };
  }

  get<T = unknown>(path: string): Promise<Timed<T>> { return this.call<T>('GET', path); }
  post<T = unknown>(path: string, body: unknown = {}, extra: Record<string, string> = {}): Promise<Timed<T>> { return this.call<T>('POST', path, body, extra); }
  put<T = unknown>(path: string, body: unknown = {}): Promise<Timed<T>> { return this.call<T>('PUT', path, body); }

  /** The body when the status is one of `ok`, else an error naming the step. */
  async must<T = unknown>(step: string, p: Promise<Timed<T>>, ok: readonly number[] = [200, 201]): Promise<T> {
    const r = await p;
    if (!ok.includes(r.status)) throw new Error(`${step}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
    return r.body;
  }

  async login(username: string, password: string): Promise<void> {
    await this.must(`sign-in ${username}`, this.post('/api/auth/login', { username, password }));
  }
}
