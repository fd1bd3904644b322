import { formatInteger } from '../../locale/vi.ts';
import { verifyAuditChain } from '../../store/audit.ts';
import { openConfiguredDatabase } from '../../store/migrate.ts';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, printError } from '../io.ts';
import { stringFlag, type Command } from '../command.ts';

/**
 * `daihoi audit verify [--head HASH] [--database URL]`: walks the hash chain; exit 0 intact, 1 broken. `--head`: the
 * hash printed in a set of minutes — the chain must still reach it (exit 1 when its last entries were removed).
 */
export const auditCommand: Command = async (args, io) => {
  if (args.positionals[0] !== 'verify') {
    io.stderr('Cách dùng: daihoi audit verify [--head MÃ-BĂM] [--database URL]\nUsage: daihoi audit verify [--head HASH] [--database URL]\n');
    return EXIT_BAD_INPUT;
  }
  const opened = await openConfiguredDatabase(args.flags['database']);
  if (!opened.ok) return printError(io, opened.error);
  try {
    const head = stringFlag(args, 'head');
    if (head !== undefined && !/^[0-9a-f]{64}$/iu.test(head.trim())) {
      io.stderr(`Lỗi [head]: mã băm "${head}" phải gồm 64 chữ số thập lục phân.\nError [head]: the hash "${head}" must be 64 hexadecimal digits.\n`);
      return EXIT_BAD_INPUT;
    }
    const result = await verifyAuditChain(opened.value.db, head);
    if (result.ok) {
      const { entries, lastHash, headId } = result.value;
      const reached = headId === null ? '' : `Chuỗi đi qua mã băm đã ghi (mục #${headId}) / the chain reaches the recorded head (entry #${headId})\n`;
      io.stdout(`Chuỗi nhật ký toàn vẹn: ${formatInteger(entries)} mục\n`
        + `The audit chain is intact: ${entries} entries\nMã băm cuối / head hash: ${lastHash}\n${reached}`);
      return EXIT_OK;
    }
    const b = result.error;
    io.stdout(`Chuỗi nhật ký bị phá vỡ tại mục #${b.id} (${formatInteger(b.intactBefore)} mục trước đó toàn vẹn): `
      + `${b.message_vi}\nThe audit chain is broken at entry #${b.id}: ${b.message_en}\n`);
    return EXIT_FAILED;
  } finally {
    await opened.value.close();
  }
};
