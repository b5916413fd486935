import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import type { DocumentKind } from '../../core/domain/kinds';
import { BUILTIN_TEMPLATES, DEFAULT_FIELDS } from '../../core/templates/catalog';
import type { TemplateSummary } from '../../shared/templates';
import { jsonColumn } from '../db/jsonColumns';

const defaultsColumn = jsonColumn('office_defaults.fields', z.record(z.string(), z.string()));

/** A template row to write: the office's own, or a built-in's edit. */
export interface TemplateRecord { id: string; kind: DocumentKind; genre: string; name: string; builtin: boolean; documentId: string | null; disabled: boolean }

/**
 * Owns `templates` and `office_defaults`. A built-in template (core/templates/catalog) lists as it
 * ships until a row with its id says otherwise (renamed, hidden, or edited into its own document).
 */
export class TemplateStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every template, built-ins first in catalog order, then the office's own by name; hidden ones only with `withHidden`. */
  async list(kind: DocumentKind | undefined, withHidden: boolean): Promise<TemplateSummary[]> {
    const rows = await this.db.selectFrom('templates').selectAll().execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const builtins = BUILTIN_TEMPLATES.map((t): TemplateSummary => {
      const row = byId.get(t.id);
      return {
        id: t.id, kind: t.kind, genre: t.genre, name: row?.name ?? t.genre, builtin: true,
        documentId: row?.document_id ?? null, disabled: row?.disabled === 1,
      };
    });
    const own = rows.filter((r) => r.builtin === 0).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((r): TemplateSummary => ({
      id: r.id, kind: r.kind, genre: r.genre, name: r.name, builtin: false, documentId: r.document_id, disabled: r.disabled === 1,
    }));
    return [...builtins, ...own].filter((t) => (kind === undefined || t.kind === kind) && (withHidden || !t.disabled));
  }

  /** One template by id (built-in or the office's), or undefined. */
  async find(id: string): Promise<TemplateSummary | undefined> {
    return (await this.list(undefined, true)).find((t) => t.id === id);
  }

  /** The template whose document this is, or undefined. */
  async byDocument(documentId: string): Promise<TemplateSummary | undefined> {
    const row = await this.db.selectFrom('templates').select('id').where('document_id', '=', documentId).executeTakeFirst();
    return row ? this.find(row.id) : undefined;
  }

  /** True when the document is a template's (one indexed read). */
  async isTemplateDocument(documentId: string): Promise<boolean> {
    return (await this.db.selectFrom('templates').select('id').where('document_id', '=', documentId).executeTakeFirst()) !== undefined;
  }

  /** Writes the template's row (insert or replace). */
  async save(record: TemplateRecord, userId: string): Promise<void> {
    const values = {
      kind: record.kind, genre: record.genre, name: record.name, builtin: record.builtin ? 1 : 0,
      document_id: record.documentId, disabled: record.disabled ? 1 : 0, updated_at: new Date().toISOString(), updated_by: userId,
    };
    const updated = await this.db.updateTable('templates').set(values).where('id', '=', record.id).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await this.db.insertInto('templates').values({ id: record.id, ...values }).execute();
  }

  /** The office defaults of a kind: only its known fields, blanks left out. */
  async defaults(kind: DocumentKind): Promise<Record<string, string>> {
    const row = await this.db.selectFrom('office_defaults').selectAll().where('kind', '=', kind).executeTakeFirst();
    return row ? defaultsColumn.parse(row.fields, kind) : {};
  }

  /** Every kind's defaults with when they were last set. */
  async allDefaults(): Promise<Map<DocumentKind, { values: Record<string, string>; updatedAt: string }>> {
    const rows = await this.db.selectFrom('office_defaults').selectAll().execute();
    return new Map(rows.map((r) => [r.kind, { values: defaultsColumn.parse(r.fields, r.kind), updatedAt: r.updated_at }]));
  }

  /** Replaces a kind's defaults with `values` (unknown fields and blanks dropped); returns what was kept. */
  async setDefaults(kind: DocumentKind, values: Record<string, string>, userId: string): Promise<Record<string, string>> {
    const kept: Record<string, string> = {};
    for (const key of DEFAULT_FIELDS[kind]) {
      const value = values[key]?.trim();
      if (value) kept[key] = value;
    }
    const now = new Date().toISOString();
    const fields = defaultsColumn.stringify(kept);
    const updated = await this.db.updateTable('office_defaults').set({ fields, updated_at: now, updated_by: userId }).where('kind', '=', kind).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await this.db.insertInto('office_defaults').values({ kind, fields, updated_at: now, updated_by: userId }).execute();
    }
    return kept;
  }
}
