import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import type { User } from '../../shared/api';
import { LIMITS } from '../../shared/api';
import {
  createOutletRequest, createSubmissionRequest, documentTargetsRequest, ledgerExportQuery, listSubmissionsQuery,
  progressItemsQuery, progressQuery, recordEventRequest, updateOutletRequest, yearTargetsRequest,
  ledgerYear, type ProgressResponse,
} from '../../shared/ledger';
import { shanghaiDate } from '../../core/targets/dates';
import type { CountedItem } from '../../core/targets/counting';
import { DeskError, forbidden, notEditable, notFound } from '../errors';
import { idParam, parse, requireUser } from './context';
import { contentDisposition } from './contentDisposition';
import { isSpreadsheetName, SPREADSHEET_IMPORT, XLSX_MIME } from '../../shared/fileTypes';
import { megabytes } from './frameworkErrors';
import { receiveUpload, type UploadRule } from './uploads';
import type { Services } from '../services';
import { HTTP_STATUS } from './errorStatus';

const yearParam = z.object({ year: ledgerYear });
/** Evidence scans and import files: one file per request. */
const EVIDENCE_LIMIT = 20 * 1024 * 1024;
const IMPORT_LIMIT = SPREADSHEET_IMPORT.limit;
const EVIDENCE_UPLOAD: UploadRule = {
  limit: EVIDENCE_LIMIT, missing: '请选择要上传的文件', tooLarge: `证明材料不能超过 ${megabytes(EVIDENCE_LIMIT)}`, fallbackName: '证明材料',
};
const IMPORT_UPLOAD: UploadRule = {
  limit: IMPORT_LIMIT, missing: SPREADSHEET_IMPORT.missing, tooLarge: `导入文件不能超过 ${megabytes(IMPORT_LIMIT)}`, fallbackName: '导入文件',
};

function isClerk(user: User): boolean {
  return user.roles.includes('admin') || user.roles.includes('clerk');
}

/**
 * The submission ledger (报送台账), outlet catalog (刊物与媒体), publication tags, yearly targets,
 * the dashboard figures (统计) and spreadsheets. Everyone logged in reads; admins and clerks (统计员) write.
 */
export function registerLedgerRoutes(app: FastifyInstance, services: Services): void {
  // An encapsulated scope: multipart parsing applies to these routes only.
  app.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) {
      await scope.register(fastifyMultipart, { limits: { fileSize: LIMITS.upload, files: 1, fields: 10 } });
    }
    routes(scope, services);
  });
}

function routes(app: FastifyInstance, { sessions, documents, audit, ledger, flows }: Services): void {
  const { outlets, submissions, targets, evidence, reports } = ledger;
  const requireClerk = async (request: FastifyRequest): Promise<User> => {
    const user = await requireUser(sessions, request);
    if (!isClerk(user)) throw forbidden('只有统计员或管理员可以执行此操作');
    return user;
  };

  app.get('/api/outlets', async (request) => {
    await requireUser(sessions, request);
    return { outlets: await outlets.list() };
  });

  app.post('/api/outlets', async (request, reply) => {
    const user = await requireClerk(request);
    const outlet = await outlets.create(parse(createOutletRequest, request.body));
    await audit(user.id, 'outlet.create', outlet.id, { name: outlet.name });
    return reply.code(201).send({ outlet });
  });

  app.patch('/api/outlets/:id', async (request) => {
    const user = await requireClerk(request);
    const { id } = parse(idParam, request.params);
    const changes = parse(updateOutletRequest, request.body);
    const outlet = await outlets.update(id, changes);
    await audit(user.id, 'outlet.update', id, changes);
    return { outlet };
  });

  app.get('/api/ledger/final-documents', async (request) => {
    await requireClerk(request);
    return { documents: await submissions.finalDocuments() };
  });

  app.get('/api/submissions', async (request) => {
    await requireUser(sessions, request);
    const query = parse(listSubmissionsQuery, request.query);
    return { submissions: await submissions.list({ year: query.year, status: query.status, outletId: query.outlet, q: query.q?.trim() || undefined }) };
  });

  app.post('/api/submissions', async (request, reply) => {
    const user = await requireClerk(request);
    const body = parse(createSubmissionRequest, request.body);
    const ids = await submissions.insert(user, await submissions.resolve(body));
    await audit(user.id, 'submission.create', ids.join(','), { documentId: body.documentId ?? null, outlets: body.outletIds });
    return reply.code(201).send({ submissions: await submissions.list({ ids }) });
  });

  app.get('/api/submissions/:id', async (request) => {
    await requireUser(sessions, request);
    return { submission: await submissions.get(parse(idParam, request.params).id) };
  });

  app.patch('/api/submissions/:id', async (request) => {
    const user = await requireClerk(request);
    const { id } = parse(idParam, request.params);
    const event = parse(recordEventRequest, request.body);
    await submissions.recordEvent(user, id, event);
    await audit(user.id, 'submission.event', id, { status: event.status, at: event.at });
    return { submission: await submissions.get(id) };
  });

  app.post('/api/submissions/:id/evidence', async (request, reply) => {
    const user = await requireClerk(request);
    const { id } = parse(idParam, request.params);
    await submissions.get(id);
    const { saved, filename, mime } = await receiveUpload(request, EVIDENCE_UPLOAD, async ({ file, fileName }) => {
      const stored = await evidence.save(file.file);
      if (!stored) throw new DeskError('payload_too_large', EVIDENCE_UPLOAD.tooLarge);
      return { saved: stored, filename: fileName, mime: file.mimetype || 'application/octet-stream' };
    });
    await submissions.addEvidence(user, id, { id: saved.id, filename, mime, size: saved.size });
    await audit(user.id, 'submission.evidence', id, { file: saved.id, filename });
    return reply.code(201).send({ submission: await submissions.get(id) });
  });

  app.get('/api/evidence/:id', async (request, reply) => {
    await requireUser(sessions, request);
    const file = await submissions.evidence(parse(idParam, request.params).id);
    return reply.type(file.mime).header('content-disposition', contentDisposition(file.filename, '证明材料'))
      .send(evidence.open(file.id));
  });

  app.get('/api/documents/:id/targets', async (request) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    if (!isClerk(user)) await documents.load(user, id);
    else if (!(await submissions.documentExists(id))) throw notFound();
    return submissions.documentTags(id);
  });

  app.put('/api/documents/:id/targets', async (request) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    const tags = parse(documentTargetsRequest, request.body);
    if (isClerk(user)) {
      if (!(await submissions.documentExists(id))) throw notFound();
    } else if (!(await documents.load(user, id)).access.canEdit) {
      throw notEditable();
    }
    await submissions.setDocumentTags(id, tags);
    await audit(user.id, 'document.targets', id, tags);
    return submissions.documentTags(id);
  });

  // Static paths win over `/api/targets/:year` in Fastify's router.
  app.get('/api/targets/progress', async (request): Promise<ProgressResponse> => {
    await requireUser(sessions, request);
    const { year, asOf } = parse(progressQuery, request.query);
    return reports.progress(year, asOf ?? shanghaiDate(new Date()));
  });

  app.get('/api/targets/progress/items', async (request): Promise<{ items: CountedItem[] }> => {
    await requireUser(sessions, request);
    const { year, asOf = shanghaiDate(new Date()), key } = parse(progressItemsQuery, request.query);
    return { items: await reports.progressItems(year, asOf, key) };
  });

  app.get('/api/targets/:year', async (request) => {
    await requireUser(sessions, request);
    return targets.get(parse(yearParam, request.params).year);
  });

  app.put('/api/targets/:year', async (request) => {
    const user = await requireClerk(request);
    const { year } = parse(yearParam, request.params);
    const body = parse(yearTargetsRequest, request.body);
    const saved = await targets.put(year, body, user.id);
    await audit(user.id, 'targets.update', String(year));
    return saved;
  });

  app.get('/api/ledger.xlsx', async (request, reply) => {
    await requireUser(sessions, request);
    const { year } = parse(ledgerExportQuery, request.query);
    const { bytes, fileName } = await reports.spreadsheet(year);
    const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return reply.type(XLSX_MIME)
      .header('content-disposition', contentDisposition(fileName))
      .send(file);
  });

  app.post('/api/ledger/import', async (request, reply) => {
    const user = await requireClerk(request);
    const { fileName, bytes } = await receiveUpload(request, IMPORT_UPLOAD, async ({ file, fileName }) => {
      if (!isSpreadsheetName(fileName)) throw new DeskError('bad_request', SPREADSHEET_IMPORT.wrongType);
      return { fileName, bytes: await file.toBuffer() };
    });
    const { report, refusal } = await flows.ledgerImporter.import(user, fileName, bytes);
    if (refusal) return reply.code(HTTP_STATUS.bad_request).send({ error: { code: 'bad_request', message: refusal }, report });
    return report;
  });
}
