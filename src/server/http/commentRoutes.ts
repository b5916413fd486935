import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commentTextRequest, newThreadRequest, resolveRequest } from '../../shared/review';
import { idParam, parse, requireUser } from './context';
import type { Services } from '../services';

const threadParam = idParam.extend({ threadId: z.string().min(1).max(64) });
const entryParam = threadParam.extend({ entryId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/**
 * 批注: review threads and their entries. The server stamps author and time on everything; the
 * request's body carries only text, a quote, an anchor or a resolved flag (anything else is dropped).
 */
export function registerCommentRoutes(app: FastifyInstance, services: Services): void {
  const { sessions } = services;
  const { threads } = services.review;

  app.get('/api/documents/:id/comments', async (request) => {
    const user = await requireUser(sessions, request);
    return { threads: await threads.list(user, parse(idParam, request.params).id) };
  });

  app.post('/api/documents/:id/comments', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    return reply.code(201).send(await threads.start(user, id, parse(newThreadRequest, request.body)));
  });

  app.patch('/api/documents/:id/comments/:threadId', async (request) => {
    const user = await requireUser(sessions, request);
    const { id, threadId } = parse(threadParam, request.params);
    return threads.setResolved(user, id, threadId, parse(resolveRequest, request.body).resolved);
  });

  app.post('/api/documents/:id/comments/:threadId/replies', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id, threadId } = parse(threadParam, request.params);
    return reply.code(201).send(await threads.reply(user, id, threadId, parse(commentTextRequest, request.body).text));
  });

  app.patch('/api/documents/:id/comments/:threadId/entries/:entryId', async (request) => {
    const user = await requireUser(sessions, request);
    const { id, threadId, entryId } = parse(entryParam, request.params);
    return threads.edit(user, id, threadId, entryId, parse(commentTextRequest, request.body).text);
  });

  app.delete('/api/documents/:id/comments/:threadId/entries/:entryId', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id, threadId, entryId } = parse(entryParam, request.params);
    await threads.remove(user, id, threadId, entryId);
    return reply.code(204).send();
  });
}
