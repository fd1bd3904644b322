/**
 * Child process of crash.test.ts: checks delegates in one by one, each its own committed statement, and prints
 * `ack <checkin id> <delegate id>` only after the database acknowledged it. Resumed with `resume`, it retries every
 * delegate idempotently (a second check-in of the same delegate is ignored by the UNIQUE constraint).
 * Usage: crash-writer.ts TARGET SESSION_ID DELEGATE_IDS(comma) [resume]
 */
import { openDatabase } from '../../src/store/db.ts';

const [target, sessionArg, idsArg, mode] = process.argv.slice(2);
if (target === undefined || sessionArg === undefined || idsArg === undefined) throw new Error('usage');
const opened = openDatabase(target);
const sessionId = Number(sessionArg);
const session = await opened.db.selectFrom('congress_sessions').select('congress_id').where('id', '=', sessionId)
  .executeTakeFirstOrThrow();
for (const delegateId of idsArg.split(',').map(Number)) {
  const insert = opened.db.insertInto('checkins').values({
    congress_id: session.congress_id, session_id: sessionId, delegate_id: delegateId, at: new Date().toISOString(),
    method: 'qr', desk: 'crash', user_id: null,
  });
  const row = await (mode === 'resume' ? insert.onConflict((oc) => oc.columns(['session_id', 'delegate_id']).where('voided_at', 'is', null).where('left_at', 'is', null).doNothing()) : insert)
    .returning('id').executeTakeFirst();
  if (row !== undefined) process.stdout.write(`ack ${row.id} ${delegateId}\n`);
}
process.stdout.write('done\n');
await opened.close();
