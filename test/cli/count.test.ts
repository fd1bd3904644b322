/**
 * `daihoi count FILE` — the CLI contract, checked field by field on the real command:
 * other tools and the hall's back-office scripts depend on it exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_NAMES, SEED_VOTES, seedCongressCountFile, seedId } from '../fixtures/seed-congress.ts';
import { daihoi, FIXTURES, writeInput } from './run-cli.ts';

const SEED_FILE = join(FIXTURES, 'seed-congress.count.json');
const INVALID_REASON_KEYS = ['not-issued', 'write-in', 'identifying-mark', 'over-seats', 'all-struck', 'no-choice'];

const countJson = (file: unknown): Record<string, unknown> => {
  const run = daihoi(['count', typeof file === 'string' ? file : writeInput(file)]);
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  return JSON.parse(run.stdout) as Record<string, unknown>;
};

describe('the seed congress count file (256 summoned, 6 excluded, 24 seats, 27 names)', () => {
  it('is the file the fixture module builds (no drift between the two)', () => {
    expect(JSON.parse(readFileSync(SEED_FILE, 'utf8'))).toEqual(seedCongressCountFile());
  });

  const run = daihoi(['count', SEED_FILE]);
  const out = JSON.parse(run.stdout) as Record<string, unknown>;

  it('exits 0 with JSON on stdout and nothing on stderr', () => {
    expect([run.status, run.stderr]).toEqual([0, '']);
  });
  it('prints exactly the fields of the contract, in its order', () => {
    expect(Object.keys(out)).toEqual(['base', 'threshold', 'ballots', 'results', 'elected', 'tie', 'unfilledSeats', 'outcome']);
  });
  it('base and threshold: N_base = summoned − excluded = 250, 126 to be elected', () => {
    expect([out['base'], out['threshold']]).toEqual([250, 126]);
  });
  it('ballots: total, valid, invalid and a count for every reason, zero included', () => {
    const ballots = out['ballots'] as Record<string, unknown>;
    expect(Object.keys(ballots)).toEqual(['total', 'valid', 'invalid', 'invalidByReason']);
    expect(Object.keys(ballots['invalidByReason'] as object)).toEqual(INVALID_REASON_KEYS);
    expect(ballots).toEqual({
      total: 245, valid: 240, invalid: 5,
      invalidByReason: { 'not-issued': 1, 'write-in': 1, 'identifying-mark': 1, 'over-seats': 1, 'all-struck': 1, 'no-choice': 0 },
    });
  });
  it('results: { id, name, votes, percent } for every candidate in ballot order; percent of N_base with 2 decimals', () => {
    const results = out['results'] as Record<string, unknown>[];
    expect(results).toHaveLength(27);
    results.forEach((r, i) => {
      expect(Object.keys(r)).toEqual(['id', 'name', 'votes', 'percent']);
      expect(r).toEqual({ id: seedId(i), name: SEED_NAMES[i], votes: SEED_VOTES[i], percent: Math.round(SEED_VOTES[i]! * 40) / 100 });
    });
    expect(results[15]).toEqual({ id: 'c16', name: 'Nguyễn Thị Nga', votes: 125, percent: 50 });
  });
  it('elected: 24 ids by votes, highest first; equal votes (230) keep ballot order', () => {
    const elected = out['elected'] as string[];
    expect(elected).toHaveLength(24);
    expect(elected.slice(0, 3)).toEqual(['c01', 'c05', 'c09']); // 240, 239, 238
    expect(elected.slice(10, 12)).toEqual(['c14', 'c18']);
    expect(elected.at(-1)).toBe('c12'); // 206
    expect(elected).not.toContain('c16'); // 125 = exactly half
  });
  it('no tie, no unfilled seat, complete; no "alternates" outside a delegation', () => {
    expect([out['tie'], out['unfilledSeats'], out['outcome']]).toEqual([null, 0, 'complete']);
    expect('alternates' in out).toBe(false);
  });
  it('matches the golden output byte for byte (2-space JSON and a final newline)', () => {
    expect(run.stdout).toBe(readFileSync(join(FIXTURES, 'seed-congress.result.json'), 'utf8'));
  });
  it('reads the same file from standard input with "-"', () => {
    const piped = daihoi(['count', '-'], readFileSync(SEED_FILE, 'utf8'));
    expect([piped.status, piped.stdout]).toEqual([0, run.stdout]);
  });
});

describe('the other outputs of the contract', () => {
  const list = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, name: `Người ${i + 1}` }));

  it('a delegation adds "alternates" after "elected", and "remaining" (each cut) at the end', () => {
    const out = countJson({
      election: { kind: 'delegates', seats: 2, alternateSeats: 1, base: { summoned: 10 }, candidates: list(4) },
      ballots: [...Array(6).fill({ struck: ['c4'] }), { struck: ['c3'] }, { struck: ['c1', 'c2', 'c3'] }],
    });
    expect(Object.keys(out)).toEqual(['base', 'threshold', 'ballots', 'results', 'elected', 'alternates', 'tie', 'unfilledSeats', 'outcome', 'remaining']);
    expect((out['results'] as { votes: number }[]).map((r) => r.votes)).toEqual([7, 7, 6, 2]);
    expect([out['elected'], out['alternates'], out['outcome']]).toEqual([['c1', 'c2'], ['c3'], 'complete']);
    expect(out['remaining']).toEqual({ official: { seats: 0, tie: null }, alternate: { seats: 0, tie: null } });
  });
  it('a tie: { seats, candidates, cut } with the tied in ballot order, outcome "tie"', () => {
    const out = countJson({
      election: { kind: 'committee', seats: 1, base: { summoned: 10, excluded: 2 }, candidates: list(3) },
      ballots: [...Array(5).fill({ struck: ['c1', 'c3'] }), ...Array(5).fill({ struck: ['c2', 'c3'] })],
    });
    expect([out['base'], out['elected'], out['tie'], out['unfilledSeats'], out['outcome']])
      .toEqual([8, [], { seats: 1, candidates: ['c1', 'c2'], cut: 'official' }, 1, 'tie']);
  });
  it('a shortfall: outcome "shortfall" and the unfilled seats', () => {
    const out = countJson({
      election: { kind: 'secretary', seats: 1, base: { summoned: 9 }, candidates: list(1) },
      ballots: [...Array(4).fill({ marks: { c1: 'agree' } }), { marks: { c1: 'both' } }, { marks: { c1: 'disagree' } }],
    });
    expect((out['ballots'] as { invalidByReason: object }).invalidByReason).toMatchObject({ 'no-choice': 1 });
    expect([out['elected'], out['tie'], out['unfilledSeats'], out['outcome']]).toEqual([[], null, 1, 'shortfall']);
  });
  it('an opinion poll: results and "admitted", measured against the delegates present', () => {
    const out = countJson({
      election: { kind: 'opinion-poll', seats: 0, base: { summoned: 256, excluded: 6 }, present: 10, candidates: list(2) },
      ballots: [...Array(4).fill({ marks: { c1: 'agree', c2: 'agree' } }), { marks: { c1: 'agree' } }, { marks: { c2: 'disagree' } }],
    });
    expect(Object.keys(out)).toEqual(['base', 'threshold', 'ballots', 'results', 'admitted']);
    expect([out['base'], out['threshold'], out['admitted']]).toEqual([10, 4, ['c1', 'c2']]);
    expect((out['results'] as { votes: number; percent: number }[]).map((r) => [r.votes, r.percent])).toEqual([[5, 50], [4, 40]]);
  });
  it('a secretary poll: results, "unrecognized" and "blank"', () => {
    const out = countJson({
      election: { kind: 'secretary-poll', seats: 0, base: { summoned: 24 }, candidates: list(3) },
      ballots: [{ writeIn: 'c2' }, { writeIn: 'c2' }, { writeIn: 'c3' }, { writeIn: 'người khác' }, { writeIn: null }, { writeIn: 'c1', notIssued: true }],
    });
    expect(Object.keys(out)).toEqual(['base', 'threshold', 'ballots', 'results', 'unrecognized', 'blank']);
    expect((out['results'] as { votes: number }[]).map((r) => r.votes)).toEqual([0, 2, 1]);
    expect([out['unrecognized'], out['blank']]).toEqual([1, 1]);
  });
  it('settings in the file are applied: writeInInvalid false keeps a ballot with a write-in valid', () => {
    const file = (writeInInvalid: boolean) => ({
      election: { kind: 'committee', seats: 1, base: { summoned: 3 }, candidates: list(2), settings: { writeInInvalid } },
      ballots: [{ struck: ['c2'], writeIns: 1 }, { struck: ['c2'] }],
    });
    expect((countJson(file(true))['ballots'] as { valid: number }).valid).toBe(1);
    expect((countJson(file(false))['ballots'] as { valid: number }).valid).toBe(2);
  });
});

describe('--text: the same result as Vietnamese a person can read aloud', () => {
  const run = daihoi(['count', SEED_FILE, '--text']);
  it('exits 0 and prints the summary', () => {
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      'KẾT QUẢ KIỂM PHIẾU — BAN CHẤP HÀNH',
      'Số đại biểu làm căn cứ tính kết quả: 250; trúng cử khi được trên một nửa, tức ít nhất 126 phiếu.',
      'Số phiếu thu vào: 245; hợp lệ: 240; không hợp lệ: 5.',
    ]);
  });
  it('votes with Vietnamese percentages, the elected in vote order, and the conclusion', () => {
    expect(run.stdout).toContain('  1. Nguyễn Văn An: 240 phiếu, đạt 96,00%');
    expect(run.stdout).toContain('  16. Nguyễn Thị Nga: 125 phiếu, đạt 50,00%');
    expect(run.stdout).toContain('Trúng cử (24/24, theo số phiếu từ cao xuống thấp):\n  1. Nguyễn Văn An (240 phiếu)\n  2. Hoàng Văn Dũng (239 phiếu)');
    expect(run.stdout.trimEnd().endsWith('Đã bầu đủ số lượng.')).toBe(true);
  });
  it('the flag may come before the file', () => {
    expect(daihoi(['count', '--text', SEED_FILE]).stdout).toBe(run.stdout);
  });
});

describe('the polls elect nobody: "seats" and "base" may be left out', () => {
  const list = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, name: `Người ${i + 1}` }));
  const opinionBallots = [...Array(4).fill({ marks: { c1: 'agree', c2: 'agree' } }), { marks: { c1: 'agree' } }, { marks: { c2: 'disagree' } }];
  const opinionPoll = { kind: 'opinion-poll', present: 10, candidates: list(2) };

  it('an opinion poll without them is counted against the delegates present (base 10, threshold 4)', () => {
    const out = countJson({ election: opinionPoll, ballots: opinionBallots });
    expect([out['base'], out['threshold'], out['admitted']]).toEqual([10, 4, ['c1', 'c2']]);
    expect((out['results'] as { votes: number; percent: number }[]).map((r) => [r.votes, r.percent])).toEqual([[5, 50], [4, 40]]);
  });
  it('an opinion poll ignores them when given, even values that would be refused in an election', () => {
    const without = countJson({ election: opinionPoll, ballots: opinionBallots });
    expect(countJson({ election: { ...opinionPoll, seats: 7, base: { summoned: 3, excluded: 5 } }, ballots: opinionBallots })).toEqual(without);
  });
  const secretaryBallots = [{ writeIn: 'c2' }, { writeIn: 'c2' }, { writeIn: 'c3' }, { writeIn: 'người khác' }, { writeIn: null }];
  it('a secretary poll without them: the votes, blank and unrecognized, and no base, threshold or percent (null)', () => {
    const out = countJson({ election: { kind: 'secretary-poll', candidates: list(3) }, ballots: secretaryBallots });
    expect(Object.keys(out)).toEqual(['base', 'threshold', 'ballots', 'results', 'unrecognized', 'blank']);
    expect([out['base'], out['threshold'], out['unrecognized'], out['blank']]).toEqual([null, null, 1, 1]);
    expect(out['results']).toEqual([
      { id: 'c1', name: 'Người 1', votes: 0, percent: null },
      { id: 'c2', name: 'Người 2', votes: 2, percent: null },
      { id: 'c3', name: 'Người 3', votes: 1, percent: null },
    ]);
  });
  it('a secretary poll ignores "seats"; a base given measures the percentages (votes / N_base, as in its minutes)', () => {
    const out = countJson({ election: { kind: 'secretary-poll', seats: 9, base: { summoned: 24, excluded: 4 }, candidates: list(3) }, ballots: secretaryBallots });
    expect([out['base'], out['threshold']]).toEqual([20, 11]);
    expect((out['results'] as { percent: number }[]).map((r) => r.percent)).toEqual([0, 10, 5]);
  });
  it('an election still needs both: each missing one is named', () => {
    const committee = { kind: 'committee', seats: 1, base: { summoned: 3 }, candidates: list(2) };
    for (const field of ['seats', 'base'] as const) {
      const { [field]: _left, ...election } = committee;
      const run = daihoi(['count', writeInput({ election, ballots: [] })]);
      expect([run.status, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toBe(`Lỗi: Trường "election.${field}": bắt buộc, nhưng không có.\nError: Field "election.${field}": required, but missing.\n`);
    }
  });
});

describe('a delegation: which cut a tie is at (official or alternate), and what remains of each cut', () => {
  const list = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, name: `Người ${i + 1}` }));
  // N_base 9: 5 votes pass. 1 official seat; the alternates come from the same ballot (the default).
  const delegation = (alternateSeats: number) => ({ kind: 'delegates', seats: 1, alternateSeats, base: { summoned: 10, excluded: 1 }, candidates: list(4) });

  it('a tie at the alternate cut only: "cut": "alternate"; the official seat is filled', () => {
    // c1 10 votes; c2 and c3 5 each, tied for the one alternate seat.
    const out = countJson({
      election: delegation(1),
      ballots: [...Array(5).fill({ struck: ['c3', 'c4'] }), ...Array(5).fill({ struck: ['c2', 'c4'] })],
    });
    expect([out['elected'], out['alternates'], out['outcome'], out['unfilledSeats']]).toEqual([['c1'], [], 'tie', 1]);
    expect(out['tie']).toEqual({ seats: 1, candidates: ['c2', 'c3'], cut: 'alternate' });
    expect(out['remaining']).toEqual({
      official: { seats: 0, tie: null },
      alternate: { seats: 1, tie: { seats: 1, candidates: ['c2', 'c3'] } },
    });
  });
  it('ties at both cuts at once: "tie" is the official one, "remaining" holds both', () => {
    // c1 and c2 6 votes each for the one official seat; c3 and c4 5 each below, for the alternate seat left.
    const out = countJson({
      election: delegation(2),
      ballots: [...Array(6).fill({ struck: ['c3', 'c4'] }), ...Array(5).fill({ struck: ['c1', 'c2'] })],
    });
    expect((out['results'] as { votes: number }[]).map((r) => r.votes)).toEqual([6, 6, 5, 5]);
    expect(Object.keys(out)).toEqual(['base', 'threshold', 'ballots', 'results', 'elected', 'alternates', 'tie', 'unfilledSeats', 'outcome', 'remaining']);
    expect(out['tie']).toEqual({ seats: 1, candidates: ['c1', 'c2'], cut: 'official' });
    expect(out['remaining']).toEqual({
      official: { seats: 1, tie: { seats: 1, candidates: ['c1', 'c2'] } },
      alternate: { seats: 2, tie: { seats: 1, candidates: ['c3', 'c4'] } },
    });
  });
  it('--text names the cut of each tie', () => {
    const file = writeInput({
      election: delegation(2),
      ballots: [...Array(6).fill({ struck: ['c3', 'c4'] }), ...Array(5).fill({ struck: ['c1', 'c2'] })],
    });
    expect(daihoi(['count', file, '--text']).stdout.trimEnd().split('\n').at(-1)).toBe(
      'Có 2 người bằng phiếu nhau cho 1 chỗ đại biểu chính thức còn lại: Người 1, Người 2. '
      + 'Có 2 người bằng phiếu nhau cho 1 chỗ đại biểu dự khuyết còn lại: Người 3, Người 4. '
      + 'Đại hội biểu quyết việc bầu lại trong số những người này.');
  });
});
