/**
 * An operator's PC fails mid-entry: the entry continues at another terminal (the operator's own, confirmed with a
 * reason; or anyone's by the board), the move is in the input log and the audit; terminals carry a label the room
 * reads ("Máy 3") and refusals name it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BatchView, MyBatchView, TerminalView } from '../../src/api/counting.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { call, setupCountingCongress, type Caller, type CountingCongress } from './counting-support.ts';

type Err = { error: { code: string; message_vi: string; message_en: string } };

describeEachDatabase('api: counting terminals and taking an entry over', (db) => {
  let k: CountingCongress;
  let u: Readonly<Record<string, Caller>>;
  let R: string;
  let T: string;
  beforeAll(async () => {
    k = await setupCountingCongress(db.db, db.dialect, 'kiem-phieu-may');
    u = k.users;
    R = k.R;
    T = `/api/congresses/${k.code}/terminals`;
    expect((await call(k.app, 'POST', `${R}/counting`, u.head!, { issued: 10, collected: 10 })).status).toBe(200);
    expect((await call(k.app, 'POST', `${R}/batches`, u.head!, { label: 'Tập 1', physicalCount: 3 })).status).toBe(201);
  });
  afterAll(async () => { await k.app.close(); });

  it('a terminal sets and reads its label; a label names one terminal only', async () => {
    expect((await call<TerminalView>(k.app, 'GET', `${T}/web-aaaa1111`, u.an!)).body).toEqual({ terminal: 'web-aaaa1111', label: null });
    const set = await call<TerminalView>(k.app, 'PUT', `${T}/web-aaaa1111`, u.an!, { label: 'Máy 3' });
    expect(set.status, set.text).toBe(200);
    expect((await call<TerminalView>(k.app, 'GET', `${T}/web-aaaa1111`, u.binh!)).body.label).toBe('Máy 3');
    const taken = await call<Err>(k.app, 'PUT', `${T}/web-bbbb2222`, u.binh!, { label: 'Máy 3' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('terminal.label-taken');
    expect((await call(k.app, 'PUT', `${T}/web-bbbb2222`, u.binh!, { label: 'Máy 5' })).status).toBe(200);
    expect((await call(k.app, 'PUT', `${T}/web-bbbb2222`, u.binh!, { label: '  ' })).status).toBe(400);
    expect((await call(k.app, 'PUT', `${T}/web-bbbb2222`, u.screen!, { label: 'Máy 7' })).status).toBe(403);
    const all = await call<TerminalView[]>(k.app, 'GET', T, u.head!);
    expect(all.body.map((t) => t.label)).toEqual(['Máy 3', 'Máy 5']);
  });

  it('the operator whose PC failed continues at another terminal; the refusal named the terminals by label', async () => {
    const B = `${R}/batches/1`;
    expect((await call(k.app, 'POST', `${B}/entries`, u.an!, {}, 'web-aaaa1111')).status).toBe(201);
    expect((await call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 1, text: '1' }, 'web-aaaa1111')).status).toBe(201);
    // "Máy 3" fails; An sits at "Máy 5".
    const refused = await call<Err>(k.app, 'POST', `${B}/ballots`, u.an!, { position: 2, text: '2' }, 'web-bbbb2222');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('entry.other-terminal');
    expect(refused.body.error.message_vi).toContain('"Máy 3" (web-aaaa1111)');
    expect(refused.body.error.message_vi).toContain('"Máy 5"');
    expect(refused.body.error.message_vi).toContain('Tiếp tục lần nhập trên máy này');
    // A reason is required; another operator cannot move An's entry; the board can.
    expect((await call(k.app, 'POST', `${B}/take-over`, u.an!, { note: '' }, 'web-bbbb2222')).status).toBe(400);
    const notHis = await call<Err>(k.app, 'POST', `${B}/take-over`, u.binh!, { operator: u.an!.name, note: 'máy hỏng' }, 'web-cccc3333');
    expect(notHis.status).toBe(403);
    expect(notHis.body.error.code).toBe('entry.move-other');
    const moved = await call<MyBatchView>(k.app, 'POST', `${B}/take-over`, u.an!, { note: 'Máy 3 hỏng' }, 'web-bbbb2222');
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.terminal).toBe('web-bbbb2222');
    expect(moved.body.myLines.map((l) => l.text)).toEqual(['1']);
    expect(moved.body.entryPlaces).toEqual([{ operator: u.an!.name, terminal: 'web-bbbb2222', terminalLabel: 'Máy 5', ballots: 1, closed: false }]);
    // Continues here; the old terminal is refused now.
    expect((await call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 2, text: '2' }, 'web-bbbb2222')).status).toBe(201);
    expect((await call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 3, text: '3' }, 'web-aaaa1111')).status).toBe(409);
    // Moving to where it already is: refused with its reason.
    const same = await call<Err>(k.app, 'POST', `${B}/take-over`, u.an!, { note: 'lần nữa' }, 'web-bbbb2222');
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('entry.same-place');
    // The board moves it back to a terminal it names.
    const back = await call<MyBatchView>(k.app, 'POST', `${B}/take-over`, u.head!, { operator: u.an!.name, note: 'Máy 3 chạy lại', terminal: 'web-aaaa1111' }, 'board');
    expect(back.status, back.text).toBe(200);
    expect(back.body.entryPlaces[0]!.terminalLabel).toBe('Máy 3');
    const list = await call<BatchView[]>(k.app, 'GET', `${R}/batches`, u.binh!);
    expect(list.body[0]!.entryPlaces[0]!.terminal).toBe('web-aaaa1111');
    // In the log and the audit.
    const moves = await db.db.selectFrom('counting_events').select(['event', 'terminal']).where('round_id', '=', k.roundId).where('type', '=', 'entry-moved').execute();
    expect(moves.map((m) => (JSON.parse(m.event) as { note: string; from: string }).from)).toEqual(['web-aaaa1111', 'web-bbbb2222']);
    const audited = await db.db.selectFrom('audit_log').select('payload').where('congress_id', '=', k.congressId).where('action', '=', 'counting.event').execute();
    expect(audited.filter((a) => a.payload.includes('entry-moved'))).toHaveLength(2);
    const verify = await call<{ replay: { ok: boolean } }>(k.app, 'GET', `${R}/input-log/verify`, u.head!);
    expect(verify.status, verify.text).toBe(200);
    expect(verify.text).not.toContain('"ok":false');
  });
});
