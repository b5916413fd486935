import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Owns `document_links`: which piece was derived from which (一稿多用). */
export class DocumentLinks {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records that `derivedId` was made from `sourceId`. */
  async link(sourceId: string, derivedId: string, userId: string): Promise<void> {
    await this.db.insertInto('document_links')
      .values({ source_id: sourceId, derived_id: derivedId, created_at: new Date().toISOString(), created_by: userId }).execute();
  }

  /** The pieces this one was made from. */
  async sourcesOf(id: string): Promise<string[]> {
    return (await this.db.selectFrom('document_links').select('source_id').where('derived_id', '=', id).orderBy('created_at').execute()).map((r) => r.source_id);
  }

  /** The pieces made from this one. */
  async derivativesOf(id: string): Promise<string[]> {
    return (await this.db.selectFrom('document_links').select('derived_id').where('source_id', '=', id).orderBy('created_at').execute()).map((r) => r.derived_id);
  }

  /** Every link, source → its derivatives (the office has hundreds, not millions). */
  async all(): Promise<Map<string, string[]>> {
    const rows = await this.db.selectFrom('document_links').select(['source_id', 'derived_id']).orderBy('created_at').execute();
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.source_id, [...(out.get(r.source_id) ?? []), r.derived_id]);
    return out;
  }
}

/** Every piece reached from `root` along `links` (derivatives of derivatives too), without `root`. */
export function descendants(root: string, links: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set<string>([root]);
  const queue = [root];
  const out: string[] = [];
  while (queue.length > 0) {
    const next = queue.shift() ?? '';
    for (const child of links.get(next) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}
