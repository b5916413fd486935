import type { FastifyInstance } from 'fastify';
import { auditQuery, type AuditFilter } from '../../shared/audit';
import { auditSheetPage, type AuditSheetPage } from '../audit/auditSheetRows';
import { parse, requireAdmin } from './context';
import type { Services } from '../services';
import { XLSX_MIME } from '../../shared/fileTypes';
import { contentDisposition } from './contentDisposition';

/** An export holds at most this many entries (narrow the filter for more). */
const EXPORT_MAX = 100_000;

function filterOf(query: unknown): AuditFilter {
  const { limit: _limit, offset: _offset, ...filter } = parse(auditQuery, query);
  return filter;
}

/** The audit log for administrators: filtered pages, the chain's verification, the .xlsx export. */
export function registerAuditRoutes(app: FastifyInstance, { sessions, auditLog, audit, work }: Services): void {
  app.get('/api/audit', async (request) => {
    await requireAdmin(sessions, request);
    const { limit, offset, ...filter } = parse(auditQuery, request.query);
    return auditLog.page(filter, limit, offset);
  });

  app.get('/api/audit/verify', async (request) => {
    await requireAdmin(sessions, request);
    return auditLog.verify();
  });

  app.get('/api/audit.xlsx', async (request, reply) => {
    const admin = await requireAdmin(sessions, request);
    const filter = filterOf(request.query);
    const pages: AuditSheetPage[] = [];
    let count = 0;
    const read = async (): Promise<void> => {
      for await (const entries of auditLog.entryPages(filter, EXPORT_MAX)) {
        pages.push(auditSheetPage(entries));
        count += entries.length;
      }
    };
    const [, verification] = await Promise.all([read(), auditLog.verify()]);
    const exportedAt = new Date().toISOString();
    const notes = { exportedBy: admin.displayName, exportedAt, filter: await auditLog.describeFilter(filter), verification };
    // Building the workbook is CPU-heavy (seconds for a long log): the worker pool does it.
    const bytes = await work.run('exportAudit', { pages, notes });
    const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await audit(admin.id, 'audit.export', '', { filters: filter, entries: count });
    return reply.type(XLSX_MIME)
      .header('content-disposition', contentDisposition(`审计日志-${exportedAt.slice(0, 10)}.xlsx`))
      .send(file);
  });
}
