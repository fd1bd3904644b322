/**
 * Text that lies about itself: a name holding a right-to-left override reads backwards on the hall screen and in
 * the minutes, a zero-width space makes two names that look the same differ. Every text field of the API refuses
 * them (one definition: `Text` of src/api/common.ts), and so does the delegate import, in Vietnamese first.
 * A CSV cell that a spreadsheet would run as a formula is written inert.
 */
import { expect, it } from 'vitest';
import { toCsv } from '../../src/import/csv.ts';
import { describeEachDatabase } from '../support/databases.ts';
import type { ErrorReply } from '../api/support/client.ts';
import { congressServer } from './support.ts';

const RLO = '\u202e';
const ZWSP = '\u200b';

describeEachDatabase('security: hidden characters and CSV formulas', (ctx) => {
  const s = congressServer(ctx, 'ky-tu-an', 2);

  it('refuses direction overrides and zero-width characters in every text field, in Vietnamese first', async () => {
    const { c, admin, C } = s;
    const delegate = { code: '901', gender: 'male', category: 'elected', organisationId: c.organisationId };
    for (const [path, body] of [
      [`${C}/delegates`, { ...delegate, fullName: `Nguyễn Văn ${RLO}nA` }],
      [`${C}/delegates`, { ...delegate, fullName: `Nguyễn${ZWSP} Văn A` }],
      [`${C}/organisations`, { name: `Chi bộ ${RLO}ễưt` }],
      [`${C}/sessions`, { kind: 'official', title: 'Phiên\u2066 họp' }],
      [`${C}/speakers`, { speakerName: 'Nguyễn Văn B', title: 'Tham luận\ufeffx' }],
    ] as const) {
      const r = await admin.post<ErrorReply>(path, body);
      expect(r.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(r.body.error.message_vi).toContain('ký tự ẩn hoặc ký tự đổi chiều chữ');
      expect(r.body.error.message_en).toContain('invisible or text-direction character');
    }
    const fine = await admin.post(`${C}/delegates`, { ...delegate, fullName: 'Nguyễn Thị Ánh Tuyết' });
    expect(fine.status).toBe(201);
  });

  it('refuses them in an imported delegate list too, naming the row and the column', async () => {
    const { admin, C } = s;
    const csv = ['Số thẻ,Họ và tên,Giới tính,Đơn vị,Loại đại biểu', `950,Trần${ZWSP} Văn C,Nam,Chi bộ Văn phòng,Bầu`].join('\r\n');
    const r = await admin.upload<{ issues: Array<{ row: number; column: string | null; code: string; message_vi: string }> }>(
      `${C}/delegates-import`, 'danh-sach.csv', new TextEncoder().encode(csv), 'text/csv');
    expect(r.status).toBe(422);
    expect(r.body.issues).toContainEqual(expect.objectContaining({ row: 2, column: 'Họ và tên', message_vi: expect.stringContaining('U+200B') }));
  });

  it('writes a cell that starts like a formula (= + - @, tab, carriage return) inert, and numbers as they are', () => {
    const text = toCsv([['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\r=1', 'Nguyễn Văn A'], [-5]]);
    const cells = text.slice(1).split('\r\n')[0]!;
    expect(cells).toBe(`"'=HYPERLINK(""http://x"",""y"")",'+1+1,'-2+3,'@SUM(A1),'\tx,"'\r=1",Nguyễn Văn A`);
    expect(text.slice(1).split('\r\n')[1]).toBe('-5');
  });
});
