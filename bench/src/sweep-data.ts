import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  type Columns,
  columnNames,
  copyText,
  generateHistory,
  HISTORY_FIRST_INDEX,
  historyCustomerIdOf,
  type TableBatch,
  type TableName,
  tableColumns,
} from "@account360/seed";
import type { DatabaseHandle } from "@account360/storage";

/** One customer of the sweep: its size of history, where it sits in the run, and its id. */
export interface SweepCustomer {
  size: number;
  index: number;
  customerId: string;
}

/** A sweep customer once stored: its rows per table, and the running card its writes name. */
export interface LoadedSweepCustomer extends SweepCustomer {
  rows: Record<string, number>;
  cardContractNo: string;
}

/** The sweep's customers, one per size, at indexes no read set reaches (HISTORY_FIRST_INDEX). */
export function sweepCustomersOf(seed: number, sizes: readonly number[]): SweepCustomer[] {
  return sizes.map((size, k) => {
    const index = HISTORY_FIRST_INDEX + k;
    return { size, index, customerId: historyCustomerIdOf(seed, index) };
  });
}

/** COPY text per table of a history customer, in the order the foreign keys want. */
export function historyCopies(batches: readonly TableBatch[], anchor: string) {
  const columns = tableColumns(`${anchor} 00:00:00+00`);
  return batches.map((batch) => {
    const cols = columns[batch.table] as Columns<TableName>;
    return {
      table: batch.table,
      rows: batch.rows.length,
      statement: `copy ${batch.table} (${columnNames(cols)}) from`,
      text: copyText(batch.rows as never[], cols),
    };
  });
}

/**
 * Loads the sweep's customers beside the read set, in one transaction, with COPY as the seeder
 * does (foreign keys checked: the rows are few).
 */
export async function loadSweepCustomers(
  handle: DatabaseHandle,
  options: { seed: number; anchor: string; customers: readonly SweepCustomer[] },
): Promise<LoadedSweepCustomer[]> {
  const generated = options.customers.map((c) => {
    const batches = generateHistory({
      seed: options.seed,
      anchor: options.anchor,
      rows: c.size,
      index: c.index,
    });
    const contracts = batches.find((b) => b.table === "contracts")?.rows as {
      category: string;
      status: string;
      contractNo: string;
    }[];
    const card = contracts.find((k) => k.category === "card" && k.status === "active");
    if (!card) throw new Error(`history customer ${c.customerId} has no running card`);
    return { customer: c, copies: historyCopies(batches, options.anchor), cardContractNo: card.contractNo };
  });
  const copies = generated.flatMap((g) => g.copies);
  if (handle.postgres) {
    await handle.postgres.begin(async (tx) => {
      for (const copy of copies) {
        await pipeline(
          Readable.from([Buffer.from(copy.text)]),
          await tx.unsafe(`${copy.statement} stdin`).writable(),
        );
      }
    });
  } else if (handle.pglite) {
    await handle.pglite.transaction(async (tx) => {
      for (const copy of copies) {
        await tx.query(`${copy.statement} '/dev/blob'`, [], { blob: new Blob([copy.text]) });
      }
    });
  } else {
    throw new Error("The database handle has neither a postgres.js client nor a PGlite instance.");
  }
  return generated.map((g) => ({
    ...g.customer,
    rows: Object.fromEntries(g.copies.map((t) => [t.table, t.rows])),
    cardContractNo: g.cardContractNo,
  }));
}
