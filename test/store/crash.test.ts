/**
 * Crash: a writer process is killed with SIGKILL in the middle of check-ins; after reopening, every
 * acknowledged check-in is there and nothing is doubled; a restarted writer completes the rest exactly once.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { insertSmallCongress } from '../support/fixtures.ts';

const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const DELEGATES = 120;
const KILL_AFTER = 30;

interface Run { readonly acks: ReadonlyMap<number, number>; readonly signal: NodeJS.Signals | null; readonly done: boolean }

/** Runs the writer; kills it with SIGKILL after `killAfter` acknowledgements (never when null). */
const runWriter = (args: readonly string[], killAfter: number | null): Promise<Run> => new Promise((resolve, reject) => {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const acks = new Map<number, number>();
  let done = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const m = /^ack (\d+) (\d+)$/.exec(line);
    if (m !== null) {
      acks.set(Number(m[1]), Number(m[2]));
      if (killAfter !== null && acks.size === killAfter) child.kill('SIGKILL');
    } else if (line === 'done') done = true;
  });
  child.on('error', reject);
  child.on('close', (_code, signal) => resolve({ acks, signal, done }));
});

describeEachDatabase('store: SIGKILL in the middle of check-ins', (ctx) => {
  it('keeps every acknowledged check-in, doubles nothing, and a restart completes the rest once', async () => {
    const c = await insertSmallCongress(ctx.db, 'crash', DELEGATES);
    const args = [ctx.database.url, String(c.sessionId), c.delegateIds.join(',')];
    const killed = await runWriter(args, KILL_AFTER);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.done).toBe(false);
    expect(killed.acks.size).toBeGreaterThanOrEqual(KILL_AFTER);

    // Reopen as a restarted server would: a new connection to the same file or database.
    const reopened = openDatabase(ctx.database.url);
    const rows = await reopened.db.selectFrom('checkins').select(['id', 'delegate_id'])
      .where('session_id', '=', c.sessionId).execute();
    const byId = new Map(rows.map((r) => [r.id, r.delegate_id]));
    for (const [id, delegateId] of killed.acks) expect(byId.get(id)).toBe(delegateId);
    expect(new Set(rows.map((r) => r.delegate_id)).size).toBe(rows.length);
    // At most the one write in flight at the kill may have committed without its acknowledgement.
    expect(rows.length - killed.acks.size).toBeLessThanOrEqual(1);
    expect(rows.length).toBeLessThan(DELEGATES);

    const resumed = await runWriter([...args, 'resume'], null);
    expect(resumed.done).toBe(true);
    const after = await reopened.db.selectFrom('checkins').select(['delegate_id']).where('session_id', '=', c.sessionId).execute();
    expect(after).toHaveLength(DELEGATES);
    expect(new Set(after.map((r) => r.delegate_id)).size).toBe(DELEGATES);
    expect(resumed.acks.size).toBe(DELEGATES - rows.length);
    await reopened.close();
  });
});
