/**
 * The discussion's numbers for the hall screen (the count only, never a comment's text or author): per document
 * delegates may read, counted by the database — 100,000 comments are never read into memory for a number.
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../../api/contract.ts';
import type { DiscussionNumbersView } from '../../../api/discussion.ts';
import { ok } from '../../../rules/index.ts';
import type { ServerDeps } from '../../deps.ts';
import { json, serve } from '../../route.ts';
import type { Db } from './access.ts';

const n = (v: number | string | bigint | null | undefined): number => Number(v ?? 0);

export const discussionNumbers = async (db: Db, congressId: number): Promise<DiscussionNumbersView> => {
  const docs = await db.selectFrom('discussion_documents').leftJoin('discussion_versions as v', 'v.id', 'discussion_documents.current_version_id')
    .select(['discussion_documents.id', 'discussion_documents.title', 'discussion_documents.kind', 'discussion_documents.current_version_id', 'v.number'])
    .where('discussion_documents.congress_id', '=', congressId).where('discussion_documents.access', 'in', ['public', 'delegates'])
    .orderBy('discussion_documents.id').execute();
  const groups = n((await db.selectFrom('discussion_groups').select((eb) => eb.fn.countAll<number>().as('n')).where('congress_id', '=', congressId).executeTakeFirstOrThrow()).n);
  const out: DiscussionNumbersView = [];
  for (const d of docs) {
    const c = await db.selectFrom('discussion_comments')
      .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('delegate_id').distinct().as('delegates'),
        eb.fn.sum<number>(eb.case().when('source', '=', 'paper').then(1).else(0).end()).as('paper')])
      .where('document_id', '=', d.id).where('voided_at', 'is', null).executeTakeFirstOrThrow();
    const g = await db.selectFrom('discussion_group_opinions')
      .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('group_id').distinct().as('groups')])
      .where('document_id', '=', d.id).where('voided_at', 'is', null).executeTakeFirstOrThrow();
    const version = d.current_version_id ?? -1;
    const commented = db.selectFrom('discussion_comments as c').innerJoin('discussion_units as u', 'u.id', 'c.unit_id').select('c.unit_id as unit')
      .where('u.version_id', '=', version).where('c.voided_at', 'is', null)
      .union(db.selectFrom('discussion_group_opinions as o').innerJoin('discussion_units as u', 'u.id', 'o.unit_id').select('o.unit_id as unit')
        .where('u.version_id', '=', version).where('o.voided_at', 'is', null));
    const units = n((await db.selectFrom(commented.as('x')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const answers = await db.selectFrom('discussion_syntheses as s').innerJoin('discussion_units as u', 'u.id', 's.unit_id')
      .select(['s.status', (eb) => eb.fn.countAll<number>().as('n')]).where('u.version_id', '=', version).groupBy('s.status').execute();
    const answered = (status: string): number => n(answers.find((a) => a.status === status)?.n);
    out.push({
      documentId: d.id, title: d.title, kind: d.kind, versionNumber: d.number ?? null,
      comments: n(c.all), delegates: n(c.delegates), paper: n(c.paper), groupOpinions: n(g.all), groupsReporting: n(g.groups), groups,
      units, accepted: answered('accepted'), explained: answered('explained'), notAccepted: answered('not-accepted'),
    });
  }
  return out;
};

export const discussionNumberRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.discussionNumbers, async (ctx) => ok(json(await discussionNumbers(deps.db, ctx.congress.id))));
};
