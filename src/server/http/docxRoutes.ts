import type { FastifyInstance } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { LIMITS, type DocumentProperties } from '../../shared/api';
import { DOCUMENT_KINDS, type DocumentKind } from '../../shared/kinds';
import {
  DOCX_LAYOUTS, DOCX_MIME, docxFileName, layoutForKind, type DocxApproval,
} from '../../core/docx/docxExporter';
import { cleanTitle } from '../../core/text/cleanText';
import { DeskError } from '../errors';
import { parse, requireUser } from './context';
import { contentDisposition } from './contentDisposition';
import { megabytes } from './frameworkErrors';
import { receiveUpload, type UploadRule } from './uploads';
import type { Services } from '../services';

/**
 * What the review workflow supplies to export a 定稿 as the official file. Without it (no approval
 * store), a final document exports with no approval properties.
 */
export interface DocxApprovalSource {
  /** The approval the document was signed with, or null. */
  approvalOf(documentId: string): Promise<DocxApproval | null>;
  /** Whether the document's content now is what `contentHash` vouched for, in the version that made it. */
  contentMatches(documentId: string, contentHash: string): Promise<boolean>;
}

const idParam = z.object({ id: z.string().min(1).max(64) });
const exportQuery = z.object({ layout: z.enum(DOCX_LAYOUTS).optional() });
const importQuery = z.object({ kind: z.enum(DOCUMENT_KINDS).optional() });
const WORD_UPLOAD: UploadRule = {
  limit: LIMITS.upload,
  missing: '请选择要导入的 Word 文件（.docx）',
  tooLarge: `文件超过 ${megabytes(LIMITS.upload)}，无法导入`,
  fallbackName: '导入的文稿.docx',
};

/**
 * Word export and import: `GET /api/documents/:id/export.docx?layout=official|info|manuscript` and
 * `POST /api/import` (multipart, one .docx, at most 50 MB) → `{id}`. Writing and reading the file
 * run in the worker pool; an import is measured (what it inflates to, its paragraphs) before mammoth.
 */
export function registerDocxRoutes(app: FastifyInstance, services: Services, approvals?: DocxApprovalSource): void {
  const { sessions, documents, bodies, audit, work } = services;

  app.get('/api/documents/:id/export.docx', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    const { layout } = parse(exportQuery, request.query);
    const { row } = await documents.load(user, id);
    const final = row.state === 'final';
    const approval = final && approvals ? await approvals.approvalOf(id) : null;
    if (approval && approvals && !(await approvals.contentMatches(id, approval.contentHash))) {
      throw new DeskError('conflict', '文稿内容在签发后有改动，与签发时不一致，不能作为正式文件导出');
    }
    const properties = JSON.parse(row.properties) as DocumentProperties;
    const bytes = await work.run('exportDocx', {
      kind: row.kind, title: row.title, properties, state: await bodies.currentState(id), final, approval,
      layout: layout ?? layoutForKind(row.kind),
    });
    await audit(user.id, 'document.export', id, { layout: layout ?? layoutForKind(row.kind), final });
    return reply
      .header('content-type', DOCX_MIME)
      .header('content-disposition', contentDisposition(docxFileName(row.title, final)))
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
      const { fileName, bytes } = await receiveUpload(request, WORD_UPLOAD, async ({ file, fileName }) => ({ fileName, bytes: await file.toBuffer() }));
      // Measured (what the .docx inflates to, its paragraphs) and read in the worker pool.
      const imported = await work.run('importDocx', bytes);
      const kind: DocumentKind = query.kind ?? imported.kind ?? 'comprehensive';
      // The title found in the text, or the file's name; cleaned as every title is (cleanTitle).
      const title = [...(cleanTitle(imported.title ?? '') || cleanTitle(fileName.replace(/\.docx$/i, '')) || '导入的文稿')].slice(0, 200).join('');
      const id = await documents.create(user, { title, kind, properties: imported.properties });
      await bodies.seedState(id, imported.body);
      await audit(user.id, 'document.import', id, { kind, fileName, blocks: imported.blocks });
      return reply.code(201).send({ id });
    });
  });
}
