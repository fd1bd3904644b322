/** A small HTTP client with one session cookie, for API tests. */
export interface Reply<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export type ErrorReply = { error: { code: string; message_vi: string; message_en: string; field?: string } };

export class Client {
  cookie: string | null = null;
  constructor(readonly base: string) {}

  async raw(method: string, path: string, init: { body?: string | FormData | Uint8Array; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookie !== null) headers['cookie'] = this.cookie;
    const res = await fetch(`${this.base}${path}`, { method, headers, ...(init.body === undefined ? {} : { body: init.body }) });
    const set = res.headers.get('set-cookie');
    if (set !== null) {
      const pair = set.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    return res;
  }

  async call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const res = await this.raw(method, path, body === undefined ? { headers } : {
      body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers },
    });
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? ((await res.json()) as T) : (Buffer.from(await res.arrayBuffer()) as unknown as T);
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get<T = unknown>(path: string): Promise<Reply<T>> { return this.call<T>('GET', path); }
  post<T = unknown>(path: string, body?: unknown): Promise<Reply<T>> { return this.call<T>('POST', path, body ?? {}); }
  put<T = unknown>(path: string, body?: unknown): Promise<Reply<T>> { return this.call<T>('PUT', path, body ?? {}); }
  patch<T = unknown>(path: string, body?: unknown): Promise<Reply<T>> { return this.call<T>('PATCH', path, body ?? {}); }
  del<T = unknown>(path: string): Promise<Reply<T>> { return this.call<T>('DELETE', path); }

  async upload<T = unknown>(path: string, fileName: string, data: Uint8Array, type: string, fields: Record<string, string> = {}): Promise<Reply<T>> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([data], { type }), fileName);
    // Sent as one buffer with its length, not streamed: a server that refuses an upload unread (401, 403) closes the
    // connection, and a body still being streamed then fails on our side (EPIPE) instead of reading the answer.
    const packed = new Request('http://localhost/', { method: 'POST', body: form });
    const res = await this.raw('POST', path, {
      body: new Uint8Array(await packed.arrayBuffer()), headers: { 'content-type': packed.headers.get('content-type') ?? '' },
    });
    return { status: res.status, body: (await res.json()) as T, headers: res.headers };
  }

  async login(username: string, password: string): Promise<Reply> {
    return this.post('/api/auth/login', { username, password });
  }
}
