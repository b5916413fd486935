import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DIFF_VIEWS, chainRequest, remindRequest, rescueRequest, saveVersionRequest, transitionRequest } from '../../shared/review';
import { DOCUMENT_KINDS } from '../../core/domain/kinds';
import { idParam, parse, requireAdmin, requireUser } from './context';
import type { Services } from '../services';

const versionParam = idParam.extend({ vid: z.string().min(1).max(64) });
const diffQuery = z.object({ from: z.string().min(1).max(64), to: z.string().min(1).max(64), view: z.enum(DIFF_VIEWS).optional() });
const kindParam = z.object({ kind: z.enum(DOCUMENT_KINDS) });

/** The review workflow: transitions, status, history, versions and diffs, inbox, chains (comments: commentRoutes; audit: auditRoutes). */
export function registerReviewRoutes(app: FastifyInstance, services: Services): void {
  const { sessions, review } = services;

  app.post('/api/documents/:id/transitions', async (request) => {
    const user = await requireUser(sessions, request);
    return review.workflow.transition(user, parse(idParam, request.params).id, parse(transitionRequest, request.body));
  });

  app.post('/api/documents/:id/remind', async (request) => {
    const user = await requireUser(sessions, request);
    const { comment } = parse(remindRequest, request.body ?? {});
    return review.reminder.remind(user, parse(idParam, request.params).id, comment ?? '');
  });

  app.get('/api/documents/:id/workflow', async (request) => {
    const user = await requireUser(sessions, request);
    return review.workflow.status(user, parse(idParam, request.params).id);
  });

  app.get('/api/documents/:id/history', async (request) => {
    const user = await requireUser(sessions, request);
    return { entries: await review.workflow.history(user, parse(idParam, request.params).id) };
  });

  app.get('/api/documents/:id/versions', async (request) => {
    const user = await requireUser(sessions, request);
    return { versions: await review.versions.list(user, parse(idParam, request.params).id) };
  });

  app.post('/api/documents/:id/versions', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { name } = parse(saveVersionRequest, request.body);
    return reply.code(201).send(await review.versions.save(user, parse(idParam, request.params).id, name));
  });

  app.get('/api/documents/:id/versions/:vid', async (request) => {
    const user = await requireUser(sessions, request);
    const { id, vid } = parse(versionParam, request.params);
    return review.versions.get(user, id, vid);
  });

  app.post('/api/documents/:id/versions/:vid/restore', async (request) => {
    const user = await requireUser(sessions, request);
    const { id, vid } = parse(versionParam, request.params);
    const version = await review.versions.restore(user, id, vid);
    await services.audit(user.id, 'version.restore', id, { versionId: vid });
    return version;
  });

  app.get('/api/documents/:id/diff', async (request) => {
    const user = await requireUser(sessions, request);
    const { from, to, view } = parse(diffQuery, request.query);
    return review.versions.diff(user, parse(idParam, request.params).id, from, to, view);
  });

  app.post('/api/documents/:id/rescue', { bodyLimit: 30 * 1024 * 1024 }, async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    const { state } = parse(rescueRequest, request.body);
    return reply.code(201).send(await services.flows.offlineRescuer.rescue(user, id, state));
  });

  app.get('/api/inbox', async (request) => review.queries.inboxFor(await requireUser(sessions, request)));

  app.get('/api/chains', async (request) => {
    await requireUser(sessions, request);
    return review.chains.all();
  });

  app.put('/api/chains/:kind', async (request) => {
    const admin = await requireAdmin(sessions, request);
    const { kind } = parse(kindParam, request.params);
    const chain = parse(chainRequest, request.body);
    await review.chains.set(kind, chain, admin.id);
    await services.audit(admin.id, 'workflow.chain', kind, { chain });
    return review.chains.get(kind);
  });
}
