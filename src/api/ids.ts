/**
 * Ids with a brand: an election's id cannot be passed where a delegate's is expected. Parsed from paths (text,
 * coerced) and from bodies (numbers); the server brands database ids where it reads them (`as…`), the web app
 * receives them branded from the views.
 */
import { z } from 'zod';

const MAX_ID = 2_147_483_647;
const fromPath = () => z.coerce.number().int().positive().max(MAX_ID);
const inBody = () => z.number().int().positive().max(MAX_ID);

export const CongressId = inBody().brand<'CongressId'>();
export type CongressId = z.output<typeof CongressId>;
export const ElectionId = inBody().brand<'ElectionId'>();
export type ElectionId = z.output<typeof ElectionId>;
/** A round's row id (a round is addressed in paths by its number in the election: RoundNumber). */
export const RoundId = inBody().brand<'RoundId'>();
export type RoundId = z.output<typeof RoundId>;
export const RoundNumber = z.coerce.number().int().min(1).max(1000).brand<'RoundNumber'>();
export type RoundNumber = z.output<typeof RoundNumber>;
export const DelegateId = inBody().brand<'DelegateId'>();
export type DelegateId = z.output<typeof DelegateId>;
/** A candidate's row on a round's list (the rules core knows it by the text of this number). */
export const CandidateRowId = inBody().brand<'CandidateRowId'>();
export type CandidateRowId = z.output<typeof CandidateRowId>;

export const ElectionIdParam = fromPath().brand<'ElectionId'>();
export const DelegateIdParam = fromPath().brand<'DelegateId'>();
export const CandidateRowIdParam = fromPath().brand<'CandidateRowId'>();

/** Database ids brand here, where rows become views. */
export const asCongressId = (n: number): CongressId => n as CongressId;
export const asElectionId = (n: number): ElectionId => n as ElectionId;
export const asRoundId = (n: number): RoundId => n as RoundId;
export const asRoundNumber = (n: number): RoundNumber => n as RoundNumber;
export const asDelegateId = (n: number): DelegateId => n as DelegateId;
export const asCandidateRowId = (n: number): CandidateRowId => n as CandidateRowId;
