import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../db/database';
import { openTestDatabase } from '../db/testDatabase';
import { DEFAULT_CHAINS, type CheckpointChain } from '../../core/domain/workflow';
import { ChainStore } from './chainStore';

let database: DeskDatabase;
let chains: ChainStore;

beforeEach(async () => {
  database = await openTestDatabase();
  chains = new ChainStore(database.db);
});
afterEach(() => database.close());

describe('ChainStore', () => {
  it('gives the defaults until an admin sets a chain, then that chain for its kind only', async () => {
    expect(await chains.get('media')).toEqual(DEFAULT_CHAINS.media);
    const chain: CheckpointChain = { draftName: '起草', checkpoints: [{ key: 'desk', name: '值班审核', role: 'reviewer' }, { key: 'chief', name: '总编签发', role: 'signer' }] };
    await chains.set('media', chain, 'admin-id');
    await chains.set('media', chain, 'admin-id');
    expect(await chains.get('media')).toEqual(chain);
    expect((await chains.all()).info).toEqual(DEFAULT_CHAINS.info);
  });

  it('says which kind is corrupt instead of handing on a chain without checkpoints', async () => {
    await database.db.insertInto('checkpoint_chains')
      .values({ kind: 'info', chain: '{"draftName": "起草"}', updated_at: new Date().toISOString(), updated_by: null }).execute();
    await expect(chains.get('info')).rejects.toThrow(/checkpoint_chains\.chain of info is corrupt: checkpoints/);
  });
});
