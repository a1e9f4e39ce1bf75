import type { IngestKind, IngestRow } from "@account360/core";

/**
 * How each ingested kind maps onto its table. Every name here is a constant of this file, never
 * input, so the upsert can splice them into SQL.
 */
export interface IngestColumn<K extends IngestKind> {
  /** The row's field (and the audit entry's field name). */
  field: string;
  column: string;
  /** The PostgreSQL type the value is read as from the JSON batch. */
  type: "uuid" | "text" | "date" | "numeric" | "boolean" | "integer" | "timestamptz";
  value: (row: IngestRow<K>) => unknown;
  /** What is inserted instead of the plain value (`r.<column>` is the JSON value). */
  insert?: string;
  /** What the audit shows for the stored value `ref` (`alias.column`); default its JSON. */
  audit?: (ref: string) => string;
  /** What an update sets instead of the new value (`t` the stored row, `excluded` the new one). */
  update?: string;
}

export interface IngestTable<K extends IngestKind> {
  table: string;
  /** The audit entry's entity. */
  entity: string;
  /** The conflict target: the external id, or the customer for pictures (one per customer). */
  key: "external_id" | "customer_id";
  /** The audit entry's record id. */
  idColumn: "id" | "customer_id";
  columns: IngestColumn<K>[];
  /** A second unique key within the customer, besides the external id. */
  naturalKey?: { columns: string[]; field: string; describe: (row: IngestRow<K>) => string };
  /** The row's contractNo must be a contract of the same customer. */
  contractReference?: boolean;
}

type Tables = { [K in IngestKind]: IngestTable<K> };

const customer = <K extends IngestKind>(): IngestColumn<K> => ({
  field: "customerInternalId",
  column: "customer_id",
  type: "uuid",
  value: (r) => (r as { customerInternalId: string }).customerInternalId,
});
const external = <K extends IngestKind>(): IngestColumn<K> => ({
  field: "externalId",
  column: "external_id",
  type: "text",
  value: (r) => (r as { externalId: string }).externalId,
});
/** Decimals travel as JSON strings and are audited as strings: never a float. */
const decimal = <K extends IngestKind>(field: string, column: string, value: (r: IngestRow<K>) => unknown) =>
  ({
    field,
    column,
    type: "numeric",
    value,
    audit: (ref: string) => `to_jsonb(${ref}::text)`,
  }) satisfies IngestColumn<K>;

const isoInstant = (ref: string) =>
  `to_jsonb(to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

export const ingestTables: Tables = {
  contracts: {
    table: "contracts",
    entity: "contract",
    key: "external_id",
    idColumn: "id",
    columns: [
      customer(),
      external(),
      { field: "contractNo", column: "contract_no", type: "text", value: (r) => r.contractNo },
      { field: "category", column: "category", type: "text", value: (r) => r.category },
      { field: "bankingProduct", column: "banking_product", type: "text", value: (r) => r.bankingProduct },
      decimal<"contracts">("amount", "amount", (r) => r.amount),
      decimal<"contracts">("balance", "balance", (r) => r.balance),
      { field: "currency", column: "currency", type: "text", value: (r) => r.currency },
      { field: "status", column: "status", type: "text", value: (r) => r.status },
      { field: "activationDate", column: "activation_date", type: "date", value: (r) => r.activationDate },
      { field: "closeDate", column: "close_date", type: "date", value: (r) => r.closeDate },
      decimal<"contracts">("interestRate", "interest_rate", (r) => r.interestRate),
    ],
    naturalKey: {
      columns: ["customer_id", "contract_no"],
      field: "contractNo",
      describe: (r) => `contract ${r.contractNo} of this customer`,
    },
  },
  instalments: {
    table: "instalments",
    entity: "instalment",
    key: "external_id",
    idColumn: "id",
    columns: [
      customer(),
      external(),
      { field: "contractNo", column: "contract_no", type: "text", value: (r) => r.contractNo },
      { field: "dueDate", column: "due_date", type: "date", value: (r) => r.dueDate },
      decimal<"instalments">("amount", "amount", (r) => r.amount),
      { field: "currency", column: "currency", type: "text", value: (r) => r.currency },
      { field: "paid", column: "paid", type: "boolean", value: (r) => r.paid },
    ],
    contractReference: true,
  },
  garnishments: {
    table: "garnishments",
    entity: "garnishment",
    key: "external_id",
    idColumn: "id",
    columns: [
      customer(),
      external(),
      { field: "authority", column: "authority", type: "text", value: (r) => r.authority },
      decimal<"garnishments">("amount", "amount", (r) => r.amount),
      { field: "currency", column: "currency", type: "text", value: (r) => r.currency },
      { field: "since", column: "since", type: "date", value: (r) => r.since },
      { field: "releasedOn", column: "released_on", type: "date", value: (r) => r.releasedOn },
    ],
  },
  complianceFlags: {
    table: "compliance_flags",
    entity: "complianceFlag",
    key: "external_id",
    idColumn: "id",
    columns: [
      customer(),
      external(),
      { field: "code", column: "code", type: "text", value: (r) => r.code },
      { field: "since", column: "since", type: "date", value: (r) => r.since },
      { field: "clearedOn", column: "cleared_on", type: "date", value: (r) => r.clearedOn },
      { field: "details", column: "details", type: "text", value: (r) => r.details },
    ],
  },
  transactions: {
    table: "transactions",
    entity: "transaction",
    key: "external_id",
    idColumn: "id",
    columns: [
      customer(),
      external(),
      { field: "bookingDate", column: "booking_date", type: "date", value: (r) => r.bookingDate },
      { field: "indicator", column: "indicator", type: "text", value: (r) => r.indicator },
      { field: "direction", column: "direction", type: "text", value: (r) => r.direction },
      { field: "interIntra", column: "inter_intra", type: "text", value: (r) => r.interIntra },
      { field: "currency", column: "currency", type: "text", value: (r) => r.currency },
      decimal<"transactions">("amount", "amount", (r) => r.amount),
    ],
  },
  interactions: {
    table: "interactions",
    entity: "interaction",
    key: "external_id",
    idColumn: "id",
    columns: [
      customer(),
      external(),
      {
        field: "occurredAt",
        column: "occurred_at",
        type: "timestamptz",
        value: (r) => r.occurredAt,
        audit: isoInstant,
      },
      { field: "channel", column: "channel", type: "text", value: (r) => r.channel },
      { field: "type", column: "type", type: "text", value: (r) => r.type },
      { field: "direction", column: "direction", type: "text", value: (r) => r.direction },
      { field: "subject", column: "subject", type: "text", value: (r) => r.subject },
    ],
  },
  revenues: {
    table: "revenues",
    entity: "revenue",
    key: "external_id",
    idColumn: "id",
    columns: [
      customer(),
      external(),
      { field: "revenueDate", column: "revenue_date", type: "date", value: (r) => r.revenueDate },
      { field: "category", column: "category", type: "text", value: (r) => r.category },
      { field: "product", column: "product", type: "text", value: (r) => r.product },
      { field: "currency", column: "currency", type: "text", value: (r) => r.currency },
      decimal<"revenues">("amount", "amount", (r) => r.amount),
    ],
  },
  profitabilityValues: {
    table: "profitability_values",
    entity: "profitabilityValue",
    key: "external_id",
    idColumn: "id",
    columns: [
      customer(),
      external(),
      { field: "indicator", column: "indicator", type: "text", value: (r) => r.indicator },
      {
        field: "month",
        column: "month",
        type: "date",
        value: (r) => `${r.month}-01`,
        audit: (ref) => `to_jsonb(to_char(${ref}, 'YYYY-MM'))`,
      },
      decimal<"profitabilityValues">("value", "value", (r) => r.value),
    ],
    naturalKey: {
      columns: ["customer_id", "indicator", "month"],
      field: "month",
      describe: (r) => `indicator ${r.indicator} for ${r.month} of this customer`,
    },
  },
  tasks: {
    table: "tasks",
    entity: "task",
    key: "external_id",
    idColumn: "id",
    columns: [
      customer(),
      external(),
      { field: "title", column: "title", type: "text", value: (r) => r.title },
      { field: "dueDate", column: "due_date", type: "date", value: (r) => r.dueDate },
      { field: "status", column: "status", type: "text", value: (r) => r.status },
    ],
  },
  campaignOffers: {
    table: "campaign_offers",
    entity: "campaignOffer",
    key: "external_id",
    idColumn: "id",
    columns: [
      customer(),
      external(),
      { field: "product", column: "product", type: "text", value: (r) => r.product },
      { field: "campaign", column: "campaign", type: "text", value: (r) => r.campaign },
      { field: "score", column: "score", type: "integer", value: (r) => r.score },
      { field: "availableUntil", column: "available_until", type: "date", value: (r) => r.availableUntil },
      { field: "status", column: "status", type: "text", value: (r) => r.status },
      {
        field: "dismissedAt",
        column: "dismissed_at",
        type: "timestamptz",
        value: (r) => r.dismissedAt,
        audit: isoInstant,
        // A dismissal made here (by an employee) is not undone by a feed that does not know of it.
        update: "coalesce(excluded.dismissed_at, t.dismissed_at)",
      },
    ],
  },
  pictures: {
    table: "pictures",
    entity: "picture",
    key: "customer_id",
    idColumn: "customer_id",
    columns: [
      customer(),
      { field: "contentType", column: "content_type", type: "text", value: (r) => r.contentType },
      {
        field: "data",
        column: "data",
        type: "text",
        value: (r) => r.dataBase64,
        insert: "decode(r.data, 'base64')",
        // The audit keeps a fingerprint of the bytes, not the bytes.
        audit: (ref) => `to_jsonb(json_build_object('bytes', length(${ref}), 'md5', md5(${ref})))`,
      },
    ],
  },
};
