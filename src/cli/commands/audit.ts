import { formatInteger } from '../../locale/vi.ts';
import { verifyAuditChain } from '../../store/audit.ts';
import { openConfiguredDatabase } from '../../store/migrate.ts';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, printError } from '../io.ts';
import type { Command } from '../run.ts';

/** `daihoi audit verify [--database URL]`: walks the hash chain; exit 0 intact, 1 broken. */
export const auditCommand: Command = async (args, io) => {
  if (args.positionals[0] !== 'verify') {
    io.stderr('Cách dùng: daihoi audit verify [--database URL]\nUsage: daihoi audit verify [--database URL]\n');
    return EXIT_BAD_INPUT;
  }
  const opened = await openConfiguredDatabase(args.flags['database']);
  if (!opened.ok) return printError(io, opened.error);
  try {
    const result = await verifyAuditChain(opened.value.db);
    if (result.ok) {
      const { entries, lastHash } = result.value;
      io.stdout(`Chuỗi nhật ký toàn vẹn: ${formatInteger(entries)} mục\n`
        + `The audit chain is intact: ${entries} entries\nMã băm cuối / head hash: ${lastHash}\n`);
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
