import type { Kysely } from 'kysely';
import { DEFAULT_PHRASING, findingFingerprint, type ProofScope } from '../../core/proofing';
import type { User } from '../../shared/api';
import { PROOFING_LISTS, type IgnoredFinding, type ProofingListName, type ProofingLists } from '../../shared/proofing';
import type { Database } from '../db/schema';
import { proofingListColumn } from '../db/jsonColumns';
import type { VersionedLists } from '../work/heavyTasks';

const isListName = (name: string): name is ProofingListName => (PROOFING_LISTS as readonly string[]).includes(name);

const DEFAULTS: ProofingLists = { phrasing: [...DEFAULT_PHRASING], sensitive: [], leaders: [], typos: [] };

/**
 * The proofreading data of one server: the admin-managed lists (a list never saved reads as the
 * shipped default) and the findings ignored per document. The lists go to the worker pool with
 * their version, where each worker keeps its Proofreader until a list changes.
 */
export class ProofingStore {
  private cached: VersionedLists | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  async lists(): Promise<ProofingLists> {
    const rows = await this.db.selectFrom('proofing_lists').select(['name', 'entries']).execute();
    const lists: ProofingLists = { ...DEFAULTS };
    for (const row of rows) {
      // A row of a list this server no longer knows is left alone, as before.
      if (isListName(row.name)) Object.assign(lists, { [row.name]: proofingListColumn(row.name).parse(row.entries, row.name) });
    }
    return lists;
  }

  async setList(user: User, name: ProofingListName, entries: unknown[]): Promise<void> {
    const values = { name, entries: JSON.stringify(entries), updated_at: new Date().toISOString(), updated_by: user.id };
    await this.db.insertInto('proofing_lists').values(values)
      .onConflict((oc) => oc.column('name').doUpdateSet({ entries: values.entries, updated_at: values.updated_at, updated_by: user.id }))
      .execute();
  }

  /** The current lists and their version (read again only when one of them changed). */
  async versionedLists(): Promise<VersionedLists> {
    const rows = await this.db.selectFrom('proofing_lists').select(['name', 'updated_at']).orderBy('name').execute();
    const version = rows.map((r) => `${r.name}@${r.updated_at}`).join('|');
    if (this.cached?.version !== version) this.cached = { version, lists: await this.lists() };
    return this.cached;
  }

  async ignoredFingerprints(documentId: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('proofing_ignores').select('fingerprint').where('document_id', '=', documentId).execute();
    return new Set(rows.map((r) => r.fingerprint));
  }

  async ignored(documentId: string): Promise<IgnoredFinding[]> {
    const rows = await this.db.selectFrom('proofing_ignores').innerJoin('users', 'users.id', 'proofing_ignores.ignored_by')
      .selectAll('proofing_ignores').select('users.display_name')
      .where('document_id', '=', documentId).orderBy('ignored_at').execute();
    return rows.map((r) => ({
      fingerprint: r.fingerprint, rule: r.rule, scope: r.scope, excerpt: r.excerpt,
      ignoredBy: r.ignored_by, ignoredByName: r.display_name, ignoredAt: r.ignored_at,
    }));
  }

  /** Ignores a finding for everyone; the fingerprint is computed here from its parts, never taken from the client. */
  async ignore(user: User, documentId: string, parts: { scope: ProofScope; rule: string; start: number; end: number; text: string }): Promise<IgnoredFinding> {
    const fingerprint = findingFingerprint(parts);
    const row = {
      document_id: documentId, fingerprint, rule: parts.rule, scope: parts.scope, paragraph_text: parts.text,
      excerpt: parts.text.slice(parts.start, Math.max(parts.end, parts.start + 1)).slice(0, 100),
      ignored_by: user.id, ignored_at: new Date().toISOString(),
    };
    await this.db.insertInto('proofing_ignores').values(row)
      .onConflict((oc) => oc.columns(['document_id', 'fingerprint']).doNothing()).execute();
    return {
      fingerprint, rule: row.rule, scope: row.scope, excerpt: row.excerpt,
      ignoredBy: user.id, ignoredByName: user.displayName, ignoredAt: row.ignored_at,
    };
  }

  async unignore(documentId: string, fingerprint: string): Promise<boolean> {
    const result = await this.db.deleteFrom('proofing_ignores')
      .where('document_id', '=', documentId).where('fingerprint', '=', fingerprint).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
