import { sql } from "drizzle-orm";
import { type Database, rowsOf } from "./database";

/**
 * CONTRACT §11's rule, read from the catalog: every customer-owned table (one with a
 * `customer_id`, and `customers` itself, owned by its `id`) has its distribution column in its
 * primary key, in each unique index, and in each foreign key to another customer-owned table,
 * paired there with that table's distribution column. That is what lets Citus distribute the
 * tables on the customer and co-locate them. Returns one sentence per breach, naming the table.
 */
/**
 * Key tables keep a rule across customers and are distributed by their own primary key, so their
 * customer_id is a plain column there (CONTRACT §11).
 */
export const KEY_TABLES: readonly string[] = ["application_keys"];

/**
 * Columns that name another customer than the row's owner, with no foreign key since that
 * customer lives on another shard (migrations 0010, 0011): the writes check them instead.
 */
export const CROSS_CUSTOMER_COLUMNS: readonly { table: string; column: string }[] = [
  { table: "representatives", column: "representative_id" },
  { table: "group_members", column: "group_id" },
];

export async function distributionKeyViolations(db: Database): Promise<string[]> {
  const tables = rowsOf<{ oid: number; name: string; dist: number }>(
    await db.execute(sql`
      select c.oid::int as oid, c.relname as name, a.attnum::int as dist
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
      join pg_attribute a on a.attrelid = c.oid and not a.attisdropped
        and a.attname = case when c.relname = 'customers' then 'id' else 'customer_id' end
      where c.relkind in ('r', 'p') and c.relname not like '\\_\\_%'
      order by c.relname`),
  );
  const owned = new Map(tables.filter((t) => !KEY_TABLES.includes(t.name)).map((t) => [t.oid, t]));
  const indexes = rowsOf<{ table: number; name: string; primary: boolean; columns: string }>(
    await db.execute(sql`
      select i.indrelid::int as table, c.relname as name, i.indisprimary as primary,
             array_to_string(i.indkey::int2[], ',') as columns
      from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indisunique`),
  );
  const foreignKeys = rowsOf<{ table: number; name: string; target: number; local: string; remote: string }>(
    await db.execute(sql`
      select k.conrelid::int as table, k.conname as name, k.confrelid::int as target,
             array_to_string(k.conkey, ',') as local, array_to_string(k.confkey, ',') as remote
      from pg_constraint k where k.contype = 'f'`),
  );
  const columnsOf = (list: string) => list.split(",").map(Number);
  const distName = (name: string) => (name === "customers" ? "id" : "customer_id");

  const violations: string[] = [];
  for (const index of indexes) {
    const table = owned.get(index.table);
    if (!table || columnsOf(index.columns).includes(table.dist)) continue;
    violations.push(
      `${table.name}: ${index.primary ? "primary key" : `unique index ${index.name}`} lacks ${distName(table.name)}`,
    );
  }
  for (const key of foreignKeys) {
    const table = owned.get(key.table);
    const target = owned.get(key.target);
    if (!table || !target) continue;
    const local = columnsOf(key.local);
    const remote = columnsOf(key.remote);
    const at = local.indexOf(table.dist);
    if (at === -1 || remote[at] !== target.dist) {
      violations.push(
        `${table.name}: foreign key ${key.name} to ${target.name} does not pair ${distName(table.name)} with ${target.name}.${distName(target.name)}`,
      );
    }
  }
  return violations.sort();
}
