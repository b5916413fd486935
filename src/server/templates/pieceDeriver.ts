import type { DocumentKind } from '../../core/domain/kinds';
import { startingProperties } from '../../core/templates/catalog';
import type { DocumentDetail, User } from '../../shared/api';
import type { LinkedPiece, Lineage, ResearchYield } from '../../shared/templates';
import type { Audit } from '../services';
import type { BodyStore } from '../collab/bodyStore';
import type { DocumentStore } from '../documents/documentStore';
import type { SubmissionLedger } from '../ledger/submissionLedger';
import { DeskError } from '../errors';
import type { TemplateStore } from './templateStore';
import { descendants, type DocumentLinks } from './documentLinks';
import type { CommissionStore } from '../commissions/commissionStore';

export interface PieceDeriverDeps {
  documents: DocumentStore;
  bodies: BodyStore;
  links: DocumentLinks;
  templates: TemplateStore;
  submissions: Pick<SubmissionLedger, 'entriesForYear'>;
  commissions: Pick<CommissionStore, 'answeredBy'>;
  audit: Audit;
}

/**
 * 一稿多用: a new piece of another kind made from one the user may read, keeping a link to it; each
 * piece's lineage (sources and derivatives); and, for the dashboard, what was counted of the pieces
 * made from each 调研报告. A derived piece is its own piece for counting.
 */
export class PieceDeriver {
  constructor(private readonly deps: PieceDeriverDeps) {}

  /** The new piece, owned by the user, its body a copy of the source's and its properties the kind's defaults. */
  async derive(user: User, sourceId: string, kind: DocumentKind, title?: string): Promise<DocumentDetail> {
    const { documents, bodies, links, templates, audit } = this.deps;
    const { row } = await documents.load(user, sourceId);
    if (row.deleted_at) throw new DeskError('bad_request', '回收站中的文稿不能派生新稿件');
    if (await templates.byDocument(sourceId)) throw new DeskError('bad_request', '模板不能派生稿件，请用“新建”从模板开始');
    const properties = startingProperties(kind, await templates.defaults(kind), {});
    const id = await documents.create(user, { title: title ?? row.title, kind, properties });
    await bodies.seedState(id, await bodies.currentState(sourceId));
    await links.link(sourceId, id, user.id);
    await audit(user.id, 'document.derive', id, { source: sourceId, kind });
    return documents.detail(user, id);
  }

  /** Where the piece came from and what was made of it; pieces the user may not read show without their title. */
  async lineage(user: User, id: string): Promise<Lineage> {
    const { documents, links, templates, commissions } = this.deps;
    await documents.load(user, id);
    const [sources, derivatives] = await Promise.all([links.sourcesOf(id), links.derivativesOf(id)]);
    return {
      sources: await this.pieces(user, sources),
      derivatives: await this.pieces(user, derivatives),
      template: (await templates.byDocument(id)) ?? null,
      commissions: await commissions.answeredBy(id),
    };
  }

  private async pieces(user: User, ids: string[]): Promise<LinkedPiece[]> {
    const out: LinkedPiece[] = [];
    for (const id of ids) {
      const row = await this.deps.documents.findRow(id);
      if (!row) continue;
      const readable = await this.deps.documents.load(user, id).then(() => true, () => false);
      const [owner] = await this.deps.documents.authorNames([{ id, ownerId: row.owner_id }]).then((m) => m.get(id) ?? []);
      out.push({ id, title: readable ? row.title : null, kind: row.kind, state: row.state, ownerName: owner ?? '' });
    }
    return out;
  }

  /**
   * For each 调研报告 with pieces made from it: those pieces (derivatives of derivatives too) and the
   * ledger rows of them and of the report adopted or published in `year`; a report the user may not
   * read shows without its title.
   */
  async researchYield(user: User, year: number): Promise<ResearchYield[]> {
    const { links, documents, submissions } = this.deps;
    const all = await links.all();
    const entries = await submissions.entriesForYear(year);
    const out: ResearchYield[] = [];
    for (const rootId of all.keys()) {
      const root = await documents.findRow(rootId);
      if (!root || root.kind !== 'research' || root.deleted_at) continue;
      const family = new Set([rootId, ...descendants(rootId, all)]);
      const results = entries.flatMap((entry) => {
        const documentId = entry.pieceKey.startsWith('doc:') ? entry.pieceKey.slice(4) : '';
        if (!family.has(documentId)) return [];
        const status = entry.facts.publishedOn?.startsWith(String(year)) ? 'published' as const
          : entry.facts.adoptedOn?.startsWith(String(year)) ? 'adopted' as const : null;
        return status ? [{ documentId, title: entry.title, outlet: entry.outlet.name, status }] : [];
      });
      // The ledger's rows are everyone's to see; a report's own title only for who may read it.
      const readable = await documents.load(user, rootId).then(() => true, () => false);
      out.push({ id: rootId, title: readable ? root.title : '（无权查看的调研报告）', derived: family.size - 1, results });
    }
    return out.sort((a, b) => b.results.length - a.results.length);
  }
}
