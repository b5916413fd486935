import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createCommissionRequest, listCommissionsQuery, updateCommissionRequest } from '../../shared/templates';
import { ledgerYear } from '../../shared/ledger';
import { shanghaiDate, yearOf } from '../../core/targets/dates';
import { idParam, parse, requireUser } from './context';
import { DeskError } from '../errors';
import type { Services } from '../services';
import type { CommissionDesk } from '../commissions/commissionDesk';

const startPieceRequest = z.object({ template: z.string().min(1).max(64).optional() });

/** 约稿: record, list (the writer's own, or a year's), answer with a piece or start it, cancel, the year's line. */
export function registerCommissionRoutes(app: FastifyInstance, services: Services, desk: CommissionDesk): void {
  const { sessions } = services;

  app.get('/api/commissions', async (request) => {
    const user = await requireUser(sessions, request);
    const query = parse(listCommissionsQuery, request.query);
    return { commissions: await desk.list(user, query.mine === '1', query.year) };
  });

  app.post('/api/commissions', async (request, reply) => {
    const user = await requireUser(sessions, request);
    return reply.code(201).send(await desk.create(user, parse(createCommissionRequest, request.body)));
  });

  app.patch('/api/commissions/:id', async (request) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    const changes = parse(updateCommissionRequest, request.body);
    if (changes.documentId === undefined && changes.cancelled === undefined) {
      throw new DeskError('bad_request', '请选择答复约稿的稿件，或说明是否撤销此约稿');
    }
    let result = changes.documentId !== undefined ? await desk.answer(user, id, changes.documentId) : undefined;
    if (changes.cancelled !== undefined) result = await desk.cancel(user, id, changes.cancelled);
    return result;
  });

  app.post('/api/commissions/:id/piece', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    return reply.code(201).send(await desk.startPiece(user, id, parse(startPieceRequest, request.body ?? {}).template));
  });

  app.get('/api/commissions/summary', async (request) => {
    await requireUser(sessions, request);
    const { year } = parse(z.object({ year: ledgerYear.optional() }), request.query);
    return desk.year(year ?? yearOf(shanghaiDate(new Date())));
  });
}
