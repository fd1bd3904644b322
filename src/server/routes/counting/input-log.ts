/**
 * The input log (nhật ký nhập phiếu) of a round — JSON, printable text or CSV — and its verification: the log
 * replays through the counting core, every event has its audit entry (same SHA-256), the chain holds, and a
 * counted round's stored result equals the count replayed. While a batch is being entered, nobody reads its entries
 * here (its events are left out until every entry of it is closed): an entry copied is not independent.
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../../api/contract.ts';
import type { InputLogVerification } from '../../../api/counting.ts';
import { batchStatus, logLines, replayLog, roundResult, sameStoredCount, type BatchState, type CountingEvent } from '../../../counting/index.ts';
import { ok } from '../../../rules/index.ts';
import { verifyAuditChain } from '../../../store/audit.ts';
import { csvLine } from '../../../import/csv-cell.ts';
import { EVENT_AUDIT_ACTION, eventHash, parseEventRow, roundBatches, roundEventRows } from '../../counting-data.ts';
import type { ServerDeps } from '../../deps.ts';
import { file, json, serve } from '../../route.ts';
import { allBatches, load } from './shared.ts';

export const inputLogRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.inputLog, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const all = await allBatches(deps.db, l.value);
    const entering = new Set(all.ok ? all.value.states.filter((s) => batchStatus(l.value.counting.ctx, s) === 'entering').map((s) => s.spec.id) : []);
    // A log that does not replay is still exported as stored (the verification says where it breaks).
    const events: CountingEvent[] = [];
    for (const row of await roundEventRows(deps.db, l.value.round.id)) {
      const e = parseEventRow(row);
      if (!e.ok) return e;
      // Of a batch still being entered, only what the board did to the batch itself shows: never an entry's content.
      if (!entering.has(e.value.batchId) || e.value.type === 'batch-opened' || e.value.type === 'batch-recounted') events.push(e.value);
    }
    const lines = logLines(l.value.counting.ctx, events);
    const name = `nhat-ky-nhap-phieu-${ctx.congress.code}-bau-cu-${l.value.election.id}-vong-${l.value.round.number}`;
    switch (ctx.query.format) {
      case 'json':
        return ok(json({ roundId: l.value.round.id, lines, events }));
      case 'csv': {
        const header = ['stt', 'thoi_gian', 'tap', 'nguoi_nhap', 'may', 'vi_tri', 'thao_tac', 'action', 'noi_dung'];
        const body = lines.map((x) => csvLine([x.seq, x.time, x.batchId, x.operator, x.terminal, x.position, x.action_vi, x.action_en, x.detail]));
        return ok(file(Buffer.from(`\ufeff${[csvLine(header), ...body].join('\r\n')}\r\n`, 'utf8'), 'text/csv; charset=utf-8', `${name}.csv`));
      }
      case 'text': {
        const title = [
          `NHẬT KÝ NHẬP PHIẾU — ${l.value.election.title} — vòng ${l.value.round.number}`,
          `INPUT LOG — ${ctx.congress.organisation_name}`,
          '',
          'STT | Thời gian | Tập | Người nhập | Máy | Phiếu số | Thao tác | Nội dung',
        ];
        const body = lines.map((x) => [x.seq, x.time, x.batchId, x.operator, x.terminal, x.position ?? '', x.action_vi, x.detail].join(' | '));
        return ok(file(Buffer.from(`${[...title, ...body].join('\n')}\n`, 'utf8'), 'text/plain; charset=utf-8', `${name}.txt`, true));
      }
    }
  });

  serve(app, deps, API.verifyInputLog, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const round = l.value.round;
    const rows = await roundEventRows(deps.db, round.id);
    const events: CountingEvent[] = [];
    let replay: InputLogVerification['replay'] = { ok: true, index: null, message_vi: null, message_en: null };
    for (const [i, row] of rows.entries()) {
      const e = parseEventRow(row);
      if (!e.ok) {
        replay = { ok: false, index: i, message_vi: e.error.message_vi, message_en: e.error.message_en };
        break;
      }
      events.push(e.value);
    }
    let replayed = null;
    if (replay.ok) {
      const r = replayLog(l.value.counting.ctx, events);
      if (r.ok) replayed = r.value;
      else replay = { ok: false, index: r.error.index, message_vi: r.error.error.message_vi, message_en: r.error.error.message_en };
    }
    const audits = await deps.db.selectFrom('audit_log').select(['id', 'payload']).where('congress_id', '=', ctx.congress.id)
      .where('action', '=', EVENT_AUDIT_ACTION).where('subject', '=', `round:${round.id}`).orderBy('id').execute();
    const byEvent = new Map<number, string>();
    const orphaned: number[] = [];
    const eventIds = new Set(rows.map((r) => r.id));
    for (const a of audits) {
      const p = JSON.parse(a.payload) as { event?: unknown; sha256?: unknown };
      if (typeof p.event === 'number' && typeof p.sha256 === 'string' && eventIds.has(p.event) && !byEvent.has(p.event)) byEvent.set(p.event, p.sha256);
      else orphaned.push(a.id);
    }
    const missing: number[] = [];
    const altered: number[] = [];
    let matched = 0;
    for (const row of rows) {
      const h = byEvent.get(row.id);
      if (h === undefined) missing.push(row.id);
      else if (h !== eventHash(row)) altered.push(row.id);
      else matched += 1;
    }
    const chainCheck = await verifyAuditChain(deps.db);
    const chain = chainCheck.ok
      ? { ok: true, entries: chainCheck.value.entries, message_vi: null, message_en: null }
      : { ok: false, entries: chainCheck.error.intactBefore, message_vi: chainCheck.error.message_vi, message_en: chainCheck.error.message_en };
    let storedResultMatches: boolean | null = null;
    if (round.result !== null && replayed !== null && ['counted', 'published', 'approved'].includes(round.status) && round.counted_by !== 'hand') {
      const batches = await roundBatches(deps.db, round.id);
      const states = batches.map((b) => replayed.batches.get(String(b.number))).filter((s): s is BatchState => s !== undefined);
      const r = roundResult(l.value.counting.ctx, { issued: round.ballots_issued ?? 0, collected: round.ballots_collected ?? 0, batches: states });
      storedResultMatches = r.ok && sameStoredCount(r.value.count, round.result);
    }
    const auditOk = missing.length === 0 && altered.length === 0 && orphaned.length === 0;
    const out: InputLogVerification = {
      ok: replay.ok && auditOk && chain.ok && storedResultMatches !== false,
      events: rows.length, batches: new Set(rows.map((r) => r.batch_id)).size, replay,
      audit: { matched, missing, altered, orphaned }, chain, storedResultMatches,
    };
    return ok(json(out));
  });
};
