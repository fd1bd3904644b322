/**
 * Keyboard entry of one paper ballot (nhập phiếu bằng bàn phím). The operator sees the ballot form on screen in
 * paper order, types one line and presses Enter. Every character used is on the numeric keypad or next to it.
 *
 * THE SYNTAX (case-insensitive; tokens are separated by spaces, commas, semicolons, dots or "+"):
 *
 * 1. List with surplus (gạch tên): the ROW NUMBERS (1-based) of the struck names, in any order.
 *      "3 17 22"  → rows 3, 17 and 22 struck, every other name kept.
 *      "31722"    → the same, by AUTO-COMMIT (below).
 *      "0"        → no name struck. An empty line is refused, so a second Enter never adds a ballot.
 * 2. List without surplus, and the opinion poll (đồng ý / không đồng ý per row): the rows that are NOT a plain
 *    "agree"; every row not typed is "agree".
 *      "3"        → row 3 disagree (không đồng ý)
 *      "5c"/"5b"  → row 5 both boxes marked (cả hai ô / both)
 *      "7t"/"7n"  → row 7 neither box marked (trống / none)
 *      "0"        → every row agree.
 * 3. Single-candidate ballot: exactly one letter.
 *      "d" đồng ý (agree) · "k" không đồng ý (disagree) · "c" or "b" cả hai ô (both) · "t" or "n" trống (none)
 * 4. Secretary nomination poll (ghi một tên): the row number of the written name on the list of the newly
 *    elected; "x" a name outside that list; "t" or "0" no name written.
 * 5. Flags, anywhere on the line, after a slash; several letters may share one slash ("3 17/pk"):
 *      "/p"  phiếu không do Ban Kiểm phiếu phát ra (not issued)
 *      "/d"  không có dấu của cấp ủy triệu tập (unstamped: not issued when the election's setting says so)
 *      "/g"  ghi thêm tên ngoài danh sách (a name written in); "/g2" two names written in
 *      "/k"  có chữ ký hoặc dấu hiệu nhận biết (signature or identifying mark)
 *    A line of flags only ("/p") leaves the content empty: nothing struck, every row "none", no name.
 *
 * AUTO-COMMIT of row numbers (every form with rows): a number is committed as soon as no longer row number can
 * start with it, so separators are needed only after an ambiguous prefix. On a 27-name list "3"…"9" commit at
 * once, "10"…"27" on their second digit, and "1" and "2" wait (they could be 1x or 2x): "31722" is rows 3, 17, 22;
 * "12" is row 12; "1 2" is rows 1 and 2; "82" is rows 8 and 2 (Enter ends the waiting "2"). A waiting prefix is
 * also ended by a suffix letter ("1c"), a "/" ("1/k") or Enter. A digit that would make a row off the list is
 * refused ("28" → "Không có dòng số 28"), never split into two rows: nothing is guessed. On lists of 10–99 names
 * the waiting prefixes are 1…floor(n/10); on lists of 9 names or fewer every digit is a row.
 *
 * Keystrokes: the line plus Enter. "3 17 22⏎" is 8 keys, "31722⏎" is 6. `compactEntry` writes the shortest line
 * (committing rows first, waiting ones last, so the last one is ended by Enter). On a 27-name list with 3 struck
 * names the average over all 2,925 possible ballots is 6.0 keys (5.0 digits + Enter), from 8.0 with spaces; on
 * the seed congress's 240 valid ballots 6.6, from 8.6 (bench/counting-server.bench.ts). 4–5 keys is below what row
 * numbers can give without guessing: 18 of the 27 rows have two digits, and dropping Enter (committing a ballot
 * when N − seats names are struck) would shift every later ballot of the stack the first time a voter strikes
 * one name more.
 */
import {
  checkBallotShape, err, ok, ruleError, type Ballot, type CandidateId, type Mark, type Result, type RuleError,
} from '../rules/index.ts';
import type { CountingContext } from './context.ts';

/** The writeIn value of a name written outside the list of the newly elected: the rules core does not count it. */
export const WRITE_IN_OUTSIDE = '(ngoài danh sách)';

interface Flags {
  notIssued: boolean;
  unstamped: boolean;
  writeIns: number;
  identifyingMarks: boolean;
}

const SEPARATORS = /[\s,;.+]+/;

const fail = (code: string, vi: string, en: string): Result<never, RuleError> => err(ruleError(code, vi, en, 'entry'));

const garbage = (token: string, hint_vi: string, hint_en: string): Result<never, RuleError> =>
  fail('entry.garbage', `Không hiểu "${token}": ${hint_vi}`, `Cannot read "${token}": ${hint_en}`);

/** Reads the letters after one slash ("pk", "g2"). */
const readFlags = (group: string, flags: Flags, seen: Set<string>): Result<true, RuleError> => {
  const re = /([pgkd])(\d*)/y;
  let at = 0;
  while (at < group.length) {
    re.lastIndex = at;
    const m = re.exec(group);
    if (m === null) {
      return fail('entry.flag-unknown', `Không hiểu cờ "/${group}": dùng /p (không do Ban Kiểm phiếu phát ra), /d (không có dấu), /g (ghi thêm tên), /k (chữ ký, dấu hiệu nhận biết).`,
        `Unknown flag "/${group}": use /p (not issued), /d (no stamp), /g (name written in), /k (signature or identifying mark).`);
    }
    const letter = m[1] as 'p' | 'g' | 'k' | 'd';
    const digits = m[2] ?? '';
    if (seen.has(letter)) {
      return fail('entry.flag-twice', `Cờ "/${letter}" được gõ hai lần.`, `The flag "/${letter}" is typed twice.`);
    }
    seen.add(letter);
    if (digits !== '' && letter !== 'g') {
      return fail('entry.flag-unknown', `Cờ "/${letter}" không đi kèm số.`, `The flag "/${letter}" takes no number.`);
    }
    switch (letter) {
      case 'p':
        flags.notIssued = true;
        break;
      case 'd':
        flags.unstamped = true;
        break;
      case 'k':
        flags.identifyingMarks = true;
        break;
      case 'g': {
        const n = digits === '' ? 1 : Number(digits);
        if (n < 1) return fail('entry.flag-unknown', 'Số tên ghi thêm phải từ 1 trở lên.', 'Names written in must be 1 or more.');
        flags.writeIns = n;
        break;
      }
    }
    at = re.lastIndex;
  }
  return ok(true);
};

/** Splits a line into content tokens and flags. */
const tokenize = (text: string): Result<{ tokens: string[]; flags: Flags }, RuleError> => {
  const flags: Flags = { notIssued: false, unstamped: false, writeIns: 0, identifyingMarks: false };
  const tokens: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.trim().toLowerCase().split(SEPARATORS)) {
    if (raw === '') continue;
    const [head, ...groups] = raw.split('/');
    if (head !== undefined && head !== '') tokens.push(head);
    for (const g of groups) {
      if (g === '') return fail('entry.flag-unknown', 'Dấu "/" phải đi kèm một cờ: /p, /d, /g hoặc /k.', 'A "/" must be followed by a flag: /p, /d, /g or /k.');
      const r = readFlags(g, flags, seen);
      if (!r.ok) return r;
    }
  }
  return ok({ tokens, flags });
};

const withFlags = <B extends Ballot>(ballot: B, f: Flags): B => ({
  ...ballot,
  ...(f.notIssued ? { notIssued: true } : {}),
  ...(f.unstamped ? { unstamped: true } : {}),
  ...(f.writeIns > 0 ? { writeIns: f.writeIns } : {}),
  ...(f.identifyingMarks ? { identifyingMarks: true } : {}),
});

const hasFlag = (f: Flags): boolean => f.notIssued || f.unstamped || f.identifyingMarks || f.writeIns > 0;

/**
 * Reads row tokens into (row, suffix) with AUTO-COMMIT: inside a token, a number is committed as soon as no
 * longer row number can start with it (on a 27-name list "3" at once, "17" and "22" on their second digit), so
 * "31722" is rows 3, 17 and 22. A prefix that a longer row could continue ("1", "2" on 27 names) waits for the
 * next key: a digit continues it ("12" is row 12), a space, a suffix letter, a "/" or Enter ends it ("1 2" is
 * rows 1 and 2). Nothing is guessed: a digit that would make a row off the list is refused, never split off.
 * Refuses out-of-range rows, repeats and garbage.
 */
const ROW_TOKEN = /^[0-9]+[cbtn]?(?:[0-9]+[cbtn]?)*$/;
const PLAIN_TOKEN = /^[0-9]+$/;

const outOfRange = (row: string, n: number): Result<never, RuleError> =>
  fail('entry.row-out-of-range', `Không có dòng số ${row}: danh sách có ${n} tên.`, `There is no row ${row}: the list has ${n} names.`);
const zeroWithRows = (): Result<never, RuleError> =>
  fail('entry.zero-with-rows', 'Số 0 (không gạch tên nào) không đi cùng số dòng khác.', '0 (nothing marked) cannot go with other rows.');

/** Splits one token into rows by auto-commit; `n` is the length of the list. */
const splitRows = (token: string, n: number): Result<Array<{ row: string; suffix: string }>, RuleError> => {
  const out: Array<{ row: string; suffix: string }> = [];
  let pending = '';
  /** The row committed by the last key, when no separator followed it (for the message on a following "0"). */
  let justCommitted = '';
  for (const ch of token) {
    if (ch >= '0' && ch <= '9') {
      const candidate = pending + ch;
      if (pending === '' && ch === '0') return justCommitted === '' ? zeroWithRows() : outOfRange(justCommitted + ch, n);
      if (Number(candidate) > n) return outOfRange(candidate, n);
      pending = candidate;
      justCommitted = '';
      if (Number(pending) * 10 > n) {
        out.push({ row: pending, suffix: '' });
        justCommitted = pending;
        pending = '';
      }
      continue;
    }
    // A suffix letter ends the row it follows (pending, or just committed by auto-commit).
    if (pending !== '') {
      out.push({ row: pending, suffix: ch });
      pending = '';
    } else {
      const last = out[out.length - 1];
      if (last === undefined || last.suffix !== '' || justCommitted === '') return err(ruleError('entry.garbage', '', '', 'entry'));
      out[out.length - 1] = { row: last.row, suffix: ch };
    }
    justCommitted = '';
  }
  if (pending !== '') out.push({ row: pending, suffix: '' });
  return ok(out);
};

const readRows = (
  ctx: CountingContext,
  tokens: readonly string[],
  suffixes: '' | 'cbtn',
): Result<ReadonlyArray<{ row: number; suffix: string }>, RuleError> => {
  const n = ctx.spec.candidates.length;
  const re = suffixes === '' ? PLAIN_TOKEN : ROW_TOKEN;
  const seen = new Set<number>();
  const out: Array<{ row: number; suffix: string }> = [];
  if (tokens.length === 1 && tokens[0] === '0') return ok(out);
  const refuseGarbage = (t: string): Result<never, RuleError> => (suffixes === ''
    ? garbage(t, 'chỉ gõ số thứ tự của các tên bị gạch, cách nhau bằng dấu cách.', 'type only the row numbers of the struck names, separated by spaces.')
    : garbage(t, 'gõ số dòng (không đồng ý), số dòng kèm "c" (cả hai ô) hoặc "t" (không ô nào).',
      'type a row number (disagree), a row number with "c" (both boxes) or "t" (neither box).'));
  for (const t of tokens) {
    if (!re.test(t)) return refuseGarbage(t);
    const rows = splitRows(t, n);
    if (!rows.ok) return rows.error.code === 'entry.garbage' ? refuseGarbage(t) : rows;
    for (const r of rows.value) {
      const row = Number(r.row);
      if (seen.has(row)) return fail('entry.row-twice', `Dòng số ${row} được gõ hai lần.`, `Row ${row} is typed twice.`);
      seen.add(row);
      out.push({ row, suffix: r.suffix });
    }
  }
  return ok(out);
};

const SINGLE_LETTERS: Readonly<Record<string, Mark>> = { d: 'agree', k: 'disagree', c: 'both', b: 'both', t: 'none', n: 'none' };
const ROW_SUFFIX: Readonly<Record<string, Mark>> = { '': 'disagree', c: 'both', b: 'both', t: 'none', n: 'none' };

const emptyLine = (): Result<never, RuleError> =>
  fail('entry.empty', 'Dòng trống: gõ nội dung lá phiếu rồi Enter (gõ 0 nếu phiếu không gạch / không đánh dấu gì).',
    'Empty line: type the ballot, then Enter (type 0 when nothing is struck or marked).');

/** Parses one typed line into a ballot of the round's form, or says in Vietnamese (then English) what is wrong. */
export const parseEntry = (ctx: CountingContext, text: string): Result<Ballot, RuleError> => {
  const t = tokenize(text);
  if (!t.ok) return t;
  const { tokens, flags } = t.value;
  if (tokens.length === 0 && !hasFlag(flags)) return emptyLine();
  const ids = ctx.spec.candidates.map((c) => c.id);
  let ballot: Ballot;
  switch (ctx.form) {
    case 'strike-out': {
      const rows = readRows(ctx, tokens, '');
      if (!rows.ok) return rows;
      ballot = withFlags({ struck: rows.value.map((r) => ids[r.row - 1]!) }, flags);
      break;
    }
    case 'agree-disagree':
    case 'opinion-poll': {
      const rows = readRows(ctx, tokens, 'cbtn');
      if (!rows.ok) return rows;
      const marks: Record<CandidateId, Mark> = {};
      const base: Mark = tokens.length === 0 ? 'none' : 'agree';
      for (const id of ids) marks[id] = base;
      for (const r of rows.value) marks[ids[r.row - 1]!] = ROW_SUFFIX[r.suffix]!;
      ballot = withFlags({ marks }, flags);
      break;
    }
    case 'single': {
      if (tokens.length > 1) return fail('entry.single-choice', 'Phiếu bầu một người: gõ đúng một chữ d, k, c hoặc t.', 'Single-candidate ballot: type exactly one of d, k, c or t.');
      const mark: Mark | undefined = tokens.length === 0 ? 'none' : SINGLE_LETTERS[tokens[0]!];
      if (mark === undefined) {
        return garbage(tokens[0]!, 'gõ d (đồng ý), k (không đồng ý), c (cả hai ô) hoặc t (không ô nào).',
          'type d (agree), k (disagree), c (both boxes) or t (neither box).');
      }
      ballot = withFlags({ marks: { [ids[0]!]: mark } }, flags);
      break;
    }
    case 'write-in': {
      if (tokens.length > 1) return fail('entry.write-in-one', 'Phiếu giới thiệu chỉ ghi một tên: gõ một số dòng, x hoặc t.', 'The nomination poll has one name: type one row number, x or t.');
      const token = tokens[0] ?? 't';
      if (token === 't' || token === '0') ballot = withFlags({ writeIn: null }, flags);
      else if (token === 'x') ballot = withFlags({ writeIn: WRITE_IN_OUTSIDE }, flags);
      else {
        const rows = readRows(ctx, [token], '');
        if (!rows.ok) {
          return rows.error.code === 'entry.garbage'
            ? garbage(token, 'gõ số dòng của người được giới thiệu, x (tên ngoài danh sách) hoặc t (không ghi tên).',
              'type the row of the written name, x (a name outside the list) or t (no name).')
            : rows;
        }
        if (rows.value.length !== 1) {
          return fail('entry.write-in-one', 'Phiếu giới thiệu chỉ ghi một tên: gõ một số dòng, x hoặc t.', 'The nomination poll has one name: type one row number, x or t.');
        }
        ballot = withFlags({ writeIn: ids[rows.value[0]!.row - 1]! }, flags);
      }
      break;
    }
  }
  const shape = checkBallotShape(ctx.form, ctx.index, ballot, 'entry');
  return shape.ok ? ok(ballot) : shape;
};

const flagText = (b: Ballot): string => {
  let s = '';
  if (b.notIssued === true) s += 'p';
  if (b.unstamped === true) s += 'd';
  if ((b.writeIns ?? 0) > 0) s += b.writeIns === 1 ? 'g' : `g${b.writeIns}`;
  if (b.identifyingMarks === true) s += 'k';
  return s === '' ? '' : ` /${s}`;
};

const MARK_SUFFIX: Readonly<Record<Mark, string | null>> = { agree: null, disagree: '', both: 'c', none: 't' };
const MARK_LETTER: Readonly<Record<Mark, string>> = { agree: 'd', disagree: 'k', both: 'c', none: 't' };

/** The canonical line that `parseEntry` reads back into the same ballot: to show an entry back to the operator. */
export const formatEntry = (ctx: CountingContext, ballot: Ballot): string => {
  const content = ((): string => {
    if ('struck' in ballot) {
      const rows = ballot.struck.map((id) => (ctx.index.get(id) ?? -1) + 1).sort((a, b) => a - b);
      return rows.length === 0 ? '0' : rows.join(' ');
    }
    if ('marks' in ballot) {
      if (ctx.form === 'single') return MARK_LETTER[ballot.marks[ctx.spec.candidates[0]!.id] ?? 'none'];
      const parts: string[] = [];
      ctx.spec.candidates.forEach((c, i) => {
        const suffix = MARK_SUFFIX[ballot.marks[c.id] ?? 'none'];
        if (suffix !== null) parts.push(`${i + 1}${suffix}`);
      });
      return parts.length === 0 ? '0' : parts.join(' ');
    }
    if (ballot.writeIn === null) return 't';
    const i = ctx.index.get(ballot.writeIn);
    return i === undefined ? 'x' : String(i + 1);
  })();
  return content + flagText(ballot);
};

/**
 * The shortest line that `parseEntry` reads back into the same ballot, by auto-commit: rows that commit at once
 * (or carry a suffix letter) first, then the rows that wait for the next key, separated by a space, the last one
 * ended by Enter or by the flags' "/". What the console can show as "fastest way to type this ballot".
 */
export const compactEntry = (ctx: CountingContext, ballot: Ballot): string => {
  const n = ctx.spec.candidates.length;
  const flags = flagText(ballot).trim();
  let items: Array<{ row: number; suffix: string }>;
  if ('struck' in ballot) items = ballot.struck.map((id) => ({ row: (ctx.index.get(id) ?? -1) + 1, suffix: '' }));
  else if ('marks' in ballot && ctx.form !== 'single') {
    items = [];
    ctx.spec.candidates.forEach((c, i) => {
      const suffix = MARK_SUFFIX[ballot.marks[c.id] ?? 'none'];
      if (suffix !== null) items.push({ row: i + 1, suffix });
    });
  } else {
    return formatEntry(ctx, ballot).replace(' /', '/');
  }
  const waits = (x: { row: number; suffix: string }): boolean => x.suffix === '' && x.row * 10 <= n;
  const ordered = [...items.filter((x) => !waits(x)).sort((a, b) => a.row - b.row), ...items.filter(waits).sort((a, b) => a.row - b.row)];
  let content = '';
  ordered.forEach((x, i) => {
    content += `${x.row}${x.suffix}`;
    if (waits(x) && i < ordered.length - 1) content += ' ';
  });
  if (content === '') content = 'struck' in ballot && flags !== '' ? '' : '0';
  return content + flags;
};

/** Keys pressed to enter a line: its characters plus Enter. */
export const keystrokes = (text: string): number => text.length + 1;
