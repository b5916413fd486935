import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * `column LIKE '%text%'` that takes the user's text literally: % _ and \ are escaped, with an
 * explicit ESCAPE clause (SQLite has no default escape character; PostgreSQL's is \ as well).
 */
export function containsText(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
