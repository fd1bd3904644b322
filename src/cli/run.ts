import { parseArgs } from 'node:util';
import type { Command } from './command.ts';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io.ts';

export const HELP = `Đại Hội — hệ thống điều hành đại hội Đảng

Cách dùng / Usage: daihoi <lệnh> [tùy chọn]

  count TỆP [--text]   Kiểm phiếu một tệp JSON theo quy chế bầu cử; --text in bản tóm tắt tiếng Việt
                       Count a JSON count file by the election rules; --text prints a Vietnamese summary
  order TỆP            Sắp xếp danh sách theo tên, họ, tên đệm, ngày sinh (thứ tự trên phiếu bầu)
                       Sort a list of people into ballot order
  serve [--demo]       Chạy máy chủ (http://localhost:8080); --demo nạp đại hội mẫu (= npm start)
                       Serve the product; --demo loads the seed congress
  demo [--replace]     Nạp đại hội mẫu: Đảng bộ Khối các cơ quan tỉnh Lạng Sơn, khóa XIV, 256 đại biểu
                       Load the seed congress
  audit verify         Kiểm tra chuỗi băm của nhật ký kiểm toán; báo mắt xích hỏng đầu tiên
                       Verify the hash-chained audit log; reports the first broken link
  backup TỆP --congress MÃ   Sao lưu trọn một đại hội ra một tệp (.json hoặc .json.gz), ký bằng khóa sao lưu
                       Back up a whole congress to one file, signed with the backup key
  restore TỆP [--with-accounts] [--accept-unsigned]
                       Khôi phục một đại hội từ tệp sao lưu (kiểm tra chữ ký và từng dòng); --with-accounts:
                       khôi phục cả tài khoản (mật khẩu mới); --accept-unsigned: nhận tệp cũ chưa ký
                       Restore a congress from a backup (signature and every row checked); --with-accounts:
                       its accounts too (new passwords); --accept-unsigned: an old, unsigned file
  backup-key show | import KHÓA|TỆP [--replace]
                       In khóa sao lưu của máy chủ này / nhập khóa của máy chủ khác (để chuyển tệp sao lưu)
                       Print this server's backup key / import another server's (to move backups)
  user list | add TÊN [--server-admin] [--name "Họ tên"] | password TÊN | unlock TÊN | disable TÊN | enable TÊN
                       Tài khoản: liệt kê / tạo (mật khẩu in một lần, phải đổi) / cấp mật khẩu mới / mở khoá /
                       vô hiệu hoá / cho hoạt động lại
                       Accounts: list / add (password printed once, to be changed) / new password / unlock /
                       disable / enable
  --key TỆP            (backup, restore) khóa sao lưu trong TỆP thay cho khóa của máy chủ / the backup key in FILE
  audit verify --head MÃ-BĂM   Kiểm tra chuỗi còn đi tới mã băm cuối in trong biên bản
                       Check that the chain still reaches the head hash printed in the minutes
  help                 In trợ giúp này / Print this help

  --database URL       Cơ sở dữ liệu (mặc định: DATABASE_URL, hoặc SQLite trong DAIHOI_DATA=./data)
                       The database (default: DATABASE_URL, or SQLite under DAIHOI_DATA=./data)

  TỆP là "-": đọc từ đầu vào chuẩn / FILE "-" reads standard input

Mã thoát / Exit codes: 0 xong / done · 1 kiểm tra không đạt / check failed · 2 sai đầu vào / bad input
`;

/** Each command is loaded only when run, so `daihoi count` never loads the server. */
const commands: Readonly<Record<string, () => Promise<Command>>> = {
  count: async () => (await import('./commands/count.ts')).countCommand,
  order: async () => (await import('./commands/order.ts')).orderCommand,
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  audit: async () => (await import('./commands/audit.ts')).auditCommand,
  backup: async () => (await import('./commands/backup.ts')).backupCommand,
  restore: async () => (await import('./commands/restore.ts')).restoreCommand,
  'backup-key': async () => (await import('./commands/backup-key.ts')).backupKeyCommand,
  demo: async () => (await import('./commands/demo.ts')).demoCommand,
  user: async () => (await import('./commands/user.ts')).userCommand,
};

const VALUE_FLAGS = {
  database: { type: 'string' }, congress: { type: 'string' }, key: { type: 'string' }, head: { type: 'string' }, name: { type: 'string' },
} as const;

export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  // Flags that take a value must be declared, or `--congress CODE` would read CODE as a positional.
  const parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: false, options: VALUE_FLAGS });
  const [name, ...positionals] = parsed.positionals;
  if (name === undefined || name === 'help' || parsed.values['help'] === true || parsed.values['h'] === true) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (load === undefined) {
    io.stderr(`Lỗi: không có lệnh "${name}".\nError: unknown command "${name}".\n\n${HELP}`);
    return EXIT_BAD_INPUT;
  }
  const command = await load();
  return command({ positionals, flags: parsed.values }, io);
};
