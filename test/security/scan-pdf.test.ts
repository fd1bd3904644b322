/**
 * Scanned PDFs from outside, checked before a page is rasterised: a tiny PDF whose page is far larger than a ballot
 * (A3 at most) is refused by its size — not rendered to a huge image and then failed with a generic error; a PDF
 * with more pages than the batch can have sheets is refused before a page is read. Both fail the job with a clear
 * reason in Vietnamese and English, and nothing is entered.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ScanJobView } from '../../src/api/scan.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { call, setupCountingCongress, type CountingCongress } from '../api/counting-support.ts';
import { pdfOfPages } from '../support/hostile-files.ts';

const BOUNDARY = '----daihoi-scan-attack';
const multipart = (name: string, data: Buffer): Buffer => Buffer.concat([
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`, 'utf8'),
  data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`, 'utf8'),
]);

describeEachDatabase('security: scanned PDFs from outside', (db) => {
  let k: CountingCongress;

  beforeAll(async () => {
    k = await setupCountingCongress(db.db, db.dialect, 'quet-tan-cong');
    expect((await call(k.app, 'POST', `${k.R}/counting`, k.users['head']!, { issued: 11, collected: 11 })).status).toBe(200);
    for (const label of ['Tập 1', 'Tập 2']) {
      expect((await call(k.app, 'POST', `${k.R}/batches`, k.users['head']!, { label, physicalCount: 2 })).status).toBe(201);
    }
  }, 120_000);
  afterAll(async () => { await k.app.close(); });

  const scanned = async (batch: number, pdf: Buffer): Promise<ScanJobView> => {
    const res = await k.app.inject({ method: 'POST', url: `${k.R}/batches/${batch}/scan`, payload: multipart('quet.pdf', pdf),
      headers: { cookie: k.users['an']!.cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json<ScanJobView>().id;
    for (let i = 0; i < 1800; i++) {
      const list = await call<ScanJobView[]>(k.app, 'GET', `${k.R}/scan`, k.users['head']!);
      const job = list.body.find((j) => j.id === id);
      if (job !== undefined && job.status !== 'reading') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`job ${id} still reading after 90 s`);
  };

  it('refuses a page larger than A3 before rendering it, by its size', async () => {
    const pdf = pdfOfPages([[3000, 3000]]);
    expect(pdf.length).toBeLessThan(600);
    const job = await scanned(1, pdf);
    expect(job.status).toBe('failed');
    expect(job.sheetsRead).toBe(0);
    expect(job.error?.code).toBe('scan.page-too-large');
    expect(job.error?.message_vi).toContain('lớn hơn khổ A3');
    expect(job.error?.message_en).toContain('larger than A3');
  }, 120_000);

  it('refuses a PDF with more pages than the batch can have sheets before reading any', async () => {
    const job = await scanned(2, pdfOfPages(Array.from({ length: 60 }, () => [595, 842] as const)));
    expect(job.status).toBe('failed');
    expect(job.sheetsRead).toBe(0);
    expect(job.error?.code).toBe('scan.too-many-sheets');
    expect(job.error?.message_vi).toContain('Tập "Tập 2" có 2 phiếu (đếm tay) nhưng tập quét có nhiều tờ hơn: dừng ở tờ thứ 3');
    expect(job.error?.message_en).toContain('the stack has more sheets');
    const events = await db.db.selectFrom('counting_events').select('id').where('round_id', '=', k.roundId).where('terminal', '=', 'scanner').execute();
    expect(events).toEqual([]);
  }, 120_000);
});
