/**
 * The audit log's filters as SQL, one set for both dialects: by user, action, document (or a
 * fragment of its title), and Asia/Shanghai calendar days; newest first, a page at a time.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { AuditFilter } from '../../shared/audit';
import type { AuditLogTable, Database } from '../db/schema';
import { containsText } from '../db/textSearch';

export type AuditRow = Selectable<AuditLogTable>;

type Builder = ExpressionBuilder<Database, 'audit_log'>;

const NOTHING = sql<SqlBool>`1 = 0`;
/** A title fragment names at most this many documents (a filter, not a report). */
const TITLE_MATCHES = 200;

/** The first instant of a Shanghai calendar day (UTC+8, no daylight saving) as stored: an ISO string. */
function shanghaiDayStart(date: string, plusDays = 0): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();
}

/** The documents and ledger rows a document filter stands for. */
interface Subjects { documentIds: string[]; submissionIds: string[] }

async function subjectsOf(db: Kysely<Database>, filter: AuditFilter): Promise<Subjects | null> {
  if (!filter.document && !filter.title) return null;
  let documents = db.selectFrom('documents').select('id').limit(TITLE_MATCHES);
  if (filter.document) documents = documents.where('id', '=', filter.document);
  if (filter.title) documents = documents.where(containsText('title', filter.title));
  const documentIds = (await documents.execute()).map((d) => d.id);
  let submissions = db.selectFrom('ledger_submissions').select('id');
  if (filter.document) submissions = submissions.where('document_id', '=', filter.document);
  else if (filter.title) {
    const title = filter.title;
    submissions = submissions.where((eb) => eb.or([
      containsText('title', title),
      ...(documentIds.length > 0 ? [eb('document_id', 'in', documentIds)] : []),
    ]));
  }
  const submissionIds = (await submissions.limit(5_000).execute()).map((s) => s.id);
  return { documentIds, submissionIds };
}

function aboutSubjects(eb: Builder, { documentIds, submissionIds }: Subjects): Expression<SqlBool> {
  const any: Expression<SqlBool>[] = [];
  if (documentIds.length > 0) {
    any.push(eb('target', 'in', documentIds));
    // A document named in the details: a 报送登记 of it, the draft rescued from it.
    for (const id of documentIds.slice(0, 50)) any.push(containsText('detail', `"${id}"`));
  }
  if (submissionIds.length > 0) any.push(eb('target', 'in', submissionIds));
  return any.length > 0 ? eb.or(any) : NOTHING;
}

async function conditions(db: Kysely<Database>, filter: AuditFilter): Promise<(eb: Builder) => Expression<SqlBool>> {
  const subjects = await subjectsOf(db, filter);
  return (eb) => {
    const all: Expression<SqlBool>[] = [];
    if (filter.user) {
      const user = filter.user;
      all.push(eb.or([eb('actor_id', '=', user), eb.and([eb('action', '=', 'auth.failed'), eb('target', '=', user)])]));
    }
    if (filter.action) {
      const [action, status] = filter.action.split(':');
      all.push(eb('action', '=', action));
      if (status) all.push(containsText('detail', `"status":"${status}"`));
    }
    if (filter.from) all.push(eb('at', '>=', shanghaiDayStart(filter.from)));
    if (filter.to) all.push(eb('at', '<', shanghaiDayStart(filter.to, 1)));
    if (subjects) all.push(aboutSubjects(eb, subjects));
    return eb.and(all);
  };
}

/** One page of the entries that pass the filter, newest first, and how many pass in all. */
export async function queryAudit(db: Kysely<Database>, filter: AuditFilter, page: { limit: number; offset: number }): Promise<{ rows: AuditRow[]; total: number }> {
  const where = await conditions(db, filter);
  const [rows, count] = await Promise.all([
    db.selectFrom('audit_log').selectAll().where(where).orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string | number>().as('n')).where(where).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * The entries that pass the filter with ids below `beforeId` (from the newest when null), newest
 * first, at most `limit`, without a count: keyset pages for reading a whole filtered log, each as
 * cheap as the first (an offset makes every later page scan the ones before it).
 */
export async function queryAuditBefore(db: Kysely<Database>, filter: AuditFilter, beforeId: number | null, limit: number): Promise<AuditRow[]> {
  const where = await conditions(db, filter);
  let query = db.selectFrom('audit_log').selectAll().where(where);
  if (beforeId !== null) query = query.where('id', '<', beforeId);
  return query.orderBy('id', 'desc').limit(limit).execute();
}
