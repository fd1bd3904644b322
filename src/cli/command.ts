/** What every command is: its arguments in, an exit code out; and the helpers commands share. */
import type { CliIo } from './io.ts';

export interface CommandArgs {
  readonly positionals: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
}

export type Command = (args: CommandArgs, io: CliIo) => Promise<number>;

/** The first positional argument, the file a command works on; a usage error when it is missing. */
export const requireFile = (name: string, args: CommandArgs, io: CliIo): string | null => {
  const file = args.positionals[0];
  if (file === undefined) {
    io.stderr(`Lỗi: lệnh "${name}" cần tên tệp.\nError: "${name}" needs a file name.\n`);
    return null;
  }
  return file;
};

/** A flag that takes a value (declared in VALUE_FLAGS): its text, or undefined when absent or empty. */
export const stringFlag = (args: CommandArgs, name: string): string | undefined => {
  const v = args.flags[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};
