import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { checkpointChainColumn } from '../db/jsonColumns';
import { DEFAULT_CHAINS, type CheckpointChain } from '../../core/domain/workflow';
import { DOCUMENT_KINDS, type DocumentKind } from '../../core/domain/kinds';

/** Checkpoint chains as data, one per kind: the defaults until an admin edits one. */
export class ChainStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(kind: DocumentKind): Promise<CheckpointChain> {
    const row = await this.db.selectFrom('checkpoint_chains').select('chain').where('kind', '=', kind).executeTakeFirst();
    return row ? checkpointChainColumn.parse(row.chain, kind) : DEFAULT_CHAINS[kind];
  }

  async all(): Promise<Record<DocumentKind, CheckpointChain>> {
    const entries = await Promise.all(DOCUMENT_KINDS.map(async (kind) => [kind, await this.get(kind)] as const));
    return Object.fromEntries(entries) as Record<DocumentKind, CheckpointChain>;
  }

  /** Takes effect for pieces submitted from now on; pieces in review keep the chain they started on. */
  async set(kind: DocumentKind, chain: CheckpointChain, by: string): Promise<void> {
    const value = checkpointChainColumn.stringify(chain);
    const now = new Date().toISOString();
    await this.db.insertInto('checkpoint_chains').values({ kind, chain: value, updated_at: now, updated_by: by })
      .onConflict((oc) => oc.column('kind').doUpdateSet({ chain: value, updated_at: now, updated_by: by }))
      .execute();
  }
}
