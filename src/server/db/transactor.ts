import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * Runs `work` in one database transaction: all of its writes or none (a throw rolls back and is
 * rethrown). Store methods that take a `Transaction` write inside it, so a use case can make several
 * stores' writes atomic without touching a table itself.
 */
export type Transactor = <T>(work: (trx: Transaction<Database>) => Promise<T>) => Promise<T>;

/** The transactor over `db`. */
export function transactor(db: Kysely<Database>): Transactor {
  return (work) => db.transaction().execute(work);
}
