/**
 * What the server tells a stranger: GET /api/health answers whether it is up, nothing more — the version and the
 * database would tell an attacker which weaknesses to try. A signed-in server administrator sees them; a congress
 * role does not.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { Client } from '../api/support/client.ts';
import { congressServer } from './support.ts';

describeEachDatabase('security: what /api/health tells', (ctx) => {
  const s = congressServer(ctx, 'suc-khoe', 1);

  it('answers only its status to anyone but a server administrator', async () => {
    const { server, c } = s;
    for (const who of [new Client(server.url), c.clients.admin, c.clients.technician, c.clients.delegate]) {
      const r = await who.get('/api/health');
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ status: 'ok' });
    }
    const root = await c.clients['server-admin'].get<Record<string, unknown>>('/api/health');
    expect(root.body).toEqual({ status: 'ok', database: ctx.dialect, version: expect.stringMatching(/^\d+\.\d+\.\d+/u) });
  });
});
