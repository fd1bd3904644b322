/** `serve --demo`: loads the seed congress through src/demo (loadDemo) and says what happened, with the accounts. */
import type { Kysely } from 'kysely';
import { loadDemo } from '../demo/load.ts';
import type { Database } from '../store/schema.ts';

export const loadDemoForServe = async (db: Kysely<Database>): Promise<string> => {
  const loaded = await loadDemo(db, { actor: 'system:serve-demo' });
  if (!loaded.ok) return `${loaded.error.message_vi}\n${loaded.error.message_en}\n`;
  const { code, delegates, credentials } = loaded.value;
  const width = Math.max(...credentials.map((c) => c.username.length));
  return [
    `Đã nạp đại hội mẫu "${code}" (${delegates} đại biểu) / seed congress loaded.`,
    'Tài khoản mẫu (mật khẩu chỉ in một lần) / demo accounts (passwords printed once):',
    ...credentials.map((c) => `  ${c.username.padEnd(width)}  ${c.password}  ${c.role}`),
    '',
  ].join('\n');
};
