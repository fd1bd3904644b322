/**
 * An operator's own entry of a batch, from their terminal: open it, type ballots one position at a time (a retry
 * with the same request id has one effect), take back the last one, close it.
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../../api/contract.ts';
import { TERMINAL_HEADER } from '../../../api/counting.ts';
import { formatEntry, parseEntry, type CountingEvent } from '../../../counting/index.ts';
import { err, ok, ruleError, type Ballot } from '../../../rules/index.ts';
import { parseEventRow } from '../../counting-data.ts';
import type { ServerDeps } from '../../deps.ts';
import { conflict, problem, unprocessable } from '../../problems.ts';
import { terminalName } from '../../terminals.ts';
import { json, serve, type Output } from '../../route.ts';
import { nowIso } from '../../tx.ts';
import { batchChange, myViewOf, operatorOf, terminalOf } from './shared.ts';

export const entryRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.openEntry, async (ctx) =>
    batchChange(deps, ctx, (l) => {
      const op = operatorOf(ctx);
      if (!op.ok) return op;
      const terminal = terminalOf(ctx, ctx.body.terminal);
      if (!terminal.ok) return terminal;
      if (terminal.value === null) {
        return err(unprocessable(ruleError('counting.terminal-required', `Cần cho biết máy nhập (tiêu đề ${TERMINAL_HEADER} hoặc trường "terminal").`,
          `Say which terminal this is (header ${TERMINAL_HEADER} or the field "terminal").`, 'body.terminal')));
      }
      const event: CountingEvent = { type: 'entry-opened', batchId: ctx.params.batch, operator: op.value.name, terminal: terminal.value, at: nowIso(deps) };
      return ok({ events: [event], answer: (s) => json(myViewOf(l, s, op.value.name), 201) });
    }));

  serve(app, deps, API.enterBallot, async (ctx) => {
    const op = operatorOf(ctx);
    if (!op.ok) return op;
    const body = ctx.body;
    const requestId = body.requestId ?? null;
    return batchChange<Output<typeof API.enterBallot>>(deps, ctx, async (l, batch, state, trx) => {
      const c = l.counting.ctx;
      const entry = state.entries.find((e) => e.operator === op.value.name);
      // A retried request (same key) already applied: one effect, and the caller is told so.
      if (requestId !== null) {
        const prior = await trx.selectFrom('counting_events').selectAll().where('batch_id', '=', batch.id).where('request_id', '=', requestId).executeTakeFirst();
        if (prior !== undefined) {
          const e = parseEventRow(prior);
          if (!e.ok) return e;
          if (e.value.type !== 'ballot-entered' || e.value.operator !== op.value.name || e.value.position !== body.position) {
            return err(conflict(ruleError('entry.request-reused', 'Mã yêu cầu này đã được dùng cho một thao tác khác.', 'This request id was already used for another action.', 'body.requestId')));
          }
          const ev = e.value;
          return ok({ events: [], answer: (s) => json({ position: ev.position, text: formatEntry(c, ev.ballot), duplicate: true, batch: myViewOf(l, s, op.value.name) }) });
        }
      }
      const terminal = terminalOf(ctx, body.terminal);
      if (!terminal.ok) return terminal;
      if (entry !== undefined && terminal.value !== null && terminal.value !== entry.terminal) {
        const there = terminalName(l.labels, entry.terminal);
        const here = terminalName(l.labels, terminal.value);
        return err(conflict(ruleError('entry.other-terminal',
          `Lần nhập của "${op.value.name}" cho tập "${batch.label}" đang ở máy ${there}, không phải máy này (${here}). Nếu máy kia hỏng, chọn «Tiếp tục lần nhập trên máy này» (hoặc nhờ Ban Kiểm phiếu chuyển lần nhập).`,
          `The entry of "${op.value.name}" for batch "${batch.label}" is at terminal ${there}, not this one (${here}). If that terminal failed, choose "Continue the entry on this terminal" (or ask the counting board to move it).`)));
      }
      const have = entry?.ballots.length ?? 0;
      if (entry !== undefined && !entry.closed && body.position !== have + 1) {
        return err(conflict(body.position <= have
          ? ruleError('entry.position-taken', `Phiếu thứ ${body.position} của tập "${batch.label}" đã được ghi (lần nhập đang có ${have} phiếu): yêu cầu này không được thực hiện.`,
            `Ballot ${body.position} of batch "${batch.label}" is already recorded (the entry holds ${have}): this request was not applied.`, 'body.position')
          : ruleError('entry.position-gap', `Phiếu tiếp theo của tập "${batch.label}" là phiếu thứ ${have + 1}, không phải thứ ${body.position}.`,
            `The next ballot of batch "${batch.label}" is number ${have + 1}, not ${body.position}.`, 'body.position')));
      }
      let ballot: Ballot;
      let text: string | undefined;
      if ('text' in body) {
        const parsed = parseEntry(c, body.text);
        if (!parsed.ok) return err(unprocessable({ ...parsed.error, field: 'body.text' }));
        ballot = parsed.value;
        text = body.text;
      } else {
        ballot = body.ballot;
      }
      const event: CountingEvent = {
        type: 'ballot-entered', batchId: ctx.params.batch, operator: op.value.name, terminal: entry?.terminal ?? terminal.value ?? 'unknown',
        at: nowIso(deps), position: body.position, ballot, ...(text === undefined ? {} : { text }),
      };
      return ok({
        events: [event], requestId,
        answer: (s) => json({ position: body.position, text: formatEntry(c, ballot), duplicate: false, batch: myViewOf(l, s, op.value.name) }, 201),
      });
    });
  });

  serve(app, deps, API.takeOverEntry, async (ctx) => {
    const op = operatorOf(ctx);
    if (!op.ok) return op;
    const whose = ctx.body.operator ?? op.value.name;
    // Moving someone else's entry is the board's decision; an operator moves only their own.
    if (whose !== op.value.name && !ctx.roles.includes('counting-board')) {
      return err(problem(403, ruleError('entry.move-other', `Chỉ Ban Kiểm phiếu chuyển được lần nhập của người khác ("${whose}").`,
        `Only the counting board can move someone else's entry ("${whose}").`, 'body.operator')));
    }
    const terminal = terminalOf(ctx, ctx.body.terminal);
    if (!terminal.ok) return terminal;
    const to = ctx.body.terminal ?? terminal.value;
    if (to === null) {
      return err(unprocessable(ruleError('counting.terminal-required', `Cần cho biết máy sẽ tiếp tục nhập (tiêu đề ${TERMINAL_HEADER} hoặc trường "terminal").`,
        `Say at which terminal the entry continues (header ${TERMINAL_HEADER} or the field "terminal").`, 'body.terminal')));
    }
    return batchChange(deps, ctx, (l, _batch, state) => {
      const entry = state.entries.find((e) => e.operator === whose);
      const event: CountingEvent = {
        type: 'entry-moved', batchId: ctx.params.batch, operator: op.value.name, terminal: to, at: nowIso(deps),
        moved: whose, from: entry?.terminal ?? to, note: ctx.body.note,
      };
      return ok({ events: [event], answer: (s) => json(myViewOf(l, s, whose)) });
    });
  });

  // Backspace: the last ballot of the operator's entry; `position` says which, so a retried undo takes back one only.
  serve(app, deps, API.undoBallot, async (ctx) => {
    const op = operatorOf(ctx);
    if (!op.ok) return op;
    return batchChange(deps, ctx, (l, batch, state) => {
      const entry = state.entries.find((e) => e.operator === op.value.name);
      const have = entry?.ballots.length ?? 0;
      if (entry !== undefined && !entry.closed && have > 0 && ctx.query.position !== have) {
        return err(conflict(ruleError('entry.undo-position', `Phiếu cuối của lần nhập là phiếu thứ ${have}, không phải thứ ${ctx.query.position}: không xóa gì.`,
          `The last ballot of the entry is number ${have}, not ${ctx.query.position}: nothing was undone.`, 'query.position')));
      }
      const event: CountingEvent = { type: 'ballot-undone', batchId: String(batch.number), operator: op.value.name, terminal: entry?.terminal ?? 'unknown', at: nowIso(deps), position: have };
      return ok({ events: [event], answer: (s) => json(myViewOf(l, s, op.value.name)) });
    });
  });

  serve(app, deps, API.closeEntry, async (ctx) => {
    const op = operatorOf(ctx);
    if (!op.ok) return op;
    return batchChange(deps, ctx, (l, batch, state) => {
      const entry = state.entries.find((e) => e.operator === op.value.name);
      const have = entry?.ballots.length ?? 0;
      if (ctx.body.ballots !== undefined && entry !== undefined && ctx.body.ballots !== have) {
        return err(conflict(ruleError('entry.close-count', `Máy chủ có ${have} phiếu của lần nhập này, không phải ${ctx.body.ballots}.`,
          `The server holds ${have} ballots of this entry, not ${ctx.body.ballots}.`, 'body.ballots')));
      }
      const event: CountingEvent = { type: 'entry-closed', batchId: String(batch.number), operator: op.value.name, terminal: entry?.terminal ?? 'unknown', at: nowIso(deps), ballots: have };
      return ok({ events: [event], answer: (s) => json(myViewOf(l, s, op.value.name)) });
    });
  });
};
