import { systemId } from "@account360/core";
import { describe, expect, it } from "vitest";
import { runContext } from "./context";
import { copyText, tableColumns } from "./copy-format";
import { CopyWriter } from "./copy-writer";
import { generateDataset, sampleCustomerIdsOf, transactionDrawOf } from "./dataset";
import { tablesOf } from "./generated-tables";
import { SEED_TABLES } from "./records";
import { customerIdOf } from "./rng";
import { transactionRowsOf, writeTransactionsCopy } from "./transactions";

const options = { customers: 40, seed: 4242, anchor: "2026-03-15", transactionsPerCustomer: 25 };

const datasetOf = (opts: Parameters<typeof generateDataset>[0]) => tablesOf(generateDataset(opts));

describe("generateDataset", () => {
  const first = datasetOf(options);

  it("gives the same rows, ids included, for the same seed and anchor", () => {
    expect(datasetOf(options)).toEqual(first);
  });

  it("gives other rows and other ids for another seed", () => {
    const other = datasetOf({ ...options, seed: 4243 });
    const ids = new Set(first.customers.map((c) => c.id));
    expect(other.customers.some((c) => ids.has(c.id))).toBe(false);
    const names = (customers: typeof first.customers) =>
      customers.map((c) => c.name ?? `${c.firstName} ${c.lastName}`);
    expect(names(other.customers)).not.toEqual(names(first.customers));
    expect(other.transactions.map((t) => t.amount)).not.toEqual(first.transactions.map((t) => t.amount));
  });

  it("moves dates with the anchor but keeps the customers and their ids", () => {
    const later = datasetOf({ ...options, anchor: "2026-09-15" });
    expect(later.customers.map((c) => c.id)).toEqual(first.customers.map((c) => c.id));
    expect(later.transactions.at(-1)?.bookingDate).not.toEqual(first.transactions.at(-1)?.bookingDate);
  });

  it("does not depend on the chunk size, nor on how many customers follow", () => {
    expect(datasetOf({ ...options, chunkCustomers: 7 })).toEqual(first);
    const fewer = datasetOf({ ...options, customers: 10 });
    expect(fewer.customers).toEqual(first.customers.slice(0, 10));
    expect(fewer.transactions).toEqual(
      first.transactions.filter((t) => fewer.customers.some((c) => c.id === t.customerInternalId)),
    );
  });

  it("names the run's first customers as samples, computable without generating", () => {
    expect(sampleCustomerIdsOf(options)).toEqual(first.customers.slice(0, 5).map((c) => c.id));
    expect(customerIdOf(options.seed, 7)).toBe(first.customers[7]?.id);
  });

  it("makes every id a UUID, unique across tables and across runs", () => {
    const other = datasetOf({ ...options, seed: 1 });
    const ids: string[] = [];
    for (const tables of [first, other]) {
      for (const table of SEED_TABLES) {
        for (const row of tables[table] as { id?: string }[]) if (row.id) ids.push(row.id);
      }
    }
    for (const id of ids.slice(0, 2000)) expect(systemId("id").safeParse(id).success, id).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps business keys of different seeds apart", () => {
    const other = datasetOf({ ...options, seed: 1 });
    const keys = (t: typeof first) => [
      ...t.customers.map((c) => c.uniqueId),
      ...t.contracts.map((c) => c.contractNo),
      ...t.contracts.map((c) => c.externalId),
      ...t.applications.map((a) => a.externalId),
      ...t.transactions.map((x) => x.externalId),
      ...t.campaign_offers.map((o) => o.externalId),
    ];
    const mine = new Set(keys(first));
    expect(keys(other).filter((key) => mine.has(key))).toEqual([]);
  });

  it("writes no tab, line break or backslash in any value (COPY text is written unescaped)", () => {
    for (const table of SEED_TABLES) {
      for (const row of first[table]) {
        for (const value of Object.values(row)) {
          if (typeof value === "string") expect(/[\t\n\r\\]/.test(value), `${table}: ${value}`).toBe(false);
        }
      }
    }
  });

  it("writes transactions as bytes exactly as the rows' COPY text", () => {
    const ctx = runContext(options);
    const columns = tableColumns(`${ctx.anchor} 00:00:00+00`);
    const stamps = Buffer.from(`\t${ctx.anchor} 00:00:00+00\t${ctx.anchor} 00:00:00+00`);
    for (const index of [0, 5, 17]) {
      const draw = transactionDrawOf(ctx, index);
      if (!draw) continue;
      const writer = new CopyWriter(4096);
      writeTransactionsCopy(ctx, draw, writer, stamps);
      expect(Buffer.concat(writer.take()).toString()).toBe(
        copyText(transactionRowsOf(ctx, draw), columns.transactions),
      );
    }
  });
});
