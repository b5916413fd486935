import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DOCX_LAYOUTS, DOCX_MIME } from '../../core/docx/layouts';
import { idParam, parse, requireUser } from './context';
import { contentDisposition } from './contentDisposition';
import type { Services } from '../services';

const pdfQuery = z.object({ layout: z.enum(DOCX_LAYOUTS).optional() });

const send = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Paper: `GET /api/documents/:id/dispatch-form.docx` (the 发文稿纸, any state; DispatchFormExporter) and
 * `GET /api/documents/:id/export.pdf?layout=` (the Word file's pages as PDF, by LibreOffice; PdfExporter).
 */
export function registerPrintRoutes(app: FastifyInstance, services: Services): void {
  const { sessions, flows } = services;

  app.get('/api/documents/:id/dispatch-form.docx', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    const { bytes, fileName } = await flows.dispatchFormExporter.export(user, id);
    return reply.header('content-type', DOCX_MIME).header('content-disposition', contentDisposition(fileName))
      .header('cache-control', 'no-store').send(send(bytes));
  });

  app.get('/api/documents/:id/export.pdf', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = parse(idParam, request.params);
    const { bytes, fileName } = await flows.pdfExporter.export(user, id, parse(pdfQuery, request.query));
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(fileName))
      .header('cache-control', 'no-store').send(send(bytes));
  });
}
