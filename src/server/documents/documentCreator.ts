import { cleanTitle } from '../../core/text/cleanText';
import type { CreateDocumentRequest, DocumentDetail, User } from '../../shared/api';
import type { DocumentKind } from '../../core/domain/kinds';
import type { Audit } from '../services';
import type { BodyStore } from '../collab/bodyStore';
import type { HeavyWork } from '../work/heavyWork';
import type { DocumentStore } from './documentStore';
import type { TemplateLibrary } from '../templates/templateLibrary';

export interface DocumentCreatorDeps {
  documents: DocumentStore;
  bodies: BodyStore;
  work: HeavyWork;
  audit: Audit;
  /** Where a new piece starts (its template and the office defaults); without it, blank. */
  starter?: Pick<TemplateLibrary, 'start'>;
}

/** An uploaded Word file, as the route received it. */
export interface WordUpload { fileName: string; bytes: Buffer; kind?: DocumentKind }

/**
 * Makes new pieces owned by the user, their body seeded once by the server: from the form
 * (`document.create`) or from a Word file read in the worker pool (`document.import`).
 */
export class DocumentCreator {
  constructor(private readonly deps: DocumentCreatorDeps) {}

  /**
   * A new piece from the form's fields: its body the given seed blocks, else its template's; its
   * properties the office defaults, then the template's, then the given ones. Returns it as its
   * owner sees it.
   */
  async create(user: User, body: CreateDocumentRequest): Promise<DocumentDetail> {
    const { documents, bodies, audit, starter } = this.deps;
    const start = starter ? await starter.start(body.kind, body.template) : null;
    const properties = { ...start?.properties, ...body.properties };
    const id = await documents.create(user, { title: body.title, kind: body.kind, properties });
    if (!body.blocks && start?.state) await bodies.seedState(id, start.state);
    else await bodies.seed(id, body.blocks ?? (start?.blocks ?? []).map((b) => ({ type: 'paragraph' as const, ...b })));
    await audit(user.id, 'document.create', id, { kind: body.kind, ...(body.template && { template: body.template }) });
    return documents.detail(user, id);
  }

  /**
   * A new piece from a .docx (measured, then read, in the worker pool): its kind as asked, else as
   * recognized, else 综合; its title as found in the text, else the file's name. Returns its id.
   */
  async importWord(user: User, upload: WordUpload): Promise<string> {
    const { documents, bodies, work, audit } = this.deps;
    const { fileName, bytes } = upload;
    const imported = await work.run('importDocx', bytes);
    const kind: DocumentKind = upload.kind ?? imported.kind ?? 'comprehensive';
    // Cleaned as every title is (cleanTitle).
    const title = [...(cleanTitle(imported.title ?? '') || cleanTitle(fileName.replace(/\.docx$/i, '')) || '导入的文稿')].slice(0, 200).join('');
    const id = await documents.create(user, { title, kind, properties: imported.properties });
    await bodies.seedState(id, imported.body);
    await audit(user.id, 'document.import', id, { kind, fileName, blocks: imported.blocks });
    return id;
  }
}
