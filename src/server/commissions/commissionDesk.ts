import { shanghaiDate } from '../../core/targets/dates';
import type { DocumentDetail, User } from '../../shared/api';
import type { CommissionSummary, CommissionYear, CreateCommissionRequest } from '../../shared/templates';
import { DeskError, forbidden, notFound } from '../errors';
import type { Audit } from '../services';
import type { DocumentStore } from '../documents/documentStore';
import type { UserDirectory } from '../users/userDirectory';
import type { OutletCatalog } from '../ledger/outletCatalog';
import type { TargetBook } from '../ledger/targetBook';
import type { DocumentCreator } from '../documents/documentCreator';
import type { CommissionStore } from './commissionStore';
import type { CommissionSweeper } from './commissionSweeper';

export interface CommissionDeskDeps {
  commissions: CommissionStore;
  sweeper: CommissionSweeper;
  documents: DocumentStore;
  users: Pick<UserDirectory, 'get'>;
  outlets: Pick<OutletCatalog, 'get'>;
  targets: Pick<TargetBook, 'yearTargets'>;
  creator: Pick<DocumentCreator, 'create'>;
  audit: Audit;
}

const recorder = (user: User): boolean => user.roles.includes('clerk') || user.roles.includes('admin');

/**
 * 约稿 as flows: a clerk (or admin) records one for a writer; the writer sees theirs; the writer (or
 * a clerk) answers it with a piece they may read, or starts the piece from it. Lists are swept
 * first, so a 约稿 past its deadline shows with its `missed` event already in the ledger.
 */
export class CommissionDesk {
  constructor(private readonly deps: CommissionDeskDeps) {}

  async create(user: User, request: CreateCommissionRequest): Promise<CommissionSummary> {
    if (!recorder(user)) throw forbidden('只有统计员或管理员可以登记约稿');
    await this.deps.outlets.get(request.outletId);
    const assignee = await this.deps.users.get(request.assigneeId);
    if (assignee.disabled) throw new DeskError('bad_request', `被约稿人“${assignee.displayName}”的账号已停用`);
    const id = await this.deps.commissions.create(user.id, request);
    await this.deps.audit(user.id, 'commission.create', id, { outletId: request.outletId, deadline: request.deadline, assigneeId: request.assigneeId });
    return this.get(id);
  }

  /** The user's own (`mine`), or for a clerk or admin every 约稿 of `year`. */
  async list(user: User, mine: boolean, year?: number): Promise<CommissionSummary[]> {
    await this.deps.sweeper.sweep();
    const today = shanghaiDate(new Date());
    if (mine || !recorder(user)) return this.deps.commissions.list({ assigneeId: user.id, year }, today);
    return this.deps.commissions.list({ year }, today);
  }

  /** Tags the piece that answers it (null untags); the assignee or a clerk, with a piece they may read. */
  async answer(user: User, id: string, documentId: string | null): Promise<CommissionSummary> {
    const commission = await this.mayAnswer(user, id);
    if (documentId) await this.deps.documents.load(user, documentId);
    await this.deps.commissions.answer(commission.id, documentId);
    await this.deps.audit(user.id, 'commission.answer', id, { documentId });
    return this.get(id);
  }

  /** Starts the answering piece from the 约稿: its kind, its topic as title, tagged as the answer. */
  async startPiece(user: User, id: string, template?: string): Promise<DocumentDetail> {
    const commission = await this.mayAnswer(user, id);
    const piece = await this.deps.creator.create(user, { title: commission.topic, kind: commission.kind, template });
    await this.deps.commissions.answer(commission.id, piece.id);
    await this.deps.audit(user.id, 'commission.answer', id, { documentId: piece.id });
    return piece;
  }

  async cancel(user: User, id: string, cancelled: boolean): Promise<CommissionSummary> {
    if (!recorder(user)) throw forbidden('只有统计员或管理员可以撤销约稿');
    await this.get(id);
    await this.deps.commissions.cancel(id, cancelled);
    await this.deps.audit(user.id, cancelled ? 'commission.cancel' : 'commission.restore', id);
    return this.get(id);
  }

  /** The dashboard's line: a year's 约稿 answered, missed and open, and the scheme's miss limit. */
  async year(year: number): Promise<CommissionYear> {
    await this.deps.sweeper.sweep();
    const all = (await this.deps.commissions.list({ year }, shanghaiDate(new Date()))).filter((c) => !c.cancelled);
    const points = (await this.deps.targets.yearTargets(year)).points;
    return {
      year, total: all.length,
      answered: all.filter((c) => c.status === 'answered').length,
      missed: all.filter((c) => c.status === 'missed').length,
      open: all.filter((c) => c.status === 'open' || c.status === 'due-soon').length,
      missedLimit: points.missedLimit ?? null,
    };
  }

  private async get(id: string): Promise<CommissionSummary> {
    const found = await this.deps.commissions.get(id, shanghaiDate(new Date()));
    if (!found) throw notFound('约稿');
    return found;
  }

  private async mayAnswer(user: User, id: string): Promise<CommissionSummary> {
    const commission = await this.get(id);
    if (commission.assigneeId !== user.id && !recorder(user)) throw forbidden('只有被约稿人或统计员可以为约稿报送稿件');
    if (commission.cancelled) throw new DeskError('conflict', '此约稿已撤销');
    return commission;
  }
}
