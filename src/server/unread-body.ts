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

/** A body a handler refused part-way through is read and dropped up to this size; past it the connection is closed. */
export const DROPPED_REST_BYTES = 64 * 1024 * 1024;

/**
 * The rest of a body a handler refused part-way through reading: a stack refused at its first file that is not a
 * scan, the rest of the stack still on the way. Node discards a body nobody began to read, not one a reader (the
 * multipart parser) began and left: the kept-alive connection waits behind it, and the sender's next request on it
 * (the console reloading its job list) is never answered. The sender is authorised (the handler ran), so the rest
 * is read and dropped and the sender reads the refusal; past `DROPPED_REST_BYTES` the connection is closed.
 */
export const dropUnreadRest = (req: FastifyRequest, reply: FastifyReply): FastifyReply => {
  const raw = req.raw;
  if (raw.complete || raw.readableEnded || raw.destroyed) return reply;
  raw.unpipe();
  let dropped = 0;
  raw.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DROPPED_REST_BYTES) raw.destroy();
  });
  raw.resume();
  return reply;
};
