/** `daihoi order FILE`: the same objects, in ballot order (docs/rules.md §4). */
import { describe, expect, it } from 'vitest';
import { daihoi, writeInput } from './run-cli.ts';

describe('daihoi order', () => {
  it('prints the same objects in ballot order: given name, family name, middle names, birth date', () => {
    const people = [
      { name: 'Phạm Thị Đào', unit: 'Sở Y tế' },
      { name: 'Lê Văn Bình', birthDate: '1970-01-01' },
      { name: 'Nguyễn Văn An', birthDate: '1980-05-05', delegateNo: 17 },
      { name: 'Trần Thị Ánh' },
      { name: 'Nguyễn Văn An', birthDate: '1965-12-31', delegateNo: 3 },
      { name: 'Hoàng Văn Dũng', birthDate: null },
    ];
    const run = daihoi(['order', writeInput(people)]);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(run.stdout)).toEqual([people[4], people[2], people[3], people[1], people[5], people[0]]);
  });
  it('keeps every field and its order exactly as read, with 2-space JSON', () => {
    const person = { unit: 'Văn phòng', name: 'Lê Văn Bình', extra: { nested: [1, 2] }, birthDate: '1970-01-01' };
    expect(daihoi(['order', writeInput([person])]).stdout).toBe(`${JSON.stringify([person], null, 2)}\n`);
  });
  it('reads standard input with "-"', () => {
    const run = daihoi(['order', '-'], JSON.stringify([{ name: 'Lê Đức' }, { name: 'Lê Dũng' }]));
    expect(JSON.parse(run.stdout)).toEqual([{ name: 'Lê Dũng' }, { name: 'Lê Đức' }]);
  });
  it('refuses a bad birth date or a missing name with exit 2, naming the field in both languages', () => {
    const bad = daihoi(['order', writeInput([{ name: 'Lê An' }, { name: 'Lê Bình', birthDate: '15/07/1970' }])]);
    expect([bad.status, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toBe('Lỗi: Trường "[1].birthDate": sai định dạng (cần ngày dạng NNNN-TT-NN, ví dụ 2020-07-15).\n'
      + 'Error: Field "[1].birthDate": wrong format (expected date).\n');
    const nameless = daihoi(['order', writeInput([{ birthDate: '1970-01-01' }])]);
    expect(nameless.status).toBe(2);
    expect(nameless.stderr).toContain('"[0].name"');
  });
  it('refuses a file that is not a list', () => {
    const run = daihoi(['order', writeInput({ name: 'Lê An' })]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Error: Field "(gốc / root)": wrong type (expected array).');
  });
});
