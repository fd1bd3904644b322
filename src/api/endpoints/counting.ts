/**
 * Counting paper ballots: the board opens counting for a round and creates batches; operators enter them
 * independently from their terminals; the board reconciles, rules and finishes; the input log is exported and
 * verified. An operator never receives another entry of a batch.
 */
import { z } from 'zod';
import { COUNTING_BOARD, COUNTING_OPERATORS, COUNTING_STAFF, READERS } from '../access.ts';
import { CongressParams, RoundParams } from '../common.ts';
import {
  BatchKey, BatchView, CloseEntryBody, CountingOverview, CreateBatchBody, DiscardEntryBody, EnterBallotBody, EnteredBallot,
  InputLogQuery, InputLogVerification, InputLogView, MyBatchView, OpenCountingBody, OpenEntryBody, ReconciliationView,
  RecountBatchBody, RoundResultView, RulingBody, TakeOverEntryBody, TerminalLabelBody, TerminalParams, TerminalView, UndoBallotQuery,
} from '../counting.ts';
import { endpoint } from '../endpoint.ts';

export const BatchParams = RoundParams.extend({ batch: BatchKey });
const R = '/api/congresses/:code/elections/:electionId/rounds/:round' as const;
const B = `${R}/batches/:batch` as const;

export const countingEndpoints = {
  openCounting: endpoint({ method: 'POST', path: `${R}/counting`, params: RoundParams, body: OpenCountingBody, response: CountingOverview, access: COUNTING_BOARD }),
  countingOverview: endpoint({ method: 'GET', path: `${R}/counting`, params: RoundParams, response: CountingOverview, access: COUNTING_STAFF }),
  finishCounting: endpoint({ method: 'POST', path: `${R}/counting/finish`, params: RoundParams, response: RoundResultView, access: COUNTING_BOARD }),
  listBatches: endpoint({ method: 'GET', path: `${R}/batches`, params: RoundParams, response: z.array(BatchView), access: COUNTING_STAFF }),
  createBatch: endpoint({ method: 'POST', path: `${R}/batches`, params: RoundParams, body: CreateBatchBody, response: BatchView, access: COUNTING_BOARD }),
  recountBatch: endpoint({ method: 'POST', path: `${B}/recount`, params: BatchParams, body: RecountBatchBody, response: BatchView, access: COUNTING_BOARD }),
  myBatch: endpoint({ method: 'GET', path: B, params: BatchParams, response: MyBatchView, access: COUNTING_OPERATORS }),
  openEntry: endpoint({ method: 'POST', path: `${B}/entries`, params: BatchParams, body: OpenEntryBody, response: MyBatchView, access: COUNTING_OPERATORS }),
  enterBallot: endpoint({ method: 'POST', path: `${B}/ballots`, params: BatchParams, body: EnterBallotBody, response: EnteredBallot, access: COUNTING_OPERATORS }),
  undoBallot: endpoint({ method: 'DELETE', path: `${B}/ballots/last`, params: BatchParams, query: UndoBallotQuery, response: MyBatchView, access: COUNTING_OPERATORS }),
  closeEntry: endpoint({ method: 'POST', path: `${B}/close`, params: BatchParams, body: CloseEntryBody, response: MyBatchView, access: COUNTING_OPERATORS }),
  /** The entry continues at another terminal: the operator's own (they confirm), or anyone's by the board. */
  takeOverEntry: endpoint({ method: 'POST', path: `${B}/take-over`, params: BatchParams, body: TakeOverEntryBody, response: MyBatchView, access: COUNTING_OPERATORS }),
  batchReconciliation: endpoint({ method: 'GET', path: `${B}/reconciliation`, params: BatchParams, response: ReconciliationView, access: COUNTING_BOARD }),
  rule: endpoint({ method: 'POST', path: `${B}/rulings`, params: BatchParams, body: RulingBody, response: ReconciliationView, access: COUNTING_BOARD }),
  discardEntry: endpoint({ method: 'POST', path: `${B}/discard`, params: BatchParams, body: DiscardEntryBody, response: BatchView, access: COUNTING_BOARD }),
  reconciliation: endpoint({ method: 'GET', path: `${R}/reconciliation`, params: RoundParams, response: z.array(ReconciliationView), access: COUNTING_BOARD }),
  roundResult: endpoint({ method: 'GET', path: `${R}/result`, params: RoundParams, response: RoundResultView, access: COUNTING_BOARD }),
  /** JSON, or with `format=text|csv` a file. Nobody reads an entry of a batch until all its entries are closed. */
  inputLog: endpoint({ method: 'GET', path: `${R}/input-log`, params: RoundParams, query: InputLogQuery, response: InputLogView, access: ['admin', 'counting-board'] }),
  verifyInputLog: endpoint({ method: 'GET', path: `${R}/input-log/verify`, params: RoundParams, response: InputLogVerification, access: ['admin', 'counting-board'] }),

  /** A terminal's label for the room ("Máy 3"): read by anyone on the staff, set at the terminal by who works there. */
  listTerminals: endpoint({ method: 'GET', path: '/api/congresses/:code/terminals', params: CongressParams, response: z.array(TerminalView), access: READERS }),
  getTerminal: endpoint({ method: 'GET', path: '/api/congresses/:code/terminals/:terminal', params: TerminalParams, response: TerminalView, access: READERS }),
  setTerminalLabel: endpoint({ method: 'PUT', path: '/api/congresses/:code/terminals/:terminal', params: TerminalParams, body: TerminalLabelBody, response: TerminalView, access: [...COUNTING_STAFF, 'secretariat'] }),
} as const;
