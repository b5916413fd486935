import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CreateOutletRequest, Outlet, UpdateOutletRequest } from '../../shared/ledger';
import type { Database } from '../db/schema';
import { DeskError, notFound } from '../errors';

type OutletRow = Database['outlets'];

/** An outlets row as the API shows it (0/1 flags as booleans). */
export function toOutlet(row: Pick<OutletRow, 'id' | 'name' | 'level' | 'kind' | 'example' | 'disabled'>): Outlet {
  return {
    id: row.id, name: row.name, level: row.level, kind: row.kind,
    example: row.example === 1, disabled: row.disabled === 1,
  };
}

/** The outlet catalog (刊物与媒体): journals, media and information channels with their levels. */
export class OutletCatalog {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<Outlet[]> {
    const rows = await this.db.selectFrom('outlets').selectAll().execute();
    const order = { central: 0, provincial: 1, city: 2, district: 3 } as Record<string, number>;
    return rows.map(toOutlet).sort((a, b) => order[a.level] - order[b.level] || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'zh-CN'));
  }

  async get(id: string): Promise<Outlet> {
    const row = await this.db.selectFrom('outlets').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('刊物或媒体');
    return toOutlet(row);
  }

  async findByName(name: string): Promise<Outlet | null> {
    const row = await this.db.selectFrom('outlets').selectAll().where('name', '=', name.trim()).executeTakeFirst();
    return row ? toOutlet(row) : null;
  }

  async create(input: CreateOutletRequest): Promise<Outlet> {
    if (await this.findByName(input.name)) throw new DeskError('conflict', `“${input.name}”已在目录中`);
    const id = randomUUID();
    await this.db.insertInto('outlets').values({
      id, name: input.name, level: input.level, kind: input.kind, example: 0, disabled: 0, created_at: new Date().toISOString(),
    }).execute();
    return this.get(id);
  }

  async update(id: string, changes: UpdateOutletRequest): Promise<Outlet> {
    await this.get(id);
    if (changes.name !== undefined) {
      const other = await this.findByName(changes.name);
      if (other && other.id !== id) throw new DeskError('conflict', `“${changes.name}”已在目录中`);
    }
    await this.db.updateTable('outlets').set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.level !== undefined && { level: changes.level }),
      ...(changes.kind !== undefined && { kind: changes.kind }),
      ...(changes.disabled !== undefined && { disabled: changes.disabled ? 1 : 0 }),
      // An example the office edits becomes its own entry.
      example: 0,
    }).where('id', '=', id).execute();
    return this.get(id);
  }
}
