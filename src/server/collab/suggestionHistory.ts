/**
 * The suggestions each body has held (migration 0012, `suggestion_metas`): id, kind, author, name and
 * time of every 修订 the server let into a body or found there. The authorship check
 * (suggestionAuthorship.ts) remembers them in memory while a body is loaded; this keeps them across
 * unloads, restarts and instances, so that a writer who comes back from offline with a colleague's
 * mark re-partitioned, or undoes a 拒绝 after the body was unloaded, is not refused as a forger.
 */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema';
import type { SuggestionKind, SuggestionMeta } from '../../core/suggestions/types';

export interface KindedMeta extends SuggestionMeta { kind: SuggestionKind }

/** Whether two metas are the same suggestion as made: id, kind, author, name and time. */
export function sameMeta(a: KindedMeta, b: KindedMeta): boolean {
  return a.id === b.id && a.authorId === b.authorId && a.authorName === b.authorName && a.at === b.at && a.kind === b.kind;
}

/** Rows a statement writes or keys it looks up at most (well under SQLite's bound parameters). */
const CHUNK = 500;

/** A meta's key in a body: kind and id (a replacement's insertion and deletion share an id). */
export const metaKey = (meta: Pick<KindedMeta, 'kind' | 'id'>): string => `${meta.kind}:${meta.id}`;

/** What the authorship check needs of the stored history. */
export interface SuggestionHistoryLookup {
  /** The stored metas of `documentName` among `keys`. */
  find(documentName: string, keys: readonly string[]): Promise<KindedMeta[]>;
  /** Stores `metas` of `documentName` (those already stored stay as they are); never throws. */
  add(documentName: string, metas: readonly KindedMeta[]): void;
}

export class SuggestionHistory implements SuggestionHistoryLookup {
  private writer: ((query: CompiledQuery) => Promise<void>) | null = null;

  constructor(private readonly db: Kysely<Database>, private readonly log: Logger) {}

  /** SQLite: writes go to the update-log thread, so their commit (an fsync) is off the event loop. */
  useWriter(writer: (query: CompiledQuery) => Promise<void>): void {
    this.writer = writer;
  }

  async find(documentName: string, keys: readonly string[]): Promise<KindedMeta[]> {
    const unique = [...new Set(keys)];
    const found: KindedMeta[] = [];
    for (let start = 0; start < unique.length; start += CHUNK) {
      const rows = await this.db.selectFrom('suggestion_metas').selectAll()
        .where('document_name', '=', documentName).where('suggestion_key', 'in', unique.slice(start, start + CHUNK)).execute();
      for (const row of rows) {
        found.push({
          id: row.suggestion_key.slice(row.suggestion_key.indexOf(':') + 1), kind: row.kind,
          authorId: row.author_id, authorName: row.author_name, at: row.suggested_at,
        });
      }
    }
    return found;
  }

  add(documentName: string, metas: readonly KindedMeta[]): void {
    for (let start = 0; start < metas.length; start += CHUNK) {
      const rows = metas.slice(start, start + CHUNK).map((meta) => ({
        document_name: documentName, suggestion_key: metaKey(meta), kind: meta.kind,
        author_id: meta.authorId, author_name: meta.authorName, suggested_at: meta.at,
      }));
      const query = this.db.insertInto('suggestion_metas').values(rows)
        .onConflict((oc) => oc.columns(['document_name', 'suggestion_key']).doNothing());
      const written = this.writer ? this.writer(query.compile()) : query.execute();
      written.then(() => undefined, (err: unknown) => this.log.warn({ err, documentName }, 'could not store the suggestions of a body'));
    }
  }
}

/** Migration 0012: the table, keyed by body and suggestion. */
export async function createSuggestionMetas(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('suggestion_metas')
    .addColumn('document_name', 'text', (c) => c.notNull())
    .addColumn('suggestion_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('suggested_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('suggestion_metas_pk', ['document_name', 'suggestion_key'])
    .execute();
}
