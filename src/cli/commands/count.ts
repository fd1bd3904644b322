import { countBallots } from '../../rules/index.ts';
import { parseCountFile } from '../count-file.ts';
import { countToJson } from '../count-output.ts';
import { countToText } from '../count-text.ts';
import { EXIT_BAD_INPUT, EXIT_OK, printError, readJsonFile } from '../io.ts';
import { requireFile, type Command } from '../command.ts';

/** `daihoi count FILE [--text]`: counts a JSON count file by the rules. */
export const countCommand: Command = async (args, io) => {
  const file = requireFile('count', args, io);
  if (file === null) return EXIT_BAD_INPUT;
  const json = await readJsonFile(file);
  if (!json.ok) return printError(io, json.error);
  const input = parseCountFile(json.value);
  if (!input.ok) return printError(io, input.error);
  const outcome = countBallots(input.value.spec, input.value.ballots);
  if (!outcome.ok) return printError(io, outcome.error);
  const { spec, measured } = input.value;
  io.stdout(args.flags['text'] === true
    ? `${countToText(spec, outcome.value, measured)}\n`
    : `${JSON.stringify(countToJson(outcome.value, spec, measured), null, 2)}\n`);
  return EXIT_OK;
};
