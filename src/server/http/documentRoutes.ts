import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addCollaboratorRequest, createDocumentRequest, listDocumentsQuery, updateDocumentRequest,
} from '../../shared/api';
import { deleteDocumentRequest } from '../../shared/removal';
import { idParam, parse, requireUser } from './context';
import { registerReport } from '../documents/numberRegisters';
import type { Services } from '../services';

const collaboratorParam = idParam.extend({ userId: z.string().min(1).max(64) });

/** Documents: create, list, read, rename and properties, the 回收站 (rules in DocumentRemover), collaborators, content. */
export function registerDocumentRoutes(app: FastifyInstance, services: Services): void {
  const { documents, bodies, sessions, remover, flows } = services;
  app.get('/api/documents', async (request) => {
    const user = await requireUser(sessions, request);
    const query = parse(listDocumentsQuery, request.query);
    const deleted = query.deleted === 'true';
    const list = await documents.list(user, {
      kind: query.kind, ownerId: query.owner, q: query.q?.trim() || undefined, deleted, target: query.target,
    });
    return { documents: deleted ? list : await remover.withRights(user, list) };
  });

  app.post('/api/documents', async (request, reply) => {
    const user = await requireUser(sessions, request);
    return reply.code(201).send(await flows.documentCreator.create(user, parse(createDocumentRequest, request.body)));
  });

  app.get('/api/documents/:id', async (request) => {
    const user = await requireUser(sessions, request);
    return documents.detail(user, parse(idParam, request.params).id);
  });

  app.patch('/api/documents/:id', async (request) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    return flows.documentUpdater.update(user, id, parse(updateDocumentRequest, request.body));
  });

  app.get('/api/documents/:id/removal', async (request) => {
    const user = await requireUser(sessions, request);
    return remover.preview(user, parse(idParam, request.params).id);
  });

  app.delete('/api/documents/:id', async (request) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    const { reason } = parse(deleteDocumentRequest, request.body ?? {});
    await remover.remove(user, id, reason || undefined);
    return { ok: true };
  });

  app.post('/api/documents/:id/restore', async (request) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    await remover.restore(user, id);
    return documents.detail(user, id);
  });

  app.post('/api/documents/:id/collaborators', async (request) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    return flows.collaborators.add(user, id, parse(addCollaboratorRequest, request.body).userId);
  });

  app.delete('/api/documents/:id/collaborators/:userId', async (request) => {
    const user = await requireUser(sessions, request);
    const { id, userId } = parse(collaboratorParam, request.params);
    return flows.collaborators.remove(user, id, userId);
  });

  app.get('/api/documents/:id/registers', async (request) => {
    const user = await requireUser(sessions, request);
    return registerReport(documents, user, parse(idParam, request.params).id);
  });

  app.get('/api/documents/:id/content', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    await documents.load(user, id);
    // Already the JSON of a DocumentContent, made off the event loop.
    return reply.type('application/json; charset=utf-8').send(await bodies.readJson(id));
  });
}
