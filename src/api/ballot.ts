/** A ballot at the API: the rules core's ballot schema with candidates named by their row ids (as text). */
import { z } from 'zod';
import { ballotSchema } from '../rules/index.ts';

/** A candidate as the API names it on a ballot: the row id of the candidate, as text. */
export const CandidateKey = z.string().regex(/^[0-9]{1,10}$/u);
export const BallotInput = ballotSchema(CandidateKey, 2000);
export type BallotInput = z.infer<typeof BallotInput>;
