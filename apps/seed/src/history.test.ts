import {
  customerAgreementInput,
  type IngestKind,
  ingestBatchInput,
  ingestKinds,
  isFinalBusinessStatus,
  parseInput,
} from "@account360/core";
import { describe, expect, it } from "vitest";
import { customerActionData } from "./action-data";
import { INGEST_KIND_OF, tablesOf } from "./generated-tables";
import { generateHistory, HISTORY_FIRST_INDEX, historyCounts, historyCustomerIdOf } from "./history";
import type { TableName } from "./records";

const anchor = "2026-03-15";
const options = { seed: 9, anchor, rows: 2_000, index: HISTORY_FIRST_INDEX };

const historyOf = (o: Parameters<typeof generateHistory>[0]) => tablesOf(generateHistory(o));
const history = historyOf(options);

describe("generateHistory", () => {
  it("is deterministic, and another seed or index is another customer", () => {
    expect(historyOf(options)).toEqual(history);
    const other = historyOf({ ...options, index: HISTORY_FIRST_INDEX + 1 });
    expect(other.customers[0]!.id).not.toBe(history.customers[0]!.id);
    expect(other.customers[0]!.id).toBe(historyCustomerIdOf(options.seed, HISTORY_FIRST_INDEX + 1));
    expect(historyOf({ ...options, seed: 10 }).transactions[0]!.amount).not.toBe(
      history.transactions[0]!.amount,
    );
  });

  it("has `rows` transactions, interactions and revenues and the other tables in proportion", () => {
    for (const rows of [200, 2_000, 20_000]) {
      const batches = generateHistory({ ...options, rows });
      const counts = historyCounts(rows);
      for (const batch of batches) expect(batch.rows.length, batch.table).toBe(counts[batch.table]);
      expect(counts).toMatchObject({ transactions: rows, interactions: rows, revenues: rows });
      expect(counts.instalments).toBe(rows / 4);
      expect(counts.contracts).toBe(Math.max(5, rows / 40));
      expect(batches.map((b) => b.table)).not.toContain("representatives");
    }
  });

  it("keeps what is current to a handful of rows, the rest closed, paid, ended or done", () => {
    const today = anchor;
    expect(history.contracts.filter((c) => c.status === "active")).toHaveLength(4);
    expect(history.instalments.filter((i) => !i.paid && i.dueDate < today)).toHaveLength(3);
    expect(history.agreements.filter((a) => a.endDate === null || a.endDate >= today)).toHaveLength(5);
    expect(history.applications.filter((a) => !isFinalBusinessStatus(a.businessStatus))).toHaveLength(1);
    expect(history.tasks.filter((t) => t.status === "open" || t.status === "in_progress")).toHaveLength(2);
    expect(history.campaign_offers.filter((o) => o.status === "open")).toHaveLength(1);
    expect(history.compliance_flags.filter((f) => f.clearedOn === null)).toHaveLength(1);
    expect(history.garnishments.filter((g) => g.releasedOn === null)).toHaveLength(1);
    for (const t of ["transactions", "interactions", "revenues"] as const) {
      const dates = (history[t] as { bookingDate?: string; occurredAt?: string; revenueDate?: string }[]).map(
        (r) => (r.bookingDate ?? r.occurredAt ?? r.revenueDate)!.slice(0, 10),
      );
      expect(
        dates.every((d) => d <= today && d >= "2024-03-16"),
        t,
      ).toBe(true);
    }
  });

  it("gives every row a unique id and business key, as the unique indexes want", () => {
    const ids = Object.values(history).flatMap((rows) => rows.map((r) => (r as { id?: string }).id ?? ""));
    expect(new Set(ids.filter(Boolean)).size).toBe(ids.filter(Boolean).length);
    for (const [table, rows] of Object.entries(history)) {
      const keys = rows.map((r) => (r as { externalId?: string | null }).externalId).filter((k) => k);
      expect(new Set(keys).size, table).toBe(keys.length);
    }
    const numbers = history.contracts.map((c) => c.contractNo);
    expect(new Set(numbers).size).toBe(numbers.length);
    const unkeyed = history.agreements.filter((a) => a.externalId === null).map((a) => a.fingerprint);
    expect(new Set(unkeyed).size).toBe(unkeyed.length);
  });

  it("passes the core's validation in canonical form, as the seed's own rows do", () => {
    for (const a of history.agreements) {
      const data = customerActionData.agreement(a);
      expect(customerAgreementInput.parse(data)).toEqual(data);
    }
    for (const [table, kind] of Object.entries(INGEST_KIND_OF) as [TableName, IngestKind][]) {
      const rows = (history[table] as { id?: string }[]).map(({ id: _id, ...rest }) => rest);
      expect(parseInput(ingestBatchInput(kind), { rows }).rows, table).toEqual(rows);
      expect(ingestKinds[kind].safeParse(rows[0]).success).toBe(true);
    }
  });
});
