/**
 * `--demo`: loads the seed congress through the demo loader of src/demo (owned by the store engineer) once it
 * exists; until then it says so rather than inventing a second seed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

export const loadDemo = async (_db: Kysely<Database>): Promise<{ message_vi: string; message_en: string }> => ({
  message_vi: 'Chưa có bộ dữ liệu đại hội mẫu (src/demo); bỏ qua --demo.',
  message_en: 'The seed congress (src/demo) is not available yet; --demo ignored.',
});
