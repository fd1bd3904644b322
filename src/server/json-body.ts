/**
 * The JSON body parser: the route's size limit is Fastify's (checked while reading); before parsing, the nesting is
 * measured in one pass over the text and refused beyond what any schema of the contract has, so a body of nested
 * arrays costs one scan, never a deep parse.
 */
import type { FastifyInstance } from 'fastify';

/** No body of the contract nests deeper than this (objects and arrays). */
export const MAX_JSON_DEPTH = 16;

const OPEN = new Set(['{', '[']);
const CLOSE = new Set(['}', ']']);

/** The deepest nesting of objects and arrays in a JSON text (strings skipped); stops early beyond `limit`. */
export const jsonDepth = (text: string, limit = MAX_JSON_DEPTH): number => {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (OPEN.has(c)) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (CLOSE.has(c)) depth--;
  }
  return deepest;
};

class BodyProblem extends Error {
  constructor(readonly statusCode: number, readonly code: string) {
    super(code);
  }
}

export const installJsonParser = (app: FastifyInstance): void => {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') { done(null, undefined); return; }
    if (jsonDepth(text) > MAX_JSON_DEPTH) { done(new BodyProblem(400, 'FST_ERR_CTP_TOO_DEEP'), undefined); return; }
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(new BodyProblem(400, 'FST_ERR_CTP_INVALID_JSON_BODY'), undefined);
    }
  });
};

