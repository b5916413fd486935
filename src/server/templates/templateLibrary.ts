import { randomUUID } from 'node:crypto';
import type { DocumentKind } from '../../core/domain/kinds';
import { KIND_LABELS } from '../../core/domain/kinds';
import { builtinTemplate, DEFAULT_FIELDS, startingProperties, type SkeletonBlock } from '../../core/templates/catalog';
import type { DocumentProperties, User } from '../../shared/api';
import type { CreateTemplateRequest, OfficeDefaultsResponse, TemplateSummary } from '../../shared/templates';
import { DOCUMENT_KINDS } from '../../core/domain/kinds';
import { DeskError, notFound } from '../errors';
import type { Audit } from '../services';
import type { BodyStore } from '../collab/bodyStore';
import { rowProperties, type DocumentStore } from '../documents/documentStore';
import type { TemplateStore } from './templateStore';

/** Where a new piece starts: its properties and either skeleton blocks or a copied body state. */
export interface StartingPoint {
  properties: DocumentProperties;
  blocks: SkeletonBlock[];
  /** The body of an edited template, copied as it is (formatting, tables and all). */
  state: Uint8Array | null;
}

export interface TemplateLibraryDeps {
  templates: TemplateStore;
  documents: DocumentStore;
  bodies: BodyStore;
  audit: Audit;
}

/**
 * Templates (模板) and office defaults as flows: where a new piece starts, an admin's edit of a
 * template (it becomes a document of its own, edited in the workspace like any piece), the
 * office's own templates, and the defaults each kind fills in.
 */
export class TemplateLibrary {
  constructor(private readonly deps: TemplateLibraryDeps) {}

  /**
   * The start of a new piece of `kind`: from `templateId` when given (400 when unknown, hidden or of
   * another kind), else blank; office defaults under the template's properties.
   */
  async start(kind: DocumentKind, templateId?: string): Promise<StartingPoint> {
    const defaults = await this.deps.templates.defaults(kind);
    if (!templateId) return { properties: startingProperties(kind, defaults, {}), blocks: [], state: null };
    const template = await this.deps.templates.find(templateId);
    if (!template || template.disabled) throw new DeskError('bad_request', '所选模板不存在或已停用，请重新选择模板');
    if (template.kind !== kind) throw new DeskError('bad_request', `模板“${template.name}”不是${KIND_LABELS[kind]}的模板`);
    const skeleton = await this.skeleton(template);
    return { ...skeleton, properties: startingProperties(kind, defaults, skeleton.properties) };
  }

  /** A template's own content: its document's when edited, else the built-in skeleton. */
  private async skeleton(template: TemplateSummary): Promise<StartingPoint> {
    if (template.documentId) {
      const row = await this.deps.documents.findRow(template.documentId);
      if (row) return { properties: rowProperties(row), blocks: [], state: await this.deps.bodies.currentState(template.documentId) };
    }
    const builtin = builtinTemplate(template.id);
    return { properties: { ...(builtin?.properties ?? {}) }, blocks: [...(builtin?.blocks ?? [])], state: null };
  }

  /** Templates for 新建 (shown ones) or for the admin (`withHidden`). */
  list(kind: DocumentKind | undefined, withHidden: boolean): Promise<TemplateSummary[]> {
    return this.deps.templates.list(kind, withHidden);
  }

  /**
   * Makes the template editable: the first time, its skeleton becomes a document owned by `admin`
   * (another admin later is added as its collaborator, so any admin can edit it). Returns it.
   */
  async edit(admin: User, id: string): Promise<TemplateSummary> {
    const { templates, documents, audit } = this.deps;
    const template = await templates.find(id);
    if (!template) throw notFound('模板');
    if (template.documentId) {
      const row = await documents.findRow(template.documentId);
      if (row && row.owner_id !== admin.id) {
        const collaborators = await documents.collaboratorIds(row.id);
        if (!collaborators.includes(admin.id)) await documents.addCollaborator({ ...admin, id: row.owner_id }, row.id, admin.id);
      }
      return template;
    }
    const documentId = await this.makeDocument(admin, template, await this.skeleton(template));
    await templates.save({ ...template, documentId }, admin.id);
    await audit(admin.id, 'template.edit', id, { documentId });
    return { ...template, documentId };
  }

  /** The office's own template of a kind, from another template's content or blank; returns it with its document. */
  async create(admin: User, request: CreateTemplateRequest): Promise<TemplateSummary> {
    const base = request.template ? await this.deps.templates.find(request.template) : undefined;
    if (request.template && !base) throw notFound('模板');
    if (base && base.kind !== request.kind) throw new DeskError('bad_request', `模板“${base.name}”不是${KIND_LABELS[request.kind]}的模板`);
    const summary: TemplateSummary = {
      id: randomUUID(), kind: request.kind, genre: request.genre, name: request.name, builtin: false, documentId: null, disabled: false,
    };
    const content = base ? await this.skeleton(base) : { properties: {}, blocks: [], state: null };
    const documentId = await this.makeDocument(admin, summary, content);
    await this.deps.templates.save({ ...summary, documentId }, admin.id);
    await this.deps.audit(admin.id, 'template.create', summary.id, { kind: summary.kind, name: summary.name, documentId });
    return { ...summary, documentId };
  }

  /** Renames or hides (disabled) a template. */
  async update(admin: User, id: string, changes: { name?: string; disabled?: boolean }): Promise<TemplateSummary> {
    const template = await this.deps.templates.find(id);
    if (!template) throw notFound('模板');
    const next = { ...template, name: changes.name ?? template.name, disabled: changes.disabled ?? template.disabled };
    await this.deps.templates.save(next, admin.id);
    await this.deps.audit(admin.id, 'template.update', id, changes);
    return next;
  }

  /** Every kind's default fields and values. */
  async defaults(): Promise<OfficeDefaultsResponse> {
    const all = await this.deps.templates.allDefaults();
    return {
      kinds: DOCUMENT_KINDS.map((kind) => ({
        kind, fields: [...DEFAULT_FIELDS[kind]], values: all.get(kind)?.values ?? {}, updatedAt: all.get(kind)?.updatedAt ?? null,
      })),
    };
  }

  /** Sets a kind's defaults (an admin); fields the kind has no default for are refused by name. */
  async setDefaults(admin: User, kind: DocumentKind, values: Record<string, string>): Promise<OfficeDefaultsResponse> {
    const unknown = Object.keys(values).filter((key) => !DEFAULT_FIELDS[kind].includes(key));
    if (unknown.length > 0) {
      throw new DeskError('bad_request', `${KIND_LABELS[kind]}没有可设默认值的属性“${unknown[0]}”，可设的是：${DEFAULT_FIELDS[kind].join('、')}`);
    }
    const kept = await this.deps.templates.setDefaults(kind, values, admin.id);
    await this.deps.audit(admin.id, 'defaults.update', kind, { fields: Object.keys(kept) });
    return this.defaults();
  }

  private async makeDocument(admin: User, template: TemplateSummary, content: StartingPoint): Promise<string> {
    const { documents, bodies } = this.deps;
    const id = await documents.create(admin, { title: `模板：${template.name}`, kind: template.kind, properties: content.properties });
    if (content.state) await bodies.seedState(id, content.state);
    else await bodies.seed(id, content.blocks.map((b) => ({ type: 'paragraph', text: b.text, ...(b.level !== undefined && { level: b.level }) })));
    return id;
  }
}
