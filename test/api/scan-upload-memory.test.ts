/**
 * After a stack's upload, SQLite gives back the page cache its files filled (PRAGMA shrink_memory): on SQLite the
 * statement runs once the files are stored, before the upload is answered; on PostgreSQL it is not sent.
 */
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import type { ScanJobView } from '../../src/api/scan.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { call, setupCountingCongress, type CountingCongress } from './counting-support.ts';

const BOUNDARY = '----daihoi-scan-memory';

/** The raw statements the server sends (sql`…`), as written. */
const recorder = (seen: string[]): KyselyPlugin => ({
  transformQuery: ({ node }): RootOperationNode => {
    if (node.kind === 'RawNode') seen.push(node.sqlFragments.join('?'));
    return node;
  },
  transformResult: ({ result }) => Promise.resolve(result),
});

describeEachDatabase('api: a scan upload and SQLite\'s page cache', (db) => {
  let k: CountingCongress;
  const seen: string[] = [];

  beforeAll(async () => {
    k = await setupCountingCongress(db.db.withPlugin(recorder(seen)), db.dialect, 'quet-bo-nho');
    expect((await call(k.app, 'POST', `${k.R}/counting`, k.users['head']!, { issued: 11, collected: 11 })).status).toBe(200);
    expect((await call(k.app, 'POST', `${k.R}/batches`, k.users['head']!, { label: 'Hòm phiếu 1', physicalCount: 1 })).status).toBe(201);
  }, 120_000);

  it('gives back the cache its files filled once they are stored (SQLite), sends nothing of it to PostgreSQL', async () => {
    // A blank page: what matters here is the upload, not its reading.
    const page = await sharp(new Uint8Array(200 * 280).fill(255), { raw: { width: 200, height: 280, channels: 1 } }).toColourspace('b-w').png().toBuffer();
    const body = Buffer.concat([
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="quet-1.png"\r\nContent-Type: image/png\r\n\r\n`, 'utf8'),
      page, Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]);
    seen.length = 0;
    const res = await k.app.inject({ method: 'POST', url: `${k.R}/batches/1/scan`, payload: body,
      headers: { cookie: k.users['an']!.cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
    expect(res.statusCode, res.body).toBe(202);
    expect(seen.filter((s) => s.includes('shrink_memory'))).toEqual(db.dialect === 'sqlite' ? ['PRAGMA shrink_memory'] : []);
    // The stack's reading ends before the server is closed.
    const id = res.json<ScanJobView>().id;
    for (let i = 0; i < 600; i++) {
      const list = await call<ScanJobView[]>(k.app, 'GET', `${k.R}/scan`, k.users['an']!);
      if (list.body.find((j) => j.id === id)?.status !== 'reading') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await k.app.close();
  }, 120_000);
});
