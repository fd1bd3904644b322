/** A real server on the block's database with a small congress set up through the API, for the security tests. */
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseContext } from '../support/databases.ts';
import type { Client } from '../api/support/client.ts';
import { setupSmallCongress, type SmallCongress } from '../api/support/congress.ts';
import { startServer, type RunningServer } from '../api/support/server.ts';

export interface CongressServer {
  readonly server: RunningServer;
  readonly c: SmallCongress;
  /** The congress's administrator. */
  readonly admin: Client;
  /** `/api/congresses/:code` */
  readonly C: string;
}

/** Started before the block's first test, stopped after its last; read its fields inside tests. */
export const congressServer = (ctx: DatabaseContext, code: string, delegates: number): CongressServer => {
  let server: RunningServer | null = null;
  let c: SmallCongress | null = null;
  beforeAll(async () => {
    server = await startServer(ctx.database.env);
    c = await setupSmallCongress(server, code, delegates);
  });
  afterAll(async () => { await server?.stop(); });
  const need = <T>(v: T | null): T => {
    if (v === null) throw new Error('the server starts in beforeAll: read it inside tests');
    return v;
  };
  return {
    get server() { return need(server); },
    get c() { return need(c); },
    get admin() { return need(c).clients.admin; },
    get C() { return `/api/congresses/${need(c).code}`; },
  };
};
