/**
 * Counting a pile of ballots as a congress must: through the counting board's batches, with two independent
 * entries (a board member and a technician) of each ballot as the reader sends them (`ballot` bodies), then the
 * board finishes. The only way to a result besides the board's hand count.
 */
import type { BallotInput } from '../../../src/api/index.ts';
import { Client, type Reply } from './client.ts';

export interface Counters {
  readonly board: Client;
  readonly operator: Client;
}

const must = <T>(r: Reply<T>, what: string): T => {
  if (r.status >= 300) throw new Error(`${what} failed (${r.status}): ${JSON.stringify(r.body)}`);
  return r.body;
};

/** A board member of `electionId` and a technician of the congress, created and signed in by a server administrator. */
export const countersFor = async (root: Client, congressCode: string, electionId: number): Promise<Counters> => {
  const C = `/api/congresses/${congressCode}`;
  const make = async (name: string, role: string, scope: number | null): Promise<Client> => {
    const username = `${congressCode}.${name}-${electionId}`.slice(0, 50);
    const password = `mat-khau-${name}-dem-phieu`;
    const u = must(await root.post<{ id: number }>('/api/users', { username, displayName: name, password }), 'user');
    must(await root.post(`${C}/roles`, { userId: u.id, role, electionId: scope }), 'role');
    const c = new Client(root.base);
    must(await c.login(username, password), 'sign-in');
    return c;
  };
  return { board: await make('kiem-phieu', 'counting-board', electionId), operator: await make('ky-thuat', 'technician', null) };
};

/** One batch of every ballot, entered twice independently, then finished; the finish reply (or the refusal). */
export const countByBoard = async <T = unknown>(who: Counters, R: string, ballots: readonly BallotInput[]): Promise<Reply<T>> => {
  const batch = must(await who.board.post<{ id: string }>(`${R}/batches`, { label: 'Hòm phiếu 1', physicalCount: ballots.length }), 'batch');
  const B = `${R}/batches/${batch.id}`;
  for (const [i, operator] of [who.board, who.operator].entries()) {
    const terminal = { 'x-daihoi-terminal': `may-${i + 1}` };
    must(await operator.call('POST', `${B}/entries`, {}, terminal), 'entry');
    for (const [p, ballot] of ballots.entries()) must(await operator.call('POST', `${B}/ballots`, { position: p + 1, ballot }, terminal), `ballot ${p + 1}`);
    must(await operator.call('POST', `${B}/close`, { ballots: ballots.length }, terminal), 'close');
  }
  return who.board.post<T>(`${R}/counting/finish`);
};
