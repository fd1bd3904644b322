/**
 * What becomes of a body refused before it is read. Node reads and discards the rest of it to keep the connection
 * alive: cheap for a small body, whose sender then reads the refusal cleanly; a stranger's 50 MB would cost the event
 * loop what reading it would. So a large (or unsized) body refused unread closes the connection: its sender may see
 * the connection cut instead of the answer, which only a request of that size risks.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Bodies up to this size are drained so that their sender reads the refusal. */
export const DRAINED_BODY_BYTES = 1024 * 1024;

export const closeIfLargeUnread = (req: FastifyRequest, reply: FastifyReply): FastifyReply => {
  const length = req.headers['content-length'];
  const large = req.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) > DRAINED_BODY_BYTES);
  return large ? reply.header('connection', 'close') : reply;
};
