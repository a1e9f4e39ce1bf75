import { z } from "zod";
import { defineAction } from "../actions/action";
import {
  campaignOfferRow,
  complianceFlagRow,
  contractRow,
  garnishmentRow,
  instalmentRow,
  interactionRow,
  pictureRow,
  profitabilityValueRow,
  revenueRow,
  taskRow,
  transactionRow,
} from "./rows";

/** `ingest.*`: the data the widgets read, fed in batches by the bank's other systems. */

/** Kind name (the tRPC procedure `ingest.<kind>`) → row schema. */
export const ingestKinds = {
  contracts: contractRow,
  instalments: instalmentRow,
  garnishments: garnishmentRow,
  complianceFlags: complianceFlagRow,
  transactions: transactionRow,
  interactions: interactionRow,
  revenues: revenueRow,
  profitabilityValues: profitabilityValueRow,
  tasks: taskRow,
  campaignOffers: campaignOfferRow,
  pictures: pictureRow,
} as const;

export type IngestKind = keyof typeof ingestKinds;
export const INGEST_KINDS = Object.keys(ingestKinds) as IngestKind[];
/** A validated row, as the store receives it. */
export type IngestRow<K extends IngestKind> = z.output<(typeof ingestKinds)[K]>;
/** A row as an integrator sends it. */
export type IngestRowInput<K extends IngestKind> = z.input<(typeof ingestKinds)[K]>;

export const MAX_INGEST_ROWS = 10_000;

export const ingestResultOutput = z.object({ inserted: z.number().int(), updated: z.number().int() });
/** Rows created and rows that already existed (identical or not) and were overwritten. */
export type IngestResult = z.infer<typeof ingestResultOutput>;

/** The port storage implements: upserts one validated batch in one transaction, all or nothing. */
export interface IngestStore {
  /**
   * Throws AppError NOT_FOUND (a row's customer, or an instalment's contract, does not exist) or
   * CONFLICT (a row's external id, or its natural key, belongs to another record or customer),
   * each naming `rows.<i>.<field>`.
   */
  upsert<K extends IngestKind>(kind: K, rows: readonly IngestRow<K>[], actor: string): Promise<IngestResult>;
}

const duplicateKeys: { [K in IngestKind]: { field: string; key: (row: IngestRow<K>) => string }[] } = {
  contracts: [
    { field: "externalId", key: (r) => r.externalId },
    { field: "contractNo", key: (r) => `${r.customerInternalId}\u0000${r.contractNo}` },
  ],
  instalments: [{ field: "externalId", key: (r) => r.externalId }],
  garnishments: [{ field: "externalId", key: (r) => r.externalId }],
  complianceFlags: [{ field: "externalId", key: (r) => r.externalId }],
  transactions: [{ field: "externalId", key: (r) => r.externalId }],
  interactions: [{ field: "externalId", key: (r) => r.externalId }],
  revenues: [{ field: "externalId", key: (r) => r.externalId }],
  profitabilityValues: [
    { field: "externalId", key: (r) => r.externalId },
    { field: "month", key: (r) => `${r.customerInternalId}\u0000${r.indicator}\u0000${r.month}` },
  ],
  tasks: [{ field: "externalId", key: (r) => r.externalId }],
  campaignOffers: [{ field: "externalId", key: (r) => r.externalId }],
  pictures: [{ field: "customerInternalId", key: (r) => r.customerInternalId }],
};

/**
 * The input of `ingest.<kind>`: `{ rows: [...] }`, 1 to 10,000 rows, no record twice in one batch
 * (by external id, and by the natural key where the table has one).
 */
export function ingestBatchInput<K extends IngestKind>(kind: K) {
  const keys = duplicateKeys[kind] as { field: string; key: (row: IngestRow<K>) => string }[];
  return z
    .strictObject({
      rows: z
        .array(ingestKinds[kind] as (typeof ingestKinds)[K], { error: "rows must be an array of rows" })
        .min(1, { error: "rows must hold at least one row" })
        .max(MAX_INGEST_ROWS, { error: `rows must hold at most ${MAX_INGEST_ROWS} rows` }),
    })
    .superRefine(({ rows }, ctx) => {
      for (const { field, key } of keys) {
        const first = new Map<string, number>();
        (rows as IngestRow<K>[]).forEach((row, index) => {
          const value = key(row);
          const earlier = first.get(value);
          if (earlier === undefined) first.set(value, index);
          else
            ctx.addIssue({
              code: "custom",
              path: ["rows", index, field],
              message: `rows.${index} repeats the record of rows.${earlier} (same ${field}); a batch holds each record once`,
            });
        });
      }
    });
}

const pascal = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1);

/** `ingest.<kind>`: upserts the whole validated batch in one transaction, all or nothing. */
function ingestAction<K extends IngestKind>(kind: K) {
  return defineAction({
    name: `FTOS_ACC_Ingest${pascal(kind)}`,
    procedure: `ingest.${kind}` as const,
    kind: "mutation",
    access: "write",
    tag: "Ingest",
    title: `Ingest ${kind}`,
    summary: `Feeds ${kind} from the bank's systems: up to ${MAX_INGEST_ROWS.toLocaleString("en-US")} rows, idempotent on each row's externalId, all or nothing.`,
    input: ingestBatchInput(kind),
    output: ingestResultOutput,
    message: ({ inserted, updated }) => `${inserted} rows inserted, ${updated} updated`,
    run: ({ sources, actor }, input) =>
      sources.ingest.upsert(kind, input.rows as IngestRow<K>[], actor.userName),
  });
}

/** The action of each kind, for code that picks the kind at run time. */
export const ingestActionOf = <K extends IngestKind>(kind: K) =>
  ingestActions[kind] as ReturnType<typeof ingestAction<K>>;

export const ingestContracts = ingestAction("contracts");
export const ingestInstalments = ingestAction("instalments");
export const ingestGarnishments = ingestAction("garnishments");
export const ingestComplianceFlags = ingestAction("complianceFlags");
export const ingestTransactions = ingestAction("transactions");
export const ingestInteractions = ingestAction("interactions");
export const ingestRevenues = ingestAction("revenues");
export const ingestProfitabilityValues = ingestAction("profitabilityValues");
export const ingestTasks = ingestAction("tasks");
export const ingestCampaignOffers = ingestAction("campaignOffers");
export const ingestPictures = ingestAction("pictures");

const ingestActions: { [K in IngestKind]: ReturnType<typeof ingestAction<K>> } = {
  contracts: ingestContracts,
  instalments: ingestInstalments,
  garnishments: ingestGarnishments,
  complianceFlags: ingestComplianceFlags,
  transactions: ingestTransactions,
  interactions: ingestInteractions,
  revenues: ingestRevenues,
  profitabilityValues: ingestProfitabilityValues,
  tasks: ingestTasks,
  campaignOffers: ingestCampaignOffers,
  pictures: ingestPictures,
};
