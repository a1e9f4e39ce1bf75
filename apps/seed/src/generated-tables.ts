import type { IngestKind } from "@account360/core";
import { SEED_TABLES, type TableBatch, type TableName, type TableRecords } from "./records";

/** Every generated record, by table: what the seed's tests work their expectations out from. */
export type GeneratedTables = { [T in TableName]: TableRecords[T][] };

/** The batches of a generator (generateDataset, generateHistory) gathered by table. */
export function tablesOf(batches: Iterable<TableBatch>): GeneratedTables {
  const tables = Object.fromEntries(SEED_TABLES.map((t) => [t, [] as unknown[]])) as Record<
    TableName,
    unknown[]
  >;
  for (const batch of batches) tables[batch.table].push(...batch.rows);
  return tables as GeneratedTables;
}

/** The tables the feeds fill, with the ingest kind whose rows (plus the seed's id) they hold. */
export const INGEST_KIND_OF: Partial<Record<TableName, IngestKind>> = {
  contracts: "contracts",
  instalments: "instalments",
  garnishments: "garnishments",
  compliance_flags: "complianceFlags",
  interactions: "interactions",
  revenues: "revenues",
  profitability_values: "profitabilityValues",
  tasks: "tasks",
  campaign_offers: "campaignOffers",
  pictures: "pictures",
  transactions: "transactions",
};
