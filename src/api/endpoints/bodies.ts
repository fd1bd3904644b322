/** The congress's bodies (presidium, secretariat, credentials committee, counting boards) and show-of-hands votes. */
import { z } from 'zod';
import { CHAIR, EVERYONE, OFFICE } from '../access.ts';
import { ApproveBody, BodyBody, BodyPatch, BodyView, VoidBody, VoteBody, VoteView } from '../bodies.ts';
import { CongressIdParams, CongressParams } from '../common.ts';
import { endpoint } from '../endpoint.ts';

export const bodyEndpoints = {
  listBodies: endpoint({ method: 'GET', path: '/api/congresses/:code/bodies', params: CongressParams, response: z.array(BodyView), access: EVERYONE }),
  createBody: endpoint({ method: 'POST', path: '/api/congresses/:code/bodies', params: CongressParams, body: BodyBody, response: BodyView, access: OFFICE }),
  /** Until the congress approves it; then 409. */
  updateBody: endpoint({ method: 'PATCH', path: '/api/congresses/:code/bodies/:id', params: CongressIdParams, body: BodyPatch, response: BodyView, access: OFFICE }),
  approveBody: endpoint({ method: 'POST', path: '/api/congresses/:code/bodies/:id/approval', params: CongressIdParams, body: ApproveBody, response: VoteView, access: CHAIR }),
  listVotes: endpoint({ method: 'GET', path: '/api/congresses/:code/votes', params: CongressParams, response: z.array(VoteView), access: EVERYONE }),
  /** The chair voids a wrong show-of-hands record with a reason; it stays in the record, struck through. */
  voidVote: endpoint({ method: 'POST', path: '/api/congresses/:code/votes/:id/void', params: CongressIdParams, body: VoidBody, response: VoteView, access: CHAIR }),
  recordVote: endpoint({ method: 'POST', path: '/api/congresses/:code/votes', params: CongressParams, body: VoteBody, response: VoteView, access: CHAIR }),
} as const;
