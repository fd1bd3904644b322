/**
 * A delegate list .xlsx from outside, read in a worker thread with limits: a zip bomb is refused by the sizes its
 * zip declares (before it is inflated), one whose sizes lie is cut short at its declared size (and so refused), a sheet of
 * 100,000 rows is refused by its size or, short enough, as too many rows (read only up to the limit) — nothing
 * imported, and the server keeps
 * answering. (How fast it keeps answering is measured by `npm run bench -- abuse`.)
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { xlsxBomb, xlsxLyingSizes, xlsxWithRows } from '../support/hostile-files.ts';
import { congressServer } from './support.ts';

type Refusal = { error: { code: string; message_vi: string; message_en: string }; issues?: Array<{ code: string }> };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachDatabase('security: hostile delegate lists', (ctx) => {
  const s = congressServer(ctx, 'nhap-doc-hai', 1);
  const imported = async (name: string, data: Buffer) => s.admin.upload<Refusal>(`${s.C}/delegates-import`, name, data, XLSX);
  const delegates = async (): Promise<number> => (await s.admin.get<unknown[]>(`${s.C}/delegates`)).body.length;

  it('refuses a zip bomb by its declared size, a zip whose sizes lie, 100,000 rows by size or as too many; nothing imported', async () => {
    const before = await delegates();
    const bomb = xlsxBomb(40);
    expect(bomb.length).toBeLessThan(400_000);
    const b = await imported('bom.xlsx', bomb);
    expect(b.status, JSON.stringify(b.body)).toBe(400);
    expect(b.body.error.code).toBe('xlsx.too-large');
    expect(b.body.error.message_vi).toContain('giải nén lớn hơn');

    // Cut short at the 1,000 bytes it declares: what is left is the header alone, or no sheet at all.
    const lying = await imported('noi-doi.xlsx', xlsxLyingSizes(20));
    expect([400, 422], JSON.stringify(lying.body)).toContain(lying.status);
    expect(['xlsx.unreadable', 'import.invalid']).toContain(lying.body.error.code);

    // 100,000 full rows unzip to more than the limit: refused by size; 100,000 short ones are read up to the row limit.
    const full = await imported('100000-dong.xlsx', xlsxWithRows(100_000));
    expect(full.status, JSON.stringify(full.body).slice(0, 300)).toBe(400);
    expect(full.body.error.code).toBe('xlsx.too-large');
    const many = await imported('100000-dong-ngan.xlsx', xlsxWithRows(100_000, { codeOnly: true }));
    expect(many.status, JSON.stringify(many.body).slice(0, 300)).toBe(422);
    expect(many.body.issues?.map((i) => i.code)).toEqual(['import.too-many-rows']);

    expect((await s.admin.get('/api/health')).status).toBe(200);
    expect(await delegates()).toBe(before);
    // A good file of the same making still imports (the limits do not refuse a real list).
    const good = await imported('tot.xlsx', xlsxWithRows(300));
    expect(good.status, JSON.stringify(good.body).slice(0, 300)).toBe(201);
    expect(await delegates()).toBe(before + 300);
  });
});
