import type { DatabaseHandle } from "@account360/storage";
import type { RunContext } from "./context";
import { type Columns, columnNames, copyText, tableColumns } from "./copy-format";
import { CopyWriter } from "./copy-writer";
import { generateCustomer, transactionDrawOf } from "./dataset";
import { type Counts, emptyCounts, SEED_TABLES, type TableName } from "./records";
import { customerIdOf } from "./rng";
import { writeTransactionsCopy } from "./transactions";

// The drivers' types, through the handle: apps/seed depends on neither driver package.
export type PostgresClient = NonNullable<DatabaseHandle["postgres"]>;
export type PgliteClient = NonNullable<DatabaseHandle["pglite"]>;

export interface SeedProgress {
  phase: "profiles" | "transactions";
  customersDone: number;
  customers: number;
  /** Rows stored so far. */
  rows: number;
  /** 0..1 over the whole run, weighting a profile as about 80 rows and a transaction as one. */
  fraction: number;
}

export type ProgressListener = (progress: SeedProgress) => void;

/** A second run with a seed already loaded, without --reset. */
export class SeedConflictError extends Error {
  constructor(seed: number, customerId: string) {
    super(
      `Seed ${seed} is already loaded in this database (its first customer ${customerId} exists); run again with --reset to replace all data, or pick another --seed.`,
    );
    this.name = "SeedConflictError";
  }
}

/** Every table holding customer data: what --reset empties. */
const DATA_TABLES: readonly string[] = [
  ...SEED_TABLES,
  "audit_log",
  "change_events",
  "webhook_deliveries",
  "application_keys",
  "customer_unique_ids",
];

/**
 * Each loaded customer claims its UniqueID and each loaded application its (source, externalId)
 * in their key tables (CONTRACT §11), as the write path does; a key another customer holds fails
 * the load, as the unique indexes did before the key tables. A database migrated only up to
 * before a key table (the migrations' own test seeds one) has nothing to claim into; the
 * migration that creates the table claims for it.
 */
export const CLAIM_KEYS = `do $$ begin
  if to_regclass('customer_unique_ids') is not null then
    insert into customer_unique_ids (unique_id, customer_id)
      select c.unique_id, c.id from customers c
      where not exists (select 1 from customer_unique_ids k
        where k.unique_id = c.unique_id and k.customer_id = c.id);
  end if;
  if to_regclass('application_keys') is not null then
    insert into application_keys (source, external_id, customer_id)
      select a.source, a.external_id, a.customer_id from applications a
      where not exists (select 1 from application_keys k
        where k.source = a.source and k.external_id = a.external_id and k.customer_id = a.customer_id);
  end if;
end $$`;
export const RESET_STATEMENT = `truncate table ${DATA_TABLES.join(", ")} cascade`;

/**
 * Foreign keys are checked by triggers, which more than double what PostgreSQL spends per
 * loaded row; like `pg_restore --disable-triggers`, a superuser's load skips them for its own
 * transactions only (SET LOCAL). Every row the generator writes references rows of the same run
 * (the seed's tests check that table by table after loading); unique indexes and CHECK
 * constraints still apply. A role that is not a superuser keeps the checks.
 */
export const SKIP_FOREIGN_KEY_CHECKS = "set local session_replication_role = replica";

/** Bytes of transaction text handed on at a time. */
export const TRANSACTION_SLICE_BYTES = 1 << 20;

/** The COPY bytes of every table but transactions for a group of customers. */
export interface ProfileStep {
  customersDone: number;
  tables: { table: TableName; rows: number; buffers: Buffer[] }[];
}

const PROFILE_TABLES = SEED_TABLES.filter((t) => t !== "transactions");

/**
 * Every table but transactions, `chunk` customers at a time, formatted customer by customer
 * into byte buffers: the row objects die young, where holding a chunk's rows until its COPY
 * had the collector promote and sweep them (which cost more than generating them).
 */
export function* profileSteps(ctx: RunContext, chunk = 1000): Generator<ProfileStep> {
  const columns = tableColumns(`${ctx.anchor} 00:00:00+00`);
  const writers = new Map(PROFILE_TABLES.map((table) => [table, new CopyWriter(256 * 1024)]));
  for (let start = 0; start < ctx.customers; start += chunk) {
    const end = Math.min(ctx.customers, start + chunk);
    const rows = new Map(PROFILE_TABLES.map((table) => [table, 0]));
    for (let index = start; index < end; index++) {
      const data = generateCustomer(ctx, index);
      for (const table of PROFILE_TABLES) {
        const records = data[table as keyof typeof data];
        if (records.length === 0) continue;
        writers.get(table)!.text(copyText(records, columns[table] as Columns<TableName>));
        rows.set(table, rows.get(table)! + records.length);
      }
    }
    yield {
      customersDone: end,
      tables: PROFILE_TABLES.filter((table) => rows.get(table)! > 0).map((table) => ({
        table,
        rows: rows.get(table)!,
        buffers: writers.get(table)!.take(),
      })),
    };
  }
}

/** Same seed, same customer ids: the run's first customer tells whether this seed was loaded. */
export async function refuseLoadedSeed(
  ctx: RunContext,
  exists: (id: string) => Promise<boolean>,
): Promise<void> {
  const first = customerIdOf(ctx.seed, 0);
  if (await exists(first)) throw new SeedConflictError(ctx.seed, first);
}

/** The COPY text both loaders send: profile batches as strings encoded once, transactions as bytes. */
export class CopySource {
  private readonly columns;
  private readonly stamps: Uint8Array;
  readonly writer = new CopyWriter();

  constructor(private readonly ctx: RunContext) {
    const anchorInstant = `${ctx.anchor} 00:00:00+00`;
    this.columns = tableColumns(anchorInstant);
    this.stamps = Buffer.from(`\t${anchorInstant}\t${anchorInstant}`, "latin1");
  }

  copyStatement(table: TableName, source: string): string {
    return `copy ${table} (${columnNames(this.columns[table] as Columns<TableName>)}) from ${source}`;
  }

  /** Appends customer `index`'s transactions to the writer; answers how many. */
  transactionsOf(index: number): number {
    const draw = transactionDrawOf(this.ctx, index);
    if (!draw) return 0;
    writeTransactionsCopy(this.ctx, draw, this.writer, this.stamps);
    return draw.count;
  }
}

/** Counts what was stored and tells the listener how far the run is. */
export class Tracker {
  readonly counts: Counts = emptyCounts();
  private rows = 0;
  private profilesDone = 0;
  private transactionsDone = 0;

  constructor(
    private readonly ctx: RunContext,
    private readonly onProgress: ProgressListener | undefined,
  ) {}

  stored(table: TableName, rows: number): void {
    this.counts[table] += rows;
    this.rows += rows;
  }

  step(phase: SeedProgress["phase"], customersDone: number): void {
    if (phase === "profiles") this.profilesDone = customersDone;
    else this.transactionsDone = customersDone;
    if (!this.onProgress) return;
    const profileWeight = 80;
    const total = this.ctx.customers * (profileWeight + this.ctx.transactionsPerCustomer);
    const done = this.profilesDone * profileWeight + this.transactionsDone * this.ctx.transactionsPerCustomer;
    this.onProgress({
      phase,
      customersDone,
      customers: this.ctx.customers,
      rows: this.rows,
      fraction: total === 0 ? 1 : Math.min(1, done / total),
    });
  }
}
