import { sql, type CompiledQuery, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { User } from '../../shared/api';
import { SEARCH_LIMIT, type SearchAnswer, type SearchQuery } from '../../shared/search';
import { INDEXED_TERM, MIN_BODY_TERM, markTerms, matchSentence, searchTerms, termLength } from '../../core/text/searchSnippet';
import type { Database } from '../db/schema';
import type { Dialect } from '../db/database';
import { readablePieces, type ReviewHolders } from '../documents/readableDocuments';

/** Trigrams a two-character term may expand to before SQLite scans instead (a very common pair). */
const MAX_EXPANSION = 400;
/**
 * Bodies (counted over a pair's trigrams) past which a two-character term is found by reading bodies
 * in the list's order instead: a common pair fills a page of results within the first bodies read.
 */
const COMMON_PAIR = 1_000;

/** The user's text as a LIKE pattern that takes it literally (% _ \ escaped). */
function likePattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/** An FTS5 string literal: the term as one phrase, its double quotes doubled. */
function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** The first instant of `year` and of the next, in Shanghai time (UTC+8, no daylight saving), as stored ISO strings. */
function shanghaiYear(year: number): [string, string] {
  const start = (y: number) => new Date(Date.UTC(y, 0, 1, -8)).toISOString();
  return [start(year), start(year + 1)];
}

/**
 * The search index's table and its queries: each piece's body text (written by the SearchIndexer),
 * and search over titles and bodies with the document list's filters and access rule. Terms of three
 * characters or more use the trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL); a two-character
 * term on SQLite uses the trigrams that start with it (every body ends with a line break, so each
 * occurrence starts a trigram), on PostgreSQL a scan; a one-character term searches titles only.
 */
export class SearchStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly review: ReviewHolders,
    /** Tests set a lower COMMON_PAIR to reach the scan with few bodies. */
    private readonly commonPair = COMMON_PAIR,
  ) {}

  private writer: ((query: CompiledQuery) => Promise<void>) | null = null;

  /**
   * Sends `write` and `confirm` to `writer` (SQLite: the update-log thread, so their commit and the
   * FTS5 update run off the event loop) instead of this connection. Reads stay here.
   */
  useWriter(writer: (query: CompiledQuery) => Promise<void>): void {
    this.writer = writer;
  }

  private async execute(query: { compile(): CompiledQuery; execute(): Promise<unknown> }): Promise<void> {
    if (this.writer) await this.writer(query.compile());
    else await query.execute();
  }

  /** The hash of the state a piece's text was last read from, if it was. */
  async stateHash(documentId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('search_bodies').select('state_hash').where('document_id', '=', documentId).executeTakeFirst();
    return row?.state_hash;
  }

  /** Stores a piece's searchable text, read from the state whose hash is `stateHash`. */
  async write(documentId: string, text: string, stateHash: string): Promise<void> {
    const body = `${text}\n`;
    const indexedAt = new Date().toISOString();
    await this.execute(this.db.insertInto('search_bodies').values({ document_id: documentId, body, state_hash: stateHash, indexed_at: indexedAt })
      .onConflict((oc) => oc.column('document_id').doUpdateSet({ body, state_hash: stateHash, indexed_at: indexedAt })));
  }

  /** Records that a piece's text was found current now (its state unchanged since it was read). */
  async confirm(documentId: string): Promise<void> {
    await this.execute(this.db.updateTable('search_bodies').set({ indexed_at: new Date().toISOString() }).where('document_id', '=', documentId));
  }

  /**
   * Ids of live pieces whose text may be missing or old, at most `limit`: none yet (created before the
   * index), or changed after it was last read (the server stopped before it was read again).
   */
  async unindexed(limit: number): Promise<string[]> {
    const rows = await this.db.selectFrom('documents')
      .leftJoin('search_bodies', 'search_bodies.document_id', 'documents.id')
      .select('documents.id')
      .where('documents.deleted_at', 'is', null)
      .where((eb) => eb.or([eb('search_bodies.id', 'is', null), eb('search_bodies.indexed_at', '<', eb.ref('documents.updated_at'))]))
      .orderBy('documents.updated_at', 'desc').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  /** The pieces `user` may read that hold every term of `query.q` in their title or body, most recently changed first. */
  async search(user: User, query: SearchQuery): Promise<SearchAnswer> {
    const terms = searchTerms(query.q);
    if (terms.length === 0) return { results: [], more: false, note: null };
    let select = this.db.selectFrom('documents')
      .innerJoin('users', 'users.id', 'documents.owner_id')
      .selectAll('documents')
      .select('users.display_name as owner_name')
      .where('documents.deleted_at', 'is', null);
    const conditions = await Promise.all(terms.map((term) => this.termCondition(term)));
    // Index lookups first, scans last: a row a lookup rules out is never scanned.
    for (const { condition } of [...conditions].sort((a, b) => Number(a.scans) - Number(b.scans))) select = select.where(condition);
    if (query.kind) select = select.where('documents.kind', '=', query.kind);
    if (query.state) select = select.where('documents.state', '=', query.state);
    if (query.writer) {
      const writer = query.writer;
      select = select.where((eb) => eb.or([
        eb('documents.owner_id', '=', writer),
        eb('documents.id', 'in', eb.selectFrom('document_collaborators').select('document_id').where('user_id', '=', writer)),
      ]));
    }
    if (query.year) {
      const [from, to] = shanghaiYear(query.year);
      select = select.where('documents.created_at', '>=', from).where('documents.created_at', '<', to);
    }
    if (query.target) {
      const target = query.target;
      select = select.where('documents.id', 'in', (eb) => eb.selectFrom('document_targets').select('document_id').where('target_key', '=', target));
    }
    select = select.where(readablePieces(user, this.review));
    const rows = await select.orderBy('documents.updated_at', 'desc').limit(SEARCH_LIMIT + 1).execute();
    const shown = rows.slice(0, SEARCH_LIMIT);
    const bodyTerms = terms.filter((t) => termLength(t) >= MIN_BODY_TERM);
    // The bodies of the pieces shown only, for their sentences (a second query: the match itself reads no body).
    const bodies = new Map(bodyTerms.length === 0 || shown.length === 0 ? [] : (await this.db.selectFrom('search_bodies')
      .select(['document_id', 'body']).where('document_id', 'in', shown.map((r) => r.id)).execute()).map((b) => [b.document_id, b.body]));
    return {
      results: shown.map((r) => ({
        id: r.id, title: r.title, kind: r.kind, ownerId: r.owner_id, ownerName: r.owner_name,
        state: r.state, createdAt: r.created_at, updatedAt: r.updated_at, deletedAt: r.deleted_at,
        titleMatch: markTerms(r.title, terms),
        sentence: matchSentence(bodies.get(r.id) ?? '', bodyTerms),
      })),
      more: rows.length > SEARCH_LIMIT,
      note: bodyTerms.length < terms.length ? '单个字只搜索标题；输入两个字以上可同时搜索正文' : null,
    };
  }

  /** The condition for one term: in the title, or (two characters or more) in the body. */
  private async termCondition(term: string): Promise<{ condition: Expression<SqlBool>; scans: boolean }> {
    const operator = this.dialect === 'postgres' ? sql.raw('ilike') : sql.raw('like');
    const inTitle = sql<SqlBool>`${sql.ref('documents.title')} ${operator} ${likePattern(term)} escape '\\'`;
    if (termLength(term) < MIN_BODY_TERM) return { condition: inTitle, scans: false };
    const body = await this.inBody(term);
    if (body === 'scan') {
      // A common pair: checked piece by piece in the list's order, so the scan stops once a page is found.
      const scan = sql<SqlBool>`exists (select 1 from search_bodies where search_bodies.document_id = ${sql.ref('documents.id')} and body ${operator} ${likePattern(term)} escape '\\')`;
      return { condition: sql<SqlBool>`(${inTitle} or ${scan})`, scans: true };
    }
    return { condition: sql<SqlBool>`(${inTitle} or ${sql.ref('documents.id')} in (select document_id from search_bodies where ${body}))`, scans: false };
  }

  /**
   * The condition on `search_bodies` for a body holding `term` (two characters or more), or `scan`
   * when reading the bodies in order is quicker: a two-character term in more than COMMON_PAIR bodies.
   */
  private async inBody(term: string): Promise<Expression<SqlBool> | 'scan'> {
    if (this.dialect === 'postgres') return sql<SqlBool>`body ilike ${likePattern(term)} escape '\\'`;
    if (termLength(term) >= INDEXED_TERM) {
      return sql<SqlBool>`id in (select rowid from search_fts where search_fts match ${ftsPhrase(term)})`;
    }
    // A two-character term: the trigrams that start with it (the tokenizer folds case, so the term is folded too).
    const folded = term.toLowerCase();
    const { rows } = await sql<{ term: string; doc: number }>`select term, doc from search_vocab
      where term >= ${folded} and term < ${`${folded}\u{10FFFF}`} limit ${MAX_EXPANSION + 1}`.execute(this.db);
    if (rows.length > MAX_EXPANSION || rows.reduce((sum, r) => sum + Number(r.doc), 0) > this.commonPair) return 'scan';
    if (rows.length === 0) return sql<SqlBool>`0 = 1`;
    const match = rows.map((r) => ftsPhrase(r.term)).join(' OR ');
    return sql<SqlBool>`id in (select rowid from search_fts where search_fts match ${match})`;
  }
}
