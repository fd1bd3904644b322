/** A small congress with one signed-in client per role, for the route × role matrix and the bad-input tests. */
import { Client } from './client.ts';
import type { RunningServer } from './server.ts';

export type RoleName = 'anonymous' | 'no-role' | 'server-admin' | 'admin' | 'secretariat' | 'presidium' | 'counting-board'
  | 'counting-board-other' | 'technician' | 'screen' | 'delegate';

export interface SmallCongress {
  readonly code: string;
  readonly clients: Readonly<Record<RoleName, Client>>;
  readonly electionId: number;
  readonly otherElectionId: number;
  readonly sessionId: number;
  readonly organisationId: number;
  readonly delegateIds: readonly number[];
  readonly cardTokens: readonly string[];
}

const must = <T>(r: { status: number; body: T }, ok = [200, 201]): T => {
  if (!ok.includes(r.status)) throw new Error(`setup failed (${r.status}): ${JSON.stringify(r.body)}`);
  return r.body;
};

export const congressBody = (code: string) => ({
  code, higherOrganisationName: 'ĐẢNG BỘ TỈNH THỬ', organisationName: 'Đảng bộ Khối thử', kind: 'delegates', ordinal: 'XIV',
  termStartYear: 2025, termEndYear: 2030, startDate: '2025-07-15', endDate: '2025-07-16', venue: 'Hội trường tỉnh', place: 'Lạng Sơn',
});

export const signedInAdmin = async (server: RunningServer): Promise<Client> => {
  const admin = new Client(server.url);
  must(await admin.login('admin', server.adminPassword));
  return admin;
};

export const setupSmallCongress = async (server: RunningServer, code: string, delegates = 12): Promise<SmallCongress> => {
  const root = await signedInAdmin(server);
  must(await root.post('/api/congresses', congressBody(code)));
  const C = `/api/congresses/${code}`;
  const org = must(await root.post<{ id: number }>(`${C}/organisations`, { name: 'Chi bộ Văn phòng' }));
  const delegateIds: number[] = [];
  const cardTokens: string[] = [];
  for (let i = 1; i <= delegates; i++) {
    const d = must(await root.post<{ id: number }>(`${C}/delegates`, {
      code: String(i).padStart(3, '0'), fullName: `Nguyễn Văn Thử ${String.fromCharCode(64 + i)}`, gender: i % 2 === 0 ? 'female' : 'male',
      birthDate: `19${60 + i}-01-0${(i % 9) + 1}`, category: 'elected', organisationId: org.id,
    }));
    delegateIds.push(d.id);
    cardTokens.push(must(await root.get<{ token: string }>(`${C}/delegates/${d.id}/card`)).token);
  }
  const session = must(await root.post<{ id: number }>(`${C}/sessions`, { kind: 'official', title: 'Phiên chính thức' }));
  const election = must(await root.post<{ id: number }>(`${C}/elections`, { kind: 'committee', title: 'Bầu Ban Chấp hành', seats: 3 }));
  const other = must(await root.post<{ id: number }>(`${C}/elections`, { kind: 'inspection-committee', title: 'Bầu Ủy ban Kiểm tra', seats: 3 }));
  const user = async (name: string, roles: ReadonlyArray<readonly [string, number | null]>): Promise<Client> => {
    const password = `mat-khau-${name}-123`;
    const u = must(await root.post<{ id: number }>('/api/users', { username: `${code}.${name}`, displayName: name, password }));
    for (const [role, electionId] of roles) must(await root.post(`${C}/roles`, { userId: u.id, role, electionId }));
    const c = new Client(server.url);
    must(await c.login(`${code}.${name}`, password));
    return c;
  };
  const delegate = new Client(server.url);
  must(await delegate.post('/api/auth/card', { congress: code, token: cardTokens[0] }));
  const clients: Record<RoleName, Client> = {
    anonymous: new Client(server.url),
    'no-role': await user('norole', []),
    'server-admin': root,
    admin: await user('admin', [['admin', null]]),
    secretariat: await user('secretariat', [['secretariat', null]]),
    presidium: await user('presidium', [['presidium', null]]),
    'counting-board': await user('counting', [['counting-board', election.id]]),
    'counting-board-other': await user('counting2', [['counting-board', other.id]]),
    technician: await user('technician', [['technician', null]]),
    screen: await user('screen', [['screen', null]]),
    delegate,
  };
  return { code, clients, electionId: election.id, otherElectionId: other.id, sessionId: session.id, organisationId: org.id, delegateIds, cardTokens };
};

/**
 * Brings round 1 of an election (its list of candidates entered) to counting, as the presidium does: a counting board
 * approved by show of hands (head: `headDelegateId`), the list approved, voting, ballots issued and collected.
 */
export const roundToCounting = async (admin: Client, C: string, E: string, headDelegateId: number, boardTitle: string, present = 11): Promise<void> => {
  const board = must(await admin.post<{ id: number }>(`${C}/bodies`, { kind: 'counting-board', title: boardTitle, members: [{ delegateId: headDelegateId, role: 'head' }] }));
  must(await admin.post(`${C}/bodies/${board.id}/approval`, { agree: present, disagree: 0, other: 0 }));
  must(await admin.put(`${E}/counting-board`, { bodyId: board.id }));
  must(await admin.post(`${E}/rounds/1/transition`, { to: 'list-approved', agree: present, disagree: 0, other: 0 }));
  must(await admin.post(`${E}/rounds/1/transition`, { to: 'voting' }));
  must(await admin.put(`${E}/rounds/1/ballots`, { issued: present, collected: present }));
  must(await admin.post(`${E}/rounds/1/transition`, { to: 'counting' }));
};
