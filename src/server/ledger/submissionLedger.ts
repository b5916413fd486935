import { randomUUID } from 'node:crypto';
import { containsText } from '../db/textSearch';
import type { Kysely, Transaction } from 'kysely';
import { deriveFacts, pieceKey, SENDING_EVENTS } from '../../core/targets/events';
import { isCalendarDate, shanghaiDate } from '../../core/targets/dates';
import type {
  CalendarDate, EventType, LedgerEntry, LedgerEvent, OutletLevel, SubmissionFacts, SubmissionStatus,
} from '../../core/targets/model';
import type { DocumentKind } from '../../core/domain/kinds';
import type { User } from '../../shared/api';
import type { CreateSubmissionRequest, Evidence, FinalDocument, Outlet, RecordEventRequest, Submission, SubmissionEvent } from '../../shared/ledger';
import type { Database, LedgerSubmissionsTable } from '../db/schema';
import { submissionAuthorsColumn, submissionExtrasColumn, submissionFactsColumn } from '../db/jsonColumns';
import { DeskError, notFound } from '../errors';
import { toOutlet } from './outletCatalog';
import type { DocumentStore } from '../documents/documentStore';

type Db = Kysely<Database> | Transaction<Database>;

/** One event to write: the calendar date and what the log keeps beside it. */
export interface NewEvent {
  type: EventType;
  on: CalendarDate;
  level?: OutletLevel | null;
  issue?: string;
  page?: string;
  url?: string;
  summary?: string;
}

/** A piece to record, resolved (document looked up, or a manual entry). */
export interface NewSubmission {
  documentId: string | null;
  title: string;
  kind: DocumentKind;
  authors: string[];
  /** An outlet of the catalog; or empty with `outletName` naming one of the outlets `insert` adds. */
  outletId: string;
  outletName?: string;
  events: NewEvent[];
}

/** A row as an import matches it: same title, outlet and first day sent is the same record. */
export interface SentRecord { title: string; outletName: string; sentOn: CalendarDate | null }

/** An outlet an import adds to the catalog, in the same transaction as its rows. */
export interface NewOutlet { name: string; level: OutletLevel; kind: Outlet['kind'] }

export interface SubmissionFilter {
  year?: number; status?: SubmissionStatus; outletId?: string; q?: string; ids?: string[];
  /** At most this many rows, newest first (default 5000: a page; the export asks for the whole year). */
  limit?: number;
}

/** `YYYY-MM-DD` as it is, or an instant turned into its Shanghai calendar date; otherwise 400. */
export function toCalendarDate(at: string): CalendarDate {
  if (isCalendarDate(at)) return at;
  if (/T/.test(at) && !Number.isNaN(Date.parse(at))) return shanghaiDate(at);
  throw new DeskError('bad_request', '日期格式应为 YYYY-MM-DD');
}

/** The row columns that hold a submission's derived facts. */
export function factColumns(facts: SubmissionFacts): Pick<LedgerSubmissionsTable,
  'status' | 'facts' | 'first_on' | 'last_on' | 'submitted_on' | 'adopted_on' | 'published_on' | 'extras'> {
  const { ratings, instructions, missed } = facts;
  return {
    status: facts.status, facts: submissionFactsColumn.stringify(facts), first_on: facts.firstOn, last_on: facts.lastOn,
    submitted_on: facts.submittedOn, adopted_on: facts.adoptedOn, published_on: facts.publishedOn,
    extras: ratings.length + instructions.length + missed.length > 0 ? submissionExtrasColumn.stringify({ ratings, instructions, missed }) : '',
  };
}

const NONE: never[] = [];

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/**
 * The submission ledger (报送台账): ledger rows, their append-only event logs and evidence. Each row
 * keeps its derived facts (core `deriveFacts`) beside it, so counting a year reads one table.
 */
export class SubmissionLedger {
  /** Documents (定稿 pieces, their authors) are read through their owning store. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly documents: Pick<DocumentStore, 'finals' | 'authorNames' | 'findRow'>,
  ) {}

  /** The 定稿 documents a submission can be recorded from, with their authors (owner and collaborators). */
  async finalDocuments(): Promise<FinalDocument[]> {
    const rows = await this.documents.finals(1000);
    const authors = await this.documents.authorNames(rows.map((r) => ({ id: r.id, ownerId: r.owner_id })));
    return rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, authors: authors.get(r.id) ?? [], updatedAt: r.updated_at }));
  }

  /** Resolves a request: a document must be 定稿; outlets must exist and be in use. */
  async resolve(request: CreateSubmissionRequest): Promise<NewSubmission[]> {
    let base: Omit<NewSubmission, 'outletId' | 'events'>;
    if (request.documentId) {
      const doc = await this.documents.findRow(request.documentId);
      if (!doc || doc.deleted_at !== null) throw notFound();
      if (doc.state !== 'final') throw new DeskError('conflict', '只有定稿的文稿才能报送');
      const authors = request.authors ?? (await this.documents.authorNames([{ id: doc.id, ownerId: doc.owner_id }])).get(doc.id) ?? [];
      base = { documentId: doc.id, title: doc.title, kind: doc.kind, authors };
    } else {
      base = { documentId: null, title: request.title ?? '', kind: request.kind ?? 'media', authors: request.authors ?? [] };
    }
    const outletIds = [...new Set(request.outletIds)];
    const outlets = await this.db.selectFrom('outlets').select(['id', 'disabled']).where('id', 'in', outletIds).execute();
    for (const id of outletIds) {
      const outlet = outlets.find((o) => o.id === id);
      if (!outlet) throw notFound('刊物或媒体');
      if (outlet.disabled === 1) throw new DeskError('conflict', '该刊物或媒体已停用');
    }
    return outletIds.map((outletId) => ({ ...base, outletId, events: request.on ? [{ type: 'submitted', on: request.on }] : [] }));
  }

  /** Writes ledger rows with their first events (and any new outlets), all or nothing; returns their ids. */
  async insert(user: User, submissions: NewSubmission[], newOutlets: NewOutlet[] = []): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      const now = new Date().toISOString();
      const added = new Map<string, string>();
      for (const outlet of newOutlets) {
        const id = randomUUID();
        await trx.insertInto('outlets').values({ id, name: outlet.name, level: outlet.level, kind: outlet.kind, example: 0, disabled: 0, created_at: now }).execute();
        added.set(outlet.name, id);
      }
      for (const s of submissions) {
        const id = randomUUID();
        const outletId = s.outletId || added.get(s.outletName ?? '');
        if (!outletId) throw notFound('刊物或媒体');
        const facts = deriveFacts(s.events);
        await trx.insertInto('ledger_submissions').values({
          id, document_id: s.documentId, piece_key: pieceKey(s.documentId, s.title), title: s.title, kind: s.kind,
          authors: submissionAuthorsColumn.stringify(s.authors), outlet_id: outletId, ...factColumns(facts), created_at: now, created_by: user.id,
        }).execute();
        for (const event of s.events) await this.insertEvent(trx, id, event, user.id, now);
        ids.push(id);
      }
      return ids;
    });
  }

  private async insertEvent(db: Db, submissionId: string, event: NewEvent, userId: string, now: string): Promise<void> {
    await db.insertInto('ledger_events').values({
      submission_id: submissionId, type: event.type, on_date: event.on, level: event.level ?? null,
      issue: event.issue ?? '', page: event.page ?? '', url: event.url ?? '', summary: event.summary ?? '',
      recorded_at: now, recorded_by: userId,
    }).execute();
  }

  /** Appends one dated event and re-derives the row's status and facts from the whole log. */
  async recordEvent(user: User, id: string, request: RecordEventRequest): Promise<void> {
    const on = toCalendarDate(request.at);
    if ((request.status === 'instructed' || request.status === 'rated') && !request.level) {
      throw new DeskError('bad_request', request.status === 'instructed' ? '请选择批示领导的级别' : '请选择评优的级别');
    }
    if (request.status === 'voided' && !request.summary) throw new DeskError('bad_request', '请填写作废原因');
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('ledger_submissions').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('报送记录');
      if (row.status === 'voided') throw new DeskError('conflict', '该记录已作废，不能再记录进展');
      await this.insertEvent(trx, id, { ...request, type: request.status, on }, user.id, new Date().toISOString());
      const events = await trx.selectFrom('ledger_events').select(['type', 'on_date', 'level'])
        .where('submission_id', '=', id).orderBy('id').execute();
      const facts = deriveFacts(events.map((e): LedgerEvent => ({ type: e.type, on: e.on_date, level: e.level })));
      await trx.updateTable('ledger_submissions').set(factColumns(facts)).where('id', '=', id).execute();
    });
  }

  async get(id: string): Promise<Submission> {
    const [found] = await this.list({ ids: [id] });
    if (!found) throw notFound('报送记录');
    return found;
  }

  /** Ledger rows with their events and evidence; a year selects rows with an event in it (or planned then). */
  async list(filter: SubmissionFilter): Promise<Submission[]> {
    let query = this.db.selectFrom('ledger_submissions as s').innerJoin('outlets as o', 'o.id', 's.outlet_id')
      .select(['s.id', 's.document_id', 's.title', 's.kind', 's.authors', 's.status', 's.facts', 's.created_at',
        'o.id as outlet_id', 'o.name as outlet_name', 'o.level as outlet_level', 'o.kind as outlet_kind', 'o.example as outlet_example', 'o.disabled as outlet_disabled'])
      .orderBy('s.created_at', 'desc').orderBy('s.id').limit(filter.limit ?? 5000);
    if (filter.ids) query = query.where('s.id', 'in', filter.ids.length > 0 ? filter.ids : ['']);
    const year = filter.year;
    if (year) {
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      query = query.where((eb) => eb.or([
        eb.and([eb('s.last_on', '>=', from), eb('s.first_on', '<=', to)]),
        eb.and([eb('s.first_on', 'is', null), eb('s.created_at', '>=', `${year}-01-01T00:00:00`), eb('s.created_at', '<', `${year + 1}-01-01T00:00:00`)]),
      ]));
    }
    if (filter.status) query = query.where('s.status', '=', filter.status);
    if (filter.outletId) query = query.where('s.outlet_id', '=', filter.outletId);
    if (filter.q) query = query.where(containsText('s.title', filter.q));
    const rows = await query.execute();
    const ids = rows.map((r) => r.id);
    const events = new Map<string, SubmissionEvent[]>();
    const evidence = new Map<string, Evidence[]>();
    const names = new Map((await this.db.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
    for (const part of chunk(ids, 500)) {
      for (const e of await this.db.selectFrom('ledger_events').selectAll().where('submission_id', 'in', part).orderBy('id').execute()) {
        const list = events.get(e.submission_id) ?? [];
        list.push({
          id: Number(e.id), type: e.type, on: e.on_date, level: e.level, issue: e.issue, page: e.page,
          url: e.url, summary: e.summary, recordedAt: e.recorded_at, recordedBy: names.get(e.recorded_by) ?? '',
        });
        events.set(e.submission_id, list);
      }
      for (const f of await this.db.selectFrom('ledger_evidence').selectAll().where('submission_id', 'in', part).orderBy('uploaded_at').execute()) {
        const list = evidence.get(f.submission_id) ?? [];
        list.push({ id: f.id, filename: f.filename, size: Number(f.size), mime: f.mime, uploadedAt: f.uploaded_at });
        evidence.set(f.submission_id, list);
      }
    }
    return rows.map((r) => ({
      id: r.id, documentId: r.document_id, title: r.title, kind: r.kind, authors: submissionAuthorsColumn.parse(r.authors, r.id),
      outlet: toOutlet({ id: r.outlet_id, name: r.outlet_name, level: r.outlet_level, kind: r.outlet_kind, example: r.outlet_example, disabled: r.outlet_disabled }),
      status: r.status, facts: submissionFactsColumn.parse(r.facts, r.id),
      events: events.get(r.id) ?? [], evidence: evidence.get(r.id) ?? [], createdAt: r.created_at,
    }));
  }

  /**
   * Every row's title, outlet and the day it was first sent, read from its event log (so a voided
   * row, whose facts are empty, still has its day): what an import is matched against.
   */
  async sentRecords(): Promise<SentRecord[]> {
    const firstSent = this.db.selectFrom('ledger_events').select('submission_id')
      .select((eb) => eb.fn.min('on_date').as('sent_on'))
      .where('type', 'in', [...SENDING_EVENTS]).groupBy('submission_id').as('e');
    const rows = await this.db.selectFrom('ledger_submissions as s').innerJoin('outlets as o', 'o.id', 's.outlet_id')
      .leftJoin(firstSent, 'e.submission_id', 's.id')
      .select(['s.title', 'o.name as outlet_name', 'e.sent_on']).execute();
    return rows.map((r) => ({ title: r.title, outletName: r.outlet_name, sentOn: r.sent_on ?? null }));
  }

  /**
   * The ledger entries that can count in `year`: every row of every piece with an event in the year,
   * including the piece's rows from other years (a piece is dated by its earliest qualifying date).
   */
  async entriesForYear(year: number, { titles = true }: { titles?: boolean } = {}): Promise<LedgerEntry[]> {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    // As few columns as counting needs: materializing 20,000 rows is most of a year's cost.
    const columns = ['id', 'piece_key', 'kind', 'authors', 'outlet_id', 'submitted_on', 'adopted_on', 'published_on', 'extras',
      ...(titles ? ['title' as const] : [])] as const;
    const inYear = await this.db.selectFrom('ledger_submissions').select(columns)
      .where('last_on', '>=', from).where('first_on', '<=', to).execute();
    // Rows of the same pieces from before the year: they may date a piece earlier (then it does not count now).
    const earlier = await this.db.selectFrom('ledger_submissions').select(columns)
      .where('last_on', '<', from)
      .where('piece_key', 'in', (eb) => eb.selectFrom('ledger_submissions').select('piece_key').where('last_on', '>=', from).where('first_on', '<=', to))
      .execute();
    const outlets = new Map((await this.db.selectFrom('outlets').select(['id', 'name', 'level', 'kind']).execute())
      .map((o) => [o.id, { id: o.id, name: o.name, level: o.level, kind: o.kind }]));
    // Most rows share a handful of author lists: parse each distinct one once.
    const authorLists = new Map<string, string[]>();
    const entries: LedgerEntry[] = [];
    for (const r of [...inYear, ...earlier]) {
      const outlet = outlets.get(r.outlet_id);
      if (!outlet) continue;
      let authors = authorLists.get(r.authors);
      if (!authors) authorLists.set(r.authors, authors = submissionAuthorsColumn.parse(r.authors, r.id));
      const extras = r.extras ? submissionExtrasColumn.parse(r.extras, r.id) : null;
      entries.push({
        id: r.id, pieceKey: r.piece_key, title: 'title' in r ? String(r.title) : '', pieceKind: r.kind, authors, outlet,
        facts: {
          submittedOn: r.submitted_on, adoptedOn: r.adopted_on, publishedOn: r.published_on,
          ratings: extras?.ratings ?? NONE, instructions: extras?.instructions ?? NONE, missed: extras?.missed ?? NONE,
        },
      });
    }
    return entries;
  }

  async addEvidence(user: User, submissionId: string, file: { id: string; filename: string; mime: string; size: number }): Promise<void> {
    await this.db.insertInto('ledger_evidence').values({
      id: file.id, submission_id: submissionId, filename: file.filename, mime: file.mime, size: file.size,
      uploaded_at: new Date().toISOString(), uploaded_by: user.id,
    }).execute();
  }

  async evidence(id: string): Promise<Evidence> {
    const f = await this.db.selectFrom('ledger_evidence').selectAll().where('id', '=', id).executeTakeFirst();
    if (!f) throw notFound('证明材料');
    return { id: f.id, filename: f.filename, size: Number(f.size), mime: f.mime, uploadedAt: f.uploaded_at };
  }

  /** Whether `id` names a live piece (not in the 回收站). */
  async documentExists(id: string): Promise<boolean> {
    const row = await this.documents.findRow(id);
    return row !== undefined && row.deleted_at === null;
  }

  /** 报送 rows naming each of the pieces, all and voided ones, for the removal rule (pieces with none are absent). */
  async countsByDocument(documentIds: string[]): Promise<Map<string, { all: number; voided: number }>> {
    const counts = new Map<string, { all: number; voided: number }>();
    if (documentIds.length === 0) return counts;
    const rows = await this.db.selectFrom('ledger_submissions')
      .select(['document_id', 'status', (eb) => eb.fn.countAll().as('n')])
      .where('document_id', 'in', documentIds).groupBy(['document_id', 'status']).execute();
    for (const r of rows) {
      if (!r.document_id) continue;
      const count = counts.get(r.document_id) ?? { all: 0, voided: 0 };
      count.all += Number(r.n);
      if (r.status === 'voided') count.voided += Number(r.n);
      counts.set(r.document_id, count);
    }
    return counts;
  }

  /** Publication targets and outlets a document is tagged with. */
  async documentTags(documentId: string): Promise<{ targetKeys: string[]; outletIds: string[] }> {
    const targets = await this.db.selectFrom('document_targets').select('target_key').where('document_id', '=', documentId).execute();
    const outlets = await this.db.selectFrom('document_outlets').select('outlet_id').where('document_id', '=', documentId).execute();
    return { targetKeys: targets.map((t) => t.target_key).sort(), outletIds: outlets.map((o) => o.outlet_id) };
  }

  async setDocumentTags(documentId: string, tags: { targetKeys: string[]; outletIds: string[] }): Promise<void> {
    const outletIds = [...new Set(tags.outletIds)];
    if (outletIds.length > 0) {
      const known = await this.db.selectFrom('outlets').select('id').where('id', 'in', outletIds).execute();
      if (known.length !== outletIds.length) throw notFound('刊物或媒体');
    }
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('document_targets').where('document_id', '=', documentId).execute();
      await trx.deleteFrom('document_outlets').where('document_id', '=', documentId).execute();
      for (const key of new Set(tags.targetKeys)) await trx.insertInto('document_targets').values({ document_id: documentId, target_key: key }).execute();
      for (const id of outletIds) await trx.insertInto('document_outlets').values({ document_id: documentId, outlet_id: id }).execute();
    });
  }
}
