import { z } from "zod";
import { AppError, type AppErrorCode, type FieldError } from "../errors/app-error";
import { ISSUE_STATUS } from "./picture-bytes";
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
/** Field errors listed at most; a batch of 10,000 bad rows would otherwise answer megabytes of them. */
export const MAX_INGEST_FIELD_ERRORS = 500;

/** The tRPC input of `ingest.<kind>`: `{ rows: [...] }`, 1 to 10,000 rows. */
export function ingestBatchInput<K extends IngestKind>(kind: K) {
  return z.strictObject({
    rows: z
      .array(ingestKinds[kind] as (typeof ingestKinds)[K])
      .min(1, { error: "rows must hold at least one row" })
      .max(MAX_INGEST_ROWS, { error: `rows must hold at most ${MAX_INGEST_ROWS} rows` }),
  });
}

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

const fieldPath = (path: readonly PropertyKey[]) => ["rows", ...path.map(String)].join(".");

function closest(name: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next.push(
          Math.min(next[j - 1]! + 1, previous[j]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)),
        );
      }
      previous = next;
    }
    return previous[b.length]!;
  };
  const lower = name.toLowerCase();
  return [...known].sort((x, y) => distance(lower, x.toLowerCase()) - distance(lower, y.toLowerCase()))[0];
}

function knownFields(kind: IngestKind): string[] {
  let schema: z.ZodType = ingestKinds[kind];
  // Unwrap refinements and transforms down to the object that lists the fields.
  while (!(schema instanceof z.ZodObject)) {
    if (schema instanceof z.ZodPipe) schema = schema.in as z.ZodType;
    else return [];
  }
  return Object.keys(schema.shape);
}

/** Builds the one AppError for a batch's problems: 413 or 415 only when nothing else is wrong. */
export function ingestValidationError(fieldErrors: FieldError[], codes: AppErrorCode[]): AppError {
  const special = codes.every((code) => code === codes[0]) ? codes[0] : undefined;
  const code: AppErrorCode = special ?? "BAD_REQUEST";
  const listed = fieldErrors.slice(0, MAX_INGEST_FIELD_ERRORS);
  const more = fieldErrors.length - listed.length;
  const sample = listed
    .slice(0, 3)
    .map((e) => `${e.field}: ${e.message}`)
    .join("; ");
  const count = fieldErrors.length === 1 ? "1 field is" : `${fieldErrors.length} fields are`;
  const tail = more > 0 ? ` (the first ${listed.length} are listed)` : "";
  return new AppError(code, `${count} invalid in the batch${tail}; nothing was stored: ${sample}.`, listed);
}

/**
 * Validates a batch: every row against its kind's schema, and no record twice in one batch.
 * Throws one AppError naming every problem as `rows.<i>.<field>`.
 */
export function parseIngestRows<K extends IngestKind>(kind: K, rows: unknown): IngestRow<K>[] {
  if (!Array.isArray(rows)) {
    throw ingestValidationError(
      [{ field: "rows", message: "rows must be an array of rows" }],
      ["BAD_REQUEST"],
    );
  }
  if (rows.length === 0 || rows.length > MAX_INGEST_ROWS) {
    const message = `rows must hold from 1 to ${MAX_INGEST_ROWS} rows, not ${rows.length}`;
    throw ingestValidationError([{ field: "rows", message }], ["BAD_REQUEST"]);
  }
  const schema = ingestKinds[kind] as unknown as z.ZodType<IngestRow<K>>;
  const known = knownFields(kind);
  const fieldErrors: FieldError[] = [];
  const codes: AppErrorCode[] = [];
  const parsed: IngestRow<K>[] = [];
  rows.forEach((row, index) => {
    const result = schema.safeParse(row);
    if (result.success) {
      parsed.push(result.data);
      return;
    }
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          const hint = closest(key, known);
          fieldErrors.push({
            field: fieldPath([index, ...issue.path, key]),
            message: `${key} is not a known field${hint ? `; did you mean ${hint}?` : ""}`,
          });
          codes.push("BAD_REQUEST");
        }
        continue;
      }
      const status =
        issue.code === "custom" ? (issue.params?.[ISSUE_STATUS] as AppErrorCode | undefined) : undefined;
      const message =
        issue.code === "invalid_type" && issue.path.length === 0
          ? "each row must be an object"
          : issue.message;
      fieldErrors.push({ field: fieldPath([index, ...issue.path]), message });
      codes.push(status ?? "BAD_REQUEST");
    }
  });
  if (fieldErrors.length > 0) throw ingestValidationError(fieldErrors, codes);

  for (const { field, key } of duplicateKeys[kind] as {
    field: string;
    key: (row: IngestRow<K>) => string;
  }[]) {
    const first = new Map<string, number>();
    parsed.forEach((row, index) => {
      const value = key(row);
      const earlier = first.get(value);
      if (earlier === undefined) first.set(value, index);
      else {
        fieldErrors.push({
          field: fieldPath([index, field]),
          message: `rows.${index} repeats the record of rows.${earlier} (same ${field}); a batch holds each record once`,
        });
      }
    });
  }
  if (fieldErrors.length > 0) throw ingestValidationError(fieldErrors, ["BAD_REQUEST"]);
  return parsed;
}

/** The use case behind `ingest.<kind>`: validate the whole batch, then upsert it all or nothing. */
export async function ingestRows<K extends IngestKind>(
  store: IngestStore,
  kind: K,
  rows: unknown,
  ctx: { actor: string },
): Promise<IngestResult> {
  return store.upsert(kind, parseIngestRows(kind, rows), ctx.actor);
}
