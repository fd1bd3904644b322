/**
 * zod schemas of what the counting core stores: the input-log events and batch specs, to parse them back from
 * the database or an export before `replayLog` (nothing unparsed reaches the core). Candidate ids are plain
 * strings here; the API narrows them.
 */
import { z } from 'zod';
import { ballotSchema, type Ballot } from '../rules/index.ts';
import type { BatchSpec } from './batch.ts';
import type { CountingEvent } from './input-log.ts';
import { RULING_REASONS } from './ruling-types.ts';

const Id = z.string().min(1).max(200);

export const BallotSchema: z.ZodType<Ballot> = ballotSchema(Id);

export const BatchSpecSchema: z.ZodType<BatchSpec> = z.object({
  id: Id,
  label: z.string().max(200),
  physicalCount: z.number().int().min(1).max(100_000),
  entriesRequired: z.union([z.literal(2), z.literal(3)]),
}).strict();

const meta = { batchId: Id, operator: Id, terminal: Id, at: z.iso.datetime() };
const Position = z.number().int().min(1).max(100_000);

export const CountingEventSchema: z.ZodType<CountingEvent> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('batch-opened'), batch: BatchSpecSchema, ...meta }).strict(),
  z.object({ type: z.literal('batch-recounted'), from: z.number().int().min(1).max(100_000), physicalCount: z.number().int().min(1).max(100_000), note: z.string().max(2000), ...meta }).strict(),
  z.object({ type: z.literal('entry-opened'), ...meta }).strict(),
  z.object({ type: z.literal('ballot-entered'), position: Position, ballot: BallotSchema, text: z.string().max(20_000).optional(), ...meta }).strict(),
  z.object({ type: z.literal('ballot-undone'), position: Position, ...meta }).strict(),
  z.object({ type: z.literal('entry-closed'), ballots: z.number().int().min(0), ...meta }).strict(),
  z.object({ type: z.literal('entry-discarded'), discarded: Id, note: z.string().max(2000), ...meta }).strict(),
  z.object({ type: z.literal('entry-moved'), moved: Id, from: Id, note: z.string().max(2000), ...meta }).strict(),
  z.object({ type: z.literal('ruling'), position: Position, ballot: BallotSchema, reason: z.enum(RULING_REASONS), note: z.string().max(2000), ...meta }).strict(),
]);
