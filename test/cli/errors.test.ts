/**
 * A bad count file exits 2 with a message on stderr in Vietnamese ("Lỗi…") then English ("Error…") that names
 * the field at fault, and prints nothing on stdout (a script must never read half a result).
 */
import { describe, expect, it } from 'vitest';
import { daihoi, writeInput } from './run-cli.ts';

const list = [{ id: 'c1', name: 'Nguyễn Văn An' }, { id: 'c2', name: 'Trần Thị Ánh' }, { id: 'c3', name: 'Lê Văn Bình' }];
/** A valid committee count file (2 seats, 3 names: struck out), with one part replaced. */
const countFile = (election: Record<string, unknown> = {}, ballots: unknown[] = [{ struck: ['c1'] }]) => ({
  election: { kind: 'committee', seats: 2, base: { summoned: 10 }, candidates: list, ...election },
  ballots,
});

/** Runs `daihoi count` on the content and returns the two lines of stderr. */
const refusal = (content: unknown): { vi: string; en: string } => {
  const run = daihoi(['count', writeInput(content)]);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  const [vi = '', en = '', ...rest] = run.stderr.trimEnd().split('\n');
  expect(rest).toEqual([]);
  expect(vi).toMatch(/^Lỗi/);
  expect(en).toMatch(/^Error/);
  return { vi, en };
};

describe('daihoi count: exit 2, Vietnamese and English, naming the field', () => {
  it('the valid base file is accepted (so each refusal below is caused by its one change)', () => {
    expect(daihoi(['count', writeInput(countFile())]).status).toBe(0);
  });
  it('bad JSON: names the file and the parser error', () => {
    const { vi, en } = refusal('{"election": {');
    expect(vi).toMatch(/không phải JSON hợp lệ/);
    expect(en).toMatch(/is not valid JSON/);
    expect(vi).toContain('.json');
  });
  it('a missing file: names the file and the reason', () => {
    const run = daihoi(['count', '/no/such/count.json']);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe('Lỗi: Không đọc được tệp "/no/such/count.json" (ENOENT).\nError: Cannot read the file "/no/such/count.json" (ENOENT).\n');
  });
  it('an unknown kind: names election.kind and the kinds allowed', () => {
    const { vi, en } = refusal(countFile({ kind: 'mayor' }));
    expect(vi).toContain('"election.kind"');
    expect(en).toContain('"election.kind"');
    expect(en).toContain('"secretary-poll"');
  });
  it('a struck id not on the list: names ballots[i].struck[j] and the id', () => {
    const { vi, en } = refusal(countFile({}, [{ struck: ['c1'] }, { struck: ['c2', 'c9'] }]));
    expect(vi).toBe('Lỗi [ballots[1].struck[1]]: Không có người mang mã "c9" trong danh sách bầu cử.');
    expect(en).toBe('Error [ballots[1].struck[1]]: No candidate "c9" on the election list.');
  });
  it('a ballot of the wrong form (marks on a strike-out list): names the ballot and the form expected', () => {
    const { vi, en } = refusal(countFile({}, [{ struck: ['c1'] }, { struck: ['c3'] }, { marks: { c1: 'agree' } }]));
    expect(vi).toMatch(/^Lỗi \[ballots\[2\]\]: .*"struck".*số dư/);
    expect(en).toMatch(/^Error \[ballots\[2\]\]: .*"struck".*surplus/);
  });
  it('a write-in ballot outside the secretary poll is of the wrong form too', () => {
    expect(refusal(countFile({}, [{ writeIn: 'c1' }])).en).toMatch(/^Error \[ballots\[0\]\]/);
  });
  it('duplicate candidate ids: names election.candidates[i].id', () => {
    const { vi, en } = refusal(countFile({ candidates: [...list, { id: 'c2', name: 'Phạm Thị Đào' }] }));
    expect(vi).toBe('Lỗi [election.candidates[3].id]: Mã "c2" xuất hiện hai lần trong danh sách.');
    expect(en).toBe('Error [election.candidates[3].id]: The id "c2" appears twice on the list.');
  });
  it('excluded ≥ summoned: names election.base.excluded', () => {
    for (const excluded of [10, 11]) {
      const { vi, en } = refusal(countFile({ base: { summoned: 10, excluded } }));
      expect(vi).toContain('"election.base.excluded"');
      expect(en).toContain(`excluded (${excluded}) must be fewer than summoned (10)`);
    }
  });
  it('an opinion poll without "present": names election.present', () => {
    const { vi, en } = refusal(countFile({ kind: 'opinion-poll', seats: 0 }, [{ marks: { c1: 'agree' } }]));
    expect(vi).toBe('Lỗi [election.present]: Phiếu xin ý kiến cần số đại biểu có mặt ("present").');
    expect(en).toBe('Error [election.present]: An opinion poll needs the number of delegates present ("present").');
  });
  it('a ballot that is none of the forms, or several at once', () => {
    expect(refusal(countFile({}, [{}])).en).toBe('Error: Field "ballots[0]": a ballot must have exactly one of "struck", "marks" or "writeIn".');
    expect(refusal(countFile({}, [{ struck: [], marks: {} }])).en).toContain('"ballots[0]"');
  });
  it('a wrong value inside a ballot: names the exact field', () => {
    expect(refusal(countFile({}, [{ struck: 'c1' }])).en).toBe('Error: Field "ballots[0].struck": wrong type (expected array).');
    expect(refusal(countFile({ seats: 3 }, [{ marks: { c1: 'yes' } }])).en)
      .toBe('Error: Field "ballots[0].marks.c1": invalid value (expected one of "agree", "disagree", "both", "none").');
    expect(refusal(countFile({}, [{ struck: ['c1'], writeIns: -1 }])).en).toContain('"ballots[0].writeIns"');
  });
  it('other fields of the election: seats, alternate seats outside a delegation, an unknown field', () => {
    expect(refusal(countFile({ seats: 0 })).en).toMatch(/^Error \[election.seats\]/);
    expect(refusal(countFile({ seats: 1.5 })).en).toContain('"election.seats"');
    expect(refusal(countFile({ alternateSeats: 1 })).en).toMatch(/^Error \[election.alternateSeats\]/);
    expect(refusal(countFile({ seat: 2 })).en).toBe('Error: Field "election": unrecognized "seat".');
    expect(refusal(countFile({ candidates: [] })).en).toContain('"election.candidates"');
  });
});

/** English words zod or V8 would bring; the Vietnamese line may quote field names and values, never these. */
const ENGLISH = /\b(expected|received|invalid|input|too|big|small|must|number|integer|int|string|array|object|record|boolean|safe|range|items?|characters?|within|unexpected|token|position|JSON input|Infinity)\b/iu;
const unquoted = (line: string): string => line.replace(/"[^"]*"/gu, '""');

describe('the Vietnamese line is Vietnamese, whatever zod or the JSON parser says', () => {
  const cases: [string, string, string][] = [
    // [what, the file's text, the Vietnamese line expected]
    ['a number beyond 2^53 (too_big)', JSON.stringify(countFile()).replace('"seats":2', '"seats":9007199254740993'),
      'Lỗi: Trường "election.seats": số quá lớn (tối đa 9.007.199.254.740.991).'],
    ['a base beyond 2^53 (too_big)', JSON.stringify(countFile()).replace('"summoned":10', '"summoned":1152921504606846976'),
      'Lỗi: Trường "election.base.summoned": số quá lớn (tối đa 9.007.199.254.740.991).'],
    ['a number beyond what JSON numbers hold (read as Infinity)', JSON.stringify(countFile()).replace('"seats":2', '"seats":1e400'),
      'Lỗi: Trường "election.seats": số quá lớn.'],
    ['a fraction where an integer is needed', JSON.stringify(countFile({ seats: 1.5 })),
      'Lỗi: Trường "election.seats": phải là số nguyên.'],
    ['a fraction inside a ballot', JSON.stringify(countFile({}, [{ struck: ['c1'], writeIns: 0.5 }])),
      'Lỗi: Trường "ballots[0].writeIns": phải là số nguyên.'],
    ['text where a number is needed (invalid_type)', JSON.stringify(countFile({ seats: '2' })),
      'Lỗi: Trường "election.seats": sai kiểu dữ liệu (cần một số).'],
    ['a missing field', JSON.stringify({ election: { seats: 2, base: { summoned: 10 }, candidates: list }, ballots: [] }),
      'Lỗi: Trường "election.kind": bắt buộc, nhưng không có.'],
    ['a list where an object is needed, at the root', '[]',
      'Lỗi: Trường "(gốc / root)": sai kiểu dữ liệu (cần một đối tượng { … }).'],
    ['a setting that is not true or false', JSON.stringify(countFile({ settings: { writeInInvalid: 'yes' } })),
      'Lỗi: Trường "election.settings.writeInInvalid": sai kiểu dữ liệu (cần true hoặc false).'],
    ['an empty list (too_small, array)', JSON.stringify(countFile({ candidates: [] })),
      'Lỗi: Trường "election.candidates": cần ít nhất 1 phần tử.'],
    ['an empty name (too_small, string)', JSON.stringify(countFile({ candidates: [{ id: 'c1', name: '' }] })),
      'Lỗi: Trường "election.candidates[0].name": không được để trống.'],
    ['a number below its minimum (too_small, number)', JSON.stringify(countFile({ base: { summoned: 0 } })),
      'Lỗi: Trường "election.base.summoned": giá trị quá nhỏ (tối thiểu 1).'],
    ['JSON cut short', '{"election": {', 'Lỗi: Tệp "FILE" không phải JSON hợp lệ (lỗi ở dòng 1, cột 15).'],
    ['a stray word in the JSON', '{\n  "election": x }', 'Lỗi: Tệp "FILE" không phải JSON hợp lệ.'],
    ['an empty file', '', 'Lỗi: Tệp "FILE" không phải JSON hợp lệ: tệp rỗng.'],
  ];
  for (const [what, text, vi] of cases) {
    it(what, () => {
      const got = refusal(text).vi;
      expect(got.replace(/"[^"]*\.json"/u, '"FILE"')).toBe(vi);
      expect(unquoted(got)).not.toMatch(ENGLISH);
    });
  }
  it('the English line keeps the parser\'s own words, on one line', () => {
    expect(refusal('{\n  "election": x }').en).toMatch(/^Error: The file ".*" is not valid JSON: Unexpected token 'x', "\{ "election": x \}" is not valid JSON$/u);
  });
});

describe('a file saved as "UTF-8 with BOM" (Notepad, Excel)', () => {
  const withBom = `\uFEFF${JSON.stringify(countFile())}`;
  it('is counted as the same file without the mark', () => {
    const plain = daihoi(['count', writeInput(countFile())]);
    const marked = daihoi(['count', writeInput(withBom)]);
    expect([marked.status, marked.stderr]).toEqual([0, '']);
    expect(marked.stdout).toBe(plain.stdout);
  });
  it('from standard input too', () => {
    const marked = daihoi(['count', '-'], withBom);
    expect([marked.status, marked.stderr]).toEqual([0, '']);
  });
});

describe('usage errors', () => {
  it('no file: exit 2', () => {
    const run = daihoi(['count']);
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', 'Lỗi: lệnh "count" cần tên tệp.\nError: "count" needs a file name.\n']);
  });
  it('an unknown command: exit 2 with the help', () => {
    const run = daihoi(['counts', 'x.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Lỗi: không có lệnh "counts".\nError: unknown command "counts".\n/);
    expect(run.stderr).toContain('Cách dùng / Usage');
  });
  it('help: exit 0, both languages', () => {
    const run = daihoi(['help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('count TỆP [--text]');
    expect(run.stdout).toContain('Sort a list of people into ballot order');
  });
});
