/**
 * The printed documents of a congress, built by the server from its database: each answers a file (PDF, or Word
 * with `format=docx` where both exist). The congress staff print; the counting board prints its own election's
 * ballots, minutes and input log; cards carry each delegate's sign-in token, so only the office prints them.
 */
import { CHAIR, OFFICE } from '../access.ts';
import { CongressParams, RoundParams } from '../common.ts';
import { endpoint, FILE } from '../endpoint.ts';
import { BallotsQuery, CardsQuery, CredentialsQuery, PrintFormatQuery, SessionPrintQuery, ShowOfHandsQuery } from '../printouts.ts';

const P = '/api/congresses/:code/printouts' as const;
const R = `${P}/elections/:electionId/rounds/:round` as const;
const BOARD_PRINTS = [...CHAIR, 'counting-board'] as const;

export const printoutEndpoints = {
  printBallots: endpoint({ method: 'GET', path: `${R}/ballots`, params: RoundParams, query: BallotsQuery, response: FILE, access: BOARD_PRINTS }),
  /** The kind of election picks the form (delegation, opinion poll, secretary poll …). */
  printMinutes: endpoint({ method: 'GET', path: `${R}/minutes`, params: RoundParams, query: PrintFormatQuery, response: FILE, access: BOARD_PRINTS }),
  printInputLog: endpoint({ method: 'GET', path: `${R}/input-log`, params: RoundParams, query: PrintFormatQuery, response: FILE, access: BOARD_PRINTS }),
  printCards: endpoint({ method: 'GET', path: `${P}/delegate-cards`, params: CongressParams, query: CardsQuery, response: FILE, access: OFFICE }),
  printCredentials: endpoint({ method: 'GET', path: `${P}/credentials-report`, params: CongressParams, query: CredentialsQuery, response: FILE, access: CHAIR }),
  printAttendance: endpoint({ method: 'GET', path: `${P}/attendance-report`, params: CongressParams, query: SessionPrintQuery, response: FILE, access: CHAIR }),
  printShowOfHands: endpoint({ method: 'GET', path: `${P}/show-of-hands`, params: CongressParams, query: ShowOfHandsQuery, response: FILE, access: CHAIR }),
} as const;
