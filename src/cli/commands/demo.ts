import { loadDemo } from '../../demo/load.ts';
import { formatInteger } from '../../locale/vi.ts';
import { loadAttendance } from '../../store/attendance.ts';
import { openConfiguredDatabase } from '../../store/migrate.ts';
import { EXIT_OK, printError } from '../io.ts';
import type { Command } from '../command.ts';

/** `daihoi demo [--replace] [--database URL]`: loads the seed congress and prints the demo accounts once. */
export const demoCommand: Command = async (args, io) => {
  const opened = await openConfiguredDatabase(args.flags['database']);
  if (!opened.ok) return printError(io, opened.error);
  try {
    const loaded = await loadDemo(opened.value.db, { replace: args.flags['replace'] === true, actor: 'system:cli-demo' });
    if (!loaded.ok) return printError(io, loaded.error);
    const { congressId, code, delegates, credentials, replaced } = loaded.value;
    const attendance = await loadAttendance(opened.value.db, congressId);
    const base = attendance.ok ? formatInteger(attendance.value.base) : '?';
    const width = Math.max(...credentials.map((c) => c.username.length));
    io.stdout([
      `${replaced ? 'Đã nạp lại' : 'Đã nạp'} đại hội mẫu "${code}" (#${congressId}) vào ${opened.value.description}:`,
      'Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh Lạng Sơn lần thứ XIV, nhiệm kỳ 2020 - 2025',
      `${formatInteger(delegates)} đại biểu (256 chính thức được triệu tập), 69 tổ chức cơ sở đảng, số cơ sở (N_base) ${base}.`,
      `Seed congress "${code}" loaded (${delegates} delegates).`,
      '',
      'Tài khoản mẫu (mật khẩu chỉ in một lần) / demo accounts (passwords are printed only once):',
      ...credentials.map((c) => `  ${c.username.padEnd(width)}  ${c.password}  ${c.role}  ${c.displayName}`),
      '',
    ].join('\n'));
    return EXIT_OK;
  } finally {
    await opened.value.close();
  }
};
