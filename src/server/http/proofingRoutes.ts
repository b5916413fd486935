import type { FastifyInstance } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import type { ProofScope } from '../../core/proofing';
import { ignoreRequest, listEntrySchemas, PROOFING_LISTS, proofreadRequest, type ProofreadResponse } from '../../shared/proofing';
import { idParam, parse, requireAdmin, requireUser } from './context';
import { DeskError, forbidden, notFound } from '../errors';
import type { Services } from '../services';
import { readContent } from '../review/contentReader';
import { importList } from '../proofing/listImport';
import { isSpreadsheetName, SPREADSHEET_IMPORT } from '../../shared/fileTypes';

const listParam = z.object({ name: z.enum(PROOFING_LISTS) });
const ignoredParam = idParam.extend({ fingerprint: z.string().regex(/^[0-9a-f]{1,32}$/) });
/** An office's list as a spreadsheet: a few thousand rows at most. */
const IMPORT_LIMIT = SPREADSHEET_IMPORT.limit;

/**
 * Proofreading (审校): proofread a text, the admin-managed lists (and reading one from a spreadsheet),
 * findings ignored per document, and a server-side run over a document's current content (what the
 * submit and sign gate sees).
 */
export function registerProofingRoutes(app: FastifyInstance, services: Services): void {
  const { sessions, documents } = services;
  const { store, gate } = services.proofing;

  app.post('/api/proofread', async (request): Promise<ProofreadResponse> => {
    await requireUser(sessions, request);
    const { text } = parse(proofreadRequest, request.body);
    return { findings: await services.work.run('proofreadText', { lists: await store.versionedLists(), text }) };
  });

  app.get('/api/proofing/lists', async (request) => {
    await requireUser(sessions, request);
    return store.lists();
  });

  app.put('/api/proofing/lists/:name', async (request) => {
    const user = await requireAdmin(sessions, request);
    const { name } = parse(listParam, request.params);
    const entries = parse(z.object({ entries: listEntrySchemas[name] }), request.body).entries;
    await store.setList(user, name, entries);
    await services.audit(user.id, 'proofing.list', name, { entries: entries.length });
    return { [name]: entries };
  });

  // An encapsulated scope: multipart parsing applies to the import only.
  app.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) {
      await scope.register(fastifyMultipart, { limits: { fileSize: IMPORT_LIMIT, files: 1, fields: 5 } });
    }
    /** Reads a .xlsx or .csv into entries of the list for the page's draft; saves nothing. */
    scope.post('/api/proofing/lists/:name/import', async (request) => {
      await requireAdmin(sessions, request);
      const { name } = parse(listParam, request.params);
      const file = await request.file({ limits: { fileSize: IMPORT_LIMIT, files: 1 } });
      if (!file) throw new DeskError('bad_request', SPREADSHEET_IMPORT.missing);
      if (!isSpreadsheetName(file.filename)) throw new DeskError('bad_request', SPREADSHEET_IMPORT.wrongType);
      const bytes = await file.toBuffer();
      let sheet: string[][];
      try {
        // Measured (what the .xlsx inflates to) and parsed in the worker pool.
        sheet = await services.work.run('readListSheet', bytes);
      } catch (error) {
        if (error instanceof DeskError) throw error;
        throw new DeskError('bad_request', SPREADSHEET_IMPORT.unreadable);
      }
      return importList(name, sheet);
    });
  });

  app.get('/api/documents/:id/proofing', async (request) => {
    const user = await requireUser(sessions, request);
    const { row } = await documents.load(user, parse(idParam, request.params).id);
    return gate.run(row.id, await readContent(row, services.bodies));
  });

  app.get('/api/documents/:id/proofing/ignored', async (request) => {
    const user = await requireUser(sessions, request);
    const { row } = await documents.load(user, parse(idParam, request.params).id);
    return { ignored: await store.ignored(row.id) };
  });

  app.post('/api/documents/:id/proofing/ignored', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { row, access } = await documents.load(user, parse(idParam, request.params).id);
    // The writers while they edit, and the holder of the current checkpoint (who may comment).
    if (!access.canEdit && !access.canComment) throw forbidden('只有撰稿人和当前审核人可以忽略审校结果');
    const body = parse(ignoreRequest, request.body);
    if (body.end < body.start || body.end > body.text.length) throw new DeskError('bad_request', '结束位置超出了文字的范围');
    const ignored = await store.ignore(user, row.id, { ...body, scope: body.scope as ProofScope });
    await services.audit(user.id, 'proofing.ignore', row.id, { rule: body.rule, fingerprint: ignored.fingerprint });
    return reply.code(201).send(ignored);
  });

  app.delete('/api/documents/:id/proofing/ignored/:fingerprint', async (request) => {
    const user = await requireUser(sessions, request);
    const { id, fingerprint } = parse(ignoredParam, request.params);
    const { row, access } = await documents.load(user, id);
    if (!access.canEdit && !access.canComment) throw forbidden('只有撰稿人和当前审核人可以恢复审校结果');
    if (!(await store.unignore(row.id, fingerprint))) throw notFound('忽略记录');
    await services.audit(user.id, 'proofing.unignore', row.id, { fingerprint });
    return { ok: true };
  });
}
