import type { FastifyInstance } from 'fastify';
import {
  createTemplateRequest, deriveRequest, kindParam, listTemplatesQuery, officeDefaultsRequest, updateTemplateRequest,
} from '../../shared/templates';
import { ledgerYear } from '../../shared/ledger';
import { z } from 'zod';
import { idParam, parse, requireAdmin, requireUser } from './context';
import type { Services } from '../services';
import type { TemplateLibrary } from '../templates/templateLibrary';
import type { PieceDeriver } from '../templates/pieceDeriver';

/** What these routes are built from (deskServer.ts). */
export interface TemplateRouteParts { library: TemplateLibrary; deriver: PieceDeriver }

/** Templates (模板), office defaults, 一稿多用 (derive, lineage) and the dashboard's 调研报告 yield. */
export function registerTemplateRoutes(app: FastifyInstance, services: Services, parts: TemplateRouteParts): void {
  const { sessions } = services;
  const { library, deriver } = parts;

  app.get('/api/templates', async (request) => {
    const user = await requireUser(sessions, request);
    const query = parse(listTemplatesQuery, request.query);
    return { templates: await library.list(query.kind, query.all === '1' && user.roles.includes('admin')) };
  });

  app.post('/api/templates', async (request, reply) => {
    const admin = await requireAdmin(sessions, request);
    return reply.code(201).send(await library.create(admin, parse(createTemplateRequest, request.body)));
  });

  app.patch('/api/templates/:id', async (request) => {
    const admin = await requireAdmin(sessions, request);
    return library.update(admin, parse(idParam, request.params).id, parse(updateTemplateRequest, request.body));
  });

  /** Makes the template's own document (the first time) so the admin edits it in the workspace. */
  app.post('/api/templates/:id/edit', async (request) => {
    const admin = await requireAdmin(sessions, request);
    return library.edit(admin, parse(idParam, request.params).id);
  });

  app.get('/api/office-defaults', async (request) => {
    await requireUser(sessions, request);
    return library.defaults();
  });

  app.put('/api/office-defaults/:kind', async (request) => {
    const admin = await requireAdmin(sessions, request);
    const { kind } = parse(kindParam, request.params);
    return library.setDefaults(admin, kind, parse(officeDefaultsRequest, request.body).properties);
  });

  app.post('/api/documents/:id/derive', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { kind, title } = parse(deriveRequest, request.body);
    return reply.code(201).send(await deriver.derive(user, parse(idParam, request.params).id, kind, title));
  });

  app.get('/api/documents/:id/lineage', async (request) => {
    const user = await requireUser(sessions, request);
    return deriver.lineage(user, parse(idParam, request.params).id);
  });

  app.get('/api/lineage/research', async (request) => {
    const user = await requireUser(sessions, request);
    const { year } = parse(z.object({ year: ledgerYear }), request.query);
    return { research: await deriver.researchYield(user, year) };
  });
}
