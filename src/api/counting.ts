/**
 * The typed API of counting paper ballots: the counting board opens counting for a round, creates
 * batches, operators enter them independently from their terminals, the board reconciles, rules and finishes;
 * the input log is exported and verified. Every route is under
 * `/api/congresses/:code/elections/:electionId/rounds/:round`:
 *
 *   POST   /counting                              OpenCountingBody → CountingOverview      (board: voting → counting, or
 *                                                                                          new numbers while counting)
 *   GET    /counting                              → CountingOverview                      (board, operators)
 *   GET    /batches                               → BatchView[]                            (board, operators: own entry only)
 *   POST   /batches                               CreateBatchBody → BatchView (201)        (board)
 *   POST   /batches/:batch/recount                RecountBatchBody → BatchView             (board: counted again by hand)
 *   GET    /batches/:batch                        → MyBatchView                            (operator: own entry only)
 *   POST   /batches/:batch/entries                OpenEntryBody → MyBatchView (201)        (operator)
 *   POST   /batches/:batch/ballots                EnterBallotBody → EnteredBallot (201)    (operator; 200 on a retried requestId)
 *   DELETE /batches/:batch/ballots/last?position=N → MyBatchView                           (operator: Backspace)
 *   POST   /batches/:batch/close                  CloseEntryBody → MyBatchView             (operator)
 *   GET    /batches/:batch/reconciliation         → ReconciliationView                     (board)
 *   POST   /batches/:batch/rulings                RulingBody → ReconciliationView (201)    (board)
 *   POST   /batches/:batch/discard                DiscardEntryBody → ReconciliationView    (board)
 *   GET    /reconciliation                        → ReconciliationView[] (the queue)       (board)
 *   GET    /result                                → RoundResultView (provisional)          (board)
 *   POST   /counting/finish                       → RoundResultView                        (board: counting → counted)
 *   GET    /input-log?format=json|text|csv        → InputLogView | text | CSV              (board, admin)
 *   GET    /input-log/verify                      → InputLogVerification                   (board, admin)
 *
 * The operator's terminal is the header `x-daihoi-terminal` (TERMINAL_HEADER) or the body's `terminal`.
 * Refusals are `ApiErrorBody` with the counting core's code (`entry.row-out-of-range`, `batch.entered`,
 * `entry.over-physical`, `entry.same-operator`, …): 422 for what was typed, 409 for the state of the batch.
 */
import { z } from 'zod';
import { CountOutcomeSchema } from '../rules/index.ts';
import { RULING_REASONS } from '../counting/ruling-types.ts';
import { CongressCode, Count, Text } from './common.ts';
import { CountingEventSchema } from '../counting/schemas.ts';
import { BallotInput } from './ballot.ts';

export const TERMINAL_HEADER = 'x-daihoi-terminal';

/** A terminal's name: "may-1", "BKP-03", "scanner-a" (printable ASCII, no spaces). */
export const TerminalId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/u);
/** An idempotency key chosen by the client for one request (e.g. a UUID): a retry with the same key has one effect. */
export const RequestId = z.string().regex(/^[A-Za-z0-9._:-]{8,100}$/u);
/** The engine's batch id: the batch's number in the round, as text ("1", "2", …). */
export const BatchKey = z.string().regex(/^[1-9][0-9]{0,5}$/u);
export const CountingRulingReason = z.enum(RULING_REASONS);
/** One typed line of the keyboard syntax (src/counting/keyboard-entry.ts). */
export const EntryText = z.string().min(1).max(2000).regex(/^[^\u0000-\u001f\u007f]*$/u);

export const OpenCountingBody = z.object({
  /** Ballots issued by the counting board. */
  issued: Count,
  /** Ballots collected from the boxes. */
  collected: Count,
}).strict();
export type OpenCountingBody = z.infer<typeof OpenCountingBody>;

export const CreateBatchBody = z.object({
  label: z.string().trim().min(1).max(200),
  /** Ballots in the batch, counted by hand. */
  physicalCount: z.number().int().min(1).max(100_000),
}).strict();
export type CreateBatchBody = z.infer<typeof CreateBatchBody>;

export const OpenEntryBody = z.object({ terminal: TerminalId.optional() }).strict();
export type OpenEntryBody = z.infer<typeof OpenEntryBody>;

/**
 * One ballot: `text` typed on the keyboard (parsed by the server), or `ballot` as the machine reader read it
 * (candidate keys are candidate ids). `position` is the place in the stack the client is entering (1-based):
 * the server refuses anything but the next one, so a retried or doubled request never adds a second ballot.
 */
export const EnterBallotBody = z.union([
  z.object({ position: z.number().int().min(1).max(100_000), text: EntryText, requestId: RequestId.optional(), terminal: TerminalId.optional() }).strict(),
  z.object({ position: z.number().int().min(1).max(100_000), ballot: BallotInput, requestId: RequestId.optional(), terminal: TerminalId.optional() }).strict(),
]);
export type EnterBallotBody = z.infer<typeof EnterBallotBody>;

export const UndoBallotQuery = z.object({
  /** The position of the ballot being taken back: the last one of the entry. */
  position: z.coerce.number().int().min(1).max(100_000),
  terminal: TerminalId.optional(),
}).strict();

export const CloseEntryBody = z.object({
  /** The number of ballots the operator believes they entered (checked). */
  ballots: z.number().int().min(0).max(100_000).optional(),
  terminal: TerminalId.optional(),
}).strict();

export const RulingBody = z.union([
  z.object({ position: z.number().int().min(1).max(100_000), text: EntryText, reason: CountingRulingReason, note: z.string().max(2000).default(''), terminal: TerminalId.optional() }).strict(),
  z.object({ position: z.number().int().min(1).max(100_000), ballot: BallotInput, reason: CountingRulingReason, note: z.string().max(2000).default(''), terminal: TerminalId.optional() }).strict(),
]);
export type RulingBody = z.infer<typeof RulingBody>;

/**
 * An open entry continues at another terminal (the operator's PC failed): the operator takes their own entry over
 * to the terminal they are at, or a board member moves anyone's entry (`operator`). The reason is in the log.
 */
export const TakeOverEntryBody = z.object({
  /** Whose entry (user name); absent: the caller's own. */
  operator: z.string().min(1).max(200).optional(),
  note: Text(2000),
  /** Where it continues; absent: the terminal of the request (its header). */
  terminal: TerminalId.optional(),
}).strict();
export type TakeOverEntryBody = z.infer<typeof TakeOverEntryBody>;

/** The label the room reads on a terminal ("Máy 3"), chosen at the terminal. */
export const TerminalLabel = Text(40);
export const TerminalParams = z.object({ code: CongressCode, terminal: TerminalId });
export const TerminalLabelBody = z.object({ label: TerminalLabel }).strict();
export const TerminalView = z.object({ terminal: TerminalId, label: z.string().nullable() });
export type TerminalView = z.infer<typeof TerminalView>;

export const DiscardEntryBody = z.object({
  /** The operator (user name) whose entry is discarded. */
  operator: z.string().min(1).max(200),
  note: z.string().trim().min(1).max(2000),
  terminal: TerminalId.optional(),
}).strict();

/** The batch counted again by hand: its new physical count, and why (the old one stays in the input log). */
export const RecountBatchBody = z.object({
  physicalCount: z.number().int().min(1).max(100_000),
  note: z.string().trim().min(1).max(2000),
  terminal: TerminalId.optional(),
}).strict();

export const BatchStatus = z.enum(['entering', 'reconciling', 'final']);

/** A batch as anyone at the counting tables may see it: never the content of an entry. */
export const BatchView = z.object({
  id: BatchKey,
  label: z.string(),
  physicalCount: z.number(),
  entriesRequired: z.number(),
  status: BatchStatus,
  /** Entries opened and closed so far (not whose, not what). */
  entriesOpened: z.number(),
  entriesClosed: z.number(),
  /** The caller's own entry: ballots entered against the physical count; null when they have none. */
  myEntry: z.object({ ballots: z.number(), closed: z.boolean() }).nullable(),
  /** Where each entry is typed and how far it is (never what it holds): the board moves one whose terminal failed. */
  entryPlaces: z.array(z.object({ operator: z.string(), terminal: z.string(), terminalLabel: z.string().nullable(), ballots: z.number(), closed: z.boolean() })),
});
export type BatchView = z.infer<typeof BatchView>;

/** The operator's own entry of one batch, with the lines entered (to read back and undo); nobody else's. */
export const MyBatchView = BatchView.extend({
  myLines: z.array(z.object({ position: z.number(), text: z.string() })),
  terminal: z.string().nullable(),
});
export type MyBatchView = z.infer<typeof MyBatchView>;

export const EnteredBallot = z.object({
  position: z.number(),
  /** The ballot read back in the canonical syntax (`formatEntry`). */
  text: z.string(),
  /** True when this answers a retry of a request already applied (same requestId): nothing was added. */
  duplicate: z.boolean(),
  batch: MyBatchView,
});
export type EnteredBallot = z.infer<typeof EnteredBallot>;

/** A row of the ballot form, in paper order: what the operator's row numbers mean. */
export const BallotRow = z.object({ row: z.number(), candidateId: z.string(), name: z.string() });

export const CountingOverview = z.object({
  roundId: z.number(),
  status: z.string(),
  form: z.enum(['strike-out', 'agree-disagree', 'single', 'opinion-poll', 'write-in']),
  seats: z.number(),
  issued: z.number().nullable(),
  collected: z.number().nullable(),
  entriesRequired: z.number(),
  rows: z.array(BallotRow),
  batches: z.array(BatchView),
  /** Sum of the batches' physical counts, to compare with `collected`. */
  physicalTotal: z.number(),
});
export type CountingOverview = z.infer<typeof CountingOverview>;

export const EntrySide = z.object({ operator: z.string(), terminal: z.string(), text: z.string(), ballot: BallotInput });
export const DisagreementView = z.object({
  position: z.number(),
  /** What each entry says, side by side, in the order the entries were opened. */
  entries: z.array(EntrySide),
  difference: z.object({
    rows: z.array(z.string()),
    /** The differing rows as numbers and names, for the board's screen. */
    rowsShown: z.array(BallotRow),
    writeIn: z.boolean(),
    flags: z.array(z.string()),
  }),
  ruling: z.object({ reason: CountingRulingReason, note: z.string(), by: z.string(), text: z.string() }).nullable(),
});
export type DisagreementView = z.infer<typeof DisagreementView>;

export const EntryTotalsView = z.object({
  operator: z.string(), valid: z.number(), invalid: z.number(),
  invalidByReason: z.record(z.string(), z.number()), votes: z.array(z.number()),
});

export const ReconciliationView = z.object({
  batchId: BatchKey,
  label: z.string(),
  status: BatchStatus,
  positions: z.number(),
  disagreements: z.array(DisagreementView),
  totals: z.array(EntryTotalsView),
  totalsAgree: z.boolean(),
  unruled: z.number(),
  final: z.boolean(),
});
export type ReconciliationView = z.infer<typeof ReconciliationView>;

const Message = { message_vi: z.string(), message_en: z.string() };
export const RoundResultView = z.object({
  /** The rules core's CountOutcome (`{ type, count }`), what the round stores once counted. */
  count: CountOutcomeSchema,
  countedBatches: z.array(z.string()),
  ballotsCounted: z.number(),
  complete: z.boolean(),
  anomalies: z.array(z.object({ code: z.string(), ...Message }).loose()),
  next: z.object({ type: z.string(), ...Message }).loose(),
  roundStatus: z.string(),
});
export type RoundResultView = z.infer<typeof RoundResultView>;

export const InputLogLine = z.object({
  seq: z.number(), time: z.string(), batchId: z.string(), operator: z.string(), terminal: z.string(),
  position: z.number().nullable(), action_vi: z.string(), action_en: z.string(), detail: z.string(),
});
export const InputLogQuery = z.object({ format: z.enum(['json', 'text', 'csv']).default('json') }).strict();
export const InputLogView = z.object({
  roundId: z.number(),
  lines: z.array(InputLogLine),
  /** The stored events themselves, in the order applied. */
  events: z.array(CountingEventSchema),
});
export type InputLogView = z.infer<typeof InputLogView>;

export const InputLogVerification = z.object({
  ok: z.boolean(),
  events: z.number(),
  batches: z.number(),
  /** The log replays through the counting core's transitions without a refusal. */
  replay: z.object({ ok: z.boolean(), index: z.number().nullable(), message_vi: z.string().nullable(), message_en: z.string().nullable() }),
  /** Each stored event has its audit entry (same id, same SHA-256), and no audit entry lacks its event. */
  audit: z.object({ matched: z.number(), missing: z.array(z.number()), altered: z.array(z.number()), orphaned: z.array(z.number()) }),
  /** The audit log's hash chain is intact. */
  chain: z.object({ ok: z.boolean(), entries: z.number(), message_vi: z.string().nullable(), message_en: z.string().nullable() }),
  /** For a counted round: the stored result equals the count replayed from the log. */
  storedResultMatches: z.boolean().nullable(),
});
export type InputLogVerification = z.infer<typeof InputLogVerification>;
