/** Every route of the congress's discussion (src/api/endpoints/discussion.ts). */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../deps.ts';
import { discussionCommentRoutes } from './comments.ts';
import { discussionDocumentRoutes } from './documents.ts';
import { discussionGroupRoutes } from './groups.ts';
import { discussionNumberRoutes } from './numbers.ts';
import { discussionPrintoutRoutes } from './printouts.ts';
import { discussionResolutionRoutes } from './resolution.ts';
import { discussionSynthesisRoutes } from './synthesis.ts';

export const discussionRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  discussionDocumentRoutes(app, deps);
  discussionCommentRoutes(app, deps);
  discussionGroupRoutes(app, deps);
  discussionSynthesisRoutes(app, deps);
  discussionNumberRoutes(app, deps);
  discussionResolutionRoutes(app, deps);
  discussionPrintoutRoutes(app, deps);
};
