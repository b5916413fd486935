import type { FastifyInstance } from 'fastify';
import { auditQuery, type AuditFilter } from '../../shared/audit';
import { exportAudit } from '../audit/auditSpreadsheet';
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
export function registerAuditRoutes(app: FastifyInstance, { sessions, auditLog, audit }: Services): void {
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
    const [entries, verification] = await Promise.all([auditLog.entries(filter, EXPORT_MAX), auditLog.verify()]);
    const exportedAt = new Date().toISOString();
    const file = await exportAudit(entries, { exportedBy: admin.displayName, exportedAt, filter: await auditLog.describeFilter(filter), verification });
    await audit(admin.id, 'audit.export', '', { filters: filter, entries: entries.length });
    return reply.type(XLSX_MIME)
      .header('content-disposition', contentDisposition(`审计日志-${exportedAt.slice(0, 10)}.xlsx`))
      .send(file);
  });
}
