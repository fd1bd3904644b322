import { z } from 'zod';
import { inBallotOrder } from '../../rules/index.ts';
import { parseInput } from '../count-file.ts';
import { EXIT_BAD_INPUT, EXIT_OK, printError, readJsonFile } from '../io.ts';
import { requireFile, type Command } from '../command.ts';

const orderFileSchema = z.array(
  z.looseObject({ name: z.string().min(1), birthDate: z.iso.date().optional().nullable() }),
);

/** `daihoi order FILE`: prints the same objects in ballot order (docs/rules.md §4). */
export const orderCommand: Command = async (args, io) => {
  const file = requireFile('order', args, io);
  if (file === null) return EXIT_BAD_INPUT;
  const json = await readJsonFile(file);
  if (!json.ok) return printError(io, json.error);
  const parsed = parseInput(orderFileSchema, json.value);
  if (!parsed.ok) return printError(io, parsed.error);
  // Sort positions, then print the objects exactly as read (zod's copies may reorder or drop fields).
  const original = json.value as readonly unknown[];
  const positions = inBallotOrder(parsed.value.map((person, position) => ({ ...person, position })));
  io.stdout(`${JSON.stringify(positions.map((p) => original[p.position]), null, 2)}\n`);
  return EXIT_OK;
};
