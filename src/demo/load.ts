/**
 * Puts the seed congress (seed-data.ts) into a database in one transaction, audited. Loading it twice is
 * refused with a clear message unless `replace` is set, which deletes the old copy (and everything in it) first.
 * Demo accounts get fresh random passwords, returned once so the CLI can print them.
 */
import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Kysely, Transaction } from 'kysely';
import { cardCodeFrom } from '../api/card-code.ts';
import { defaultCongressSettings, defaultCountSettings } from '../rules/settings.ts';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/result.ts';
import { appendAudit } from '../store/audit.ts';
import type { Database } from '../store/schema.ts';
import { insertDiscussion } from './load-discussion.ts';
import { demoCongress, DEMO_SEED } from './seed-data.ts';
import type { DemoCongress } from './seed-types.ts';

export interface LoadDemoOptions {
  /** Delete an existing copy of the seed congress first. */
  readonly replace?: boolean;
  readonly seed?: number;
  /** Fixed passwords by username (tests); the others are random. */
  readonly passwords?: Readonly<Record<string, string>>;
  readonly actor?: string;
}

export interface DemoCredential {
  readonly username: string;
  readonly password: string;
  readonly role: string;
  readonly displayName: string;
}

export interface LoadedDemo {
  readonly congressId: number;
  readonly code: string;
  readonly delegates: number;
  readonly replaced: boolean;
  readonly credentials: readonly DemoCredential[];
}

/** 12 characters without look-alikes (no 0/O, 1/l/I). */
const newPassword = (): string => {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(12), (b) => alphabet[b % alphabet.length]).join('');
};

const insertPeople = async (trx: Transaction<Database>, data: DemoCongress, congressId: number, now: string) => {
  const orgRows = await trx.insertInto('organisations').values(data.organisations.map((o, i) => ({
    congress_id: congressId, name: o.name, role: o.role, party_members: o.partyMembers, position: i,
  }))).returning(['id', 'name']).execute();
  const orgId = new Map(data.organisations.map((o) => [o.key, orgRows.find((r) => r.name === o.name)!.id]));
  const delegateRows = await trx.insertInto('delegates').values(data.delegates.map((d) => ({
    congress_id: congressId, code: d.code, full_name: d.fullName, gender: d.gender, birth_date: d.birthDate,
    ethnicity: d.ethnicity, education: d.education, political_theory: d.politicalTheory, party_join_date: d.partyJoinDate,
    position: d.position, organisation_id: orgId.get(d.organisationKey) ?? null, category: d.category, standing: d.standing,
    status: d.status, status_reason: d.statusReason, replaced_by_id: null, is_convening_member: d.isConveningMember ? 1 as const : 0 as const,
    seat: null, card_token: randomBytes(32).toString('base64url'), card_code: cardCodeFrom((n) => randomBytes(n)), card_revoked_at: null, created_at: now,
  }))).returning(['id', 'code']).execute();
  const delegateId = new Map(delegateRows.map((r) => [r.code, r.id]));
  for (const d of data.delegates) {
    if (d.replacedByCode === null) continue;
    await trx.updateTable('delegates').set({ replaced_by_id: delegateId.get(d.replacedByCode)! })
      .where('id', '=', delegateId.get(d.code)!).execute();
  }
  return delegateId;
};

const insertProgramme = async (trx: Transaction<Database>, data: DemoCongress, congressId: number, delegateId: ReadonlyMap<string, number>, now: string) => {
  // The elections are voted under the agenda's election items, in the same order.
  const electionItems: number[] = [];
  for (const [i, s] of data.sessions.entries()) {
    const session = await trx.insertInto('congress_sessions').values({ congress_id: congressId, kind: s.kind, title: s.title,
      position: i + 1, starts_at: s.startsAt }).returning('id').executeTakeFirstOrThrow();
    const items = await trx.insertInto('agenda_items').values(s.items.map((it, j) => ({ congress_id: congressId, session_id: session.id,
      position: j + 1, title: it.title, kind: it.kind, status: 'pending' as const }))).returning(['id', 'kind', 'position']).execute();
    electionItems.push(...[...items].sort((a, b) => a.position - b.position).filter((it) => it.kind === 'election').map((it) => it.id));
  }
  const bodyId = new Map<string, number>();
  for (const b of data.bodies) {
    const body = await trx.insertInto('bodies').values({ congress_id: congressId, kind: b.kind, title: b.title, approved_vote_id: null })
      .returning('id').executeTakeFirstOrThrow();
    bodyId.set(b.kind, body.id);
    await trx.insertInto('body_members').values(b.members.map((m, j) => ({ body_id: body.id,
      delegate_id: delegateId.get(m.delegateCode)!, role: m.role, position: j + 1 }))).execute();
  }
  const electionId = new Map<string, number>();
  for (const [k, e] of data.elections.entries()) {
    const election = await trx.insertInto('elections').values({ congress_id: congressId, kind: e.kind, title: e.title,
      seats: e.seats, alternate_seats: e.alternateSeats, max_surplus: e.maxSurplus, parent_round_id: null,
      counting_board_id: bodyId.get('counting-board') ?? null, settings: JSON.stringify(defaultCountSettings),
      approved_at: null, approval_reference: null, created_at: now, agenda_item_id: electionItems[k] ?? null }).returning('id').executeTakeFirstOrThrow();
    electionId.set(e.key, election.id);
    const round = await trx.insertInto('election_rounds').values({ election_id: election.id, congress_id: congressId, number: 1,
      seats: e.seats, alternate_seats: e.alternateSeats, status: 'draft', base: null, present: null, ballots_issued: null,
      ballots_collected: null, result: null, decision: null, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    if (e.candidates.length === 0) continue;
    const byCode = new Map(data.delegates.map((d) => [d.code, d]));
    await trx.insertInto('candidates').values(e.candidates.map((c, j) => {
      const d = byCode.get(c.delegateCode)!;
      return { round_id: round.id, congress_id: congressId, delegate_id: delegateId.get(c.delegateCode)!, full_name: d.fullName,
        birth_date: d.birthDate, source: c.source, position: j + 1, status: 'listed' as const, withdrawal_vote_id: null, poll_agree: null };
    })).execute();
  }
  await trx.insertInto('resolution_targets').values(data.targets.map((t, i) => ({ congress_id: congressId, position: i + 1,
    name: t.name, target: t.target, result: t.result, assessment: t.assessment }))).execute();
  await trx.insertInto('speakers').values(data.speakers.map((s, i) => ({ congress_id: congressId,
    delegate_id: delegateId.get(s.delegateCode)!, speaker_name: data.delegates.find((d) => d.code === s.delegateCode)!.fullName,
    title: s.title, position: i + 1, status: 'registered' as const, registered_at: now, text: s.text }))).execute();
  for (const doc of data.documents) {
    const content = new TextEncoder().encode(doc.text);
    await trx.insertInto('documents').values({ congress_id: congressId, title: doc.title, file_name: doc.fileName,
      mime_type: doc.mimeType, size: content.byteLength, visibility: doc.visibility, content, uploaded_at: now }).execute();
  }
  return electionId;
};

const upsertUsers = async (
  trx: Transaction<Database>, data: DemoCongress, congressId: number, electionId: ReadonlyMap<string, number>,
  hashes: ReadonlyMap<string, string>, now: string,
): Promise<void> => {
  for (const u of data.users) {
    const password_hash = hashes.get(u.username)!;
    const existing = await trx.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
    const userId = existing?.id ?? (await trx.insertInto('users').values({ username: u.username, display_name: u.displayName,
      password_hash, is_server_admin: 0, disabled_at: null, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    if (existing !== undefined) {
      await trx.updateTable('users').set({ password_hash, display_name: u.displayName, disabled_at: null }).where('id', '=', userId).execute();
    }
    const scopes = u.electionKeys.length === 0 ? [null] : u.electionKeys.map((k) => electionId.get(k)!);
    await trx.insertInto('user_roles').values(scopes.map((election_id) => ({ user_id: userId, congress_id: congressId,
      role: u.role, election_id }))).execute();
  }
};

/** Loads the seed congress; refuses (or replaces, with `replace`) when it is already there. */
export const loadDemo = async (db: Kysely<Database>, options: LoadDemoOptions = {}): Promise<Result<LoadedDemo, RuleError>> => {
  const data = demoCongress(options.seed ?? DEMO_SEED);
  const code = data.congress.code;
  const existing = await db.selectFrom('congresses').select('id').where('code', '=', code).executeTakeFirst();
  if (existing !== undefined && options.replace !== true) {
    return err(ruleError('demo.exists', `Đại hội mẫu "${code}" đã có trong cơ sở dữ liệu (#${existing.id}); `
      + 'không nạp lần hai. Dùng --replace để xóa bản cũ và nạp lại.',
    `The seed congress "${code}" is already in the database (#${existing.id}); not loaded twice. Use --replace to reload it.`));
  }
  const credentials = data.users.map((u): DemoCredential => ({ username: u.username, displayName: u.displayName, role: u.role,
    password: options.passwords?.[u.username] ?? newPassword() }));
  const hashes = new Map(await Promise.all(credentials.map(async (c) => [c.username, await hash(c.password)] as const)));
  const now = new Date().toISOString();
  const actor = options.actor ?? 'system:demo';
  const c = data.congress;
  const congressId = await db.transaction().execute(async (trx) => {
    if (existing !== undefined) {
      await trx.deleteFrom('congresses').where('id', '=', existing.id).execute();
      await appendAudit(trx, { congressId: existing.id, actor, action: 'demo.replace', subject: `congress:${existing.id}`, payload: { code } });
    }
    const row = await trx.insertInto('congresses').values({ code, higher_organisation_name: c.higherOrganisationName,
      organisation_name: c.organisationName, kind: c.kind, ordinal: c.ordinal, term_start_year: c.termStartYear,
      term_end_year: c.termEndYear, start_date: c.startDate, end_date: c.endDate, venue: c.venue, place: c.place,
      settings: JSON.stringify(defaultCongressSettings), current_agenda_item_id: null, current_speaker_id: null, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const delegateId = await insertPeople(trx, data, row.id, now);
    const electionId = await insertProgramme(trx, data, row.id, delegateId, now);
    await upsertUsers(trx, data, row.id, electionId, hashes, now);
    await insertDiscussion(trx, row.id, actor, now);
    await appendAudit(trx, { congressId: row.id, actor, action: 'demo.load', subject: `congress:${row.id}`,
      payload: { code, seed: data.seed, delegates: data.delegates.length, organisations: data.organisations.length,
        users: data.users.map((u) => u.username) } });
    return row.id;
  });
  return ok({ congressId, code, delegates: data.delegates.length, replaced: existing !== undefined, credentials });
};
