import type { FastifyInstance } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { docxExportQuery, LIMITS } from '../../shared/api';
import { DOCUMENT_KINDS } from '../../core/domain/kinds';
import { DOCX_MIME } from '../../core/docx/docxExporter';
import { idParam, parse, requireUser } from './context';
import { contentDisposition } from './contentDisposition';
import { megabytes } from './frameworkErrors';
import { receiveUpload, type UploadRule } from './uploads';
import type { Services } from '../services';

const importQuery = z.object({ kind: z.enum(DOCUMENT_KINDS).optional() });
const WORD_UPLOAD: UploadRule = {
  limit: LIMITS.upload,
  missing: '请选择要导入的 Word 文件（.docx）',
  tooLarge: `文件超过 ${megabytes(LIMITS.upload)}，无法导入`,
  fallbackName: '导入的文稿.docx',
};

/**
 * Word export and import: `GET /api/documents/:id/export.docx?layout=official|info|manuscript&revisions=1` and
 * `POST /api/import` (multipart, one .docx, at most 50 MB) → `{id}` (DocumentExporter, DocumentCreator).
 */
export function registerDocxRoutes(app: FastifyInstance, services: Services): void {
  const { sessions, flows } = services;

  app.get('/api/documents/:id/export.docx', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    const { bytes, fileName } = await flows.documentExporter.export(user, id, parse(docxExportQuery, request.query));
    return reply
      .header('content-type', DOCX_MIME)
      .header('content-disposition', contentDisposition(fileName))
      .header('cache-control', 'no-store')
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  // An encapsulated scope: multipart parsing applies to the import route only.
  app.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) {
      await scope.register(fastifyMultipart, { limits: { fileSize: LIMITS.upload, files: 1, fields: 5 } });
    }
    scope.post('/api/import', async (request, reply) => {
      const user = await requireUser(sessions, request);
      const query = parse(importQuery, request.query);
      const upload = await receiveUpload(request, WORD_UPLOAD, async ({ file, fileName }) => ({ fileName, bytes: await file.toBuffer() }));
      const id = await flows.documentCreator.importWord(user, { ...upload, kind: query.kind });
      return reply.code(201).send({ id });
    });
  });
}
