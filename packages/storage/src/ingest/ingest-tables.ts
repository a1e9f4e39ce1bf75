import type { IngestKind, IngestRow } from "@account360/core";
import { type Column, getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import {
  campaignOffers,
  complianceFlags,
  contracts,
  garnishments,
  instalments,
  interactions,
  pictures,
  profitabilityValues,
  revenues,
  tasks,
  transactions,
} from "../schema";

/**
 * How each ingested kind maps onto its table. Every column is the drizzle schema's (its name is
 * written only there), and every SQL fragment here is a constant of this file, never input, so
 * the upsert can splice them into SQL.
 */
export interface IngestColumn<K extends IngestKind> {
  /** The row's field (and the audit entry's field name). */
  field: string;
  column: Column;
  /** The PostgreSQL type the value is read as from the JSON batch. */
  type: string;
  value: (row: IngestRow<K>) => unknown;
  /** What is inserted instead of the plain value `ref` (the JSON batch's value). */
  insert?: (ref: string) => string;
  /** What the audit shows for the stored value `ref` (`alias.column`). */
  audit: (ref: string) => string;
  /** What an update sets instead of the new value (`stored` the row's value, `incoming` the batch's). */
  update?: (stored: string, incoming: string) => string;
}

export interface IngestTable<K extends IngestKind> {
  table: PgTable;
  /** The audit entry's entity. */
  entity: string;
  /** The column of the owning customer. */
  customer: Column;
  /** The conflict target: the external id, or the customer for pictures (one per customer). */
  key: Column;
  /** The audit entry's record id. */
  idColumn: Column;
  columns: IngestColumn<K>[];
  /** A second unique key within the customer, besides the external id. */
  naturalKey?: { columns: Column[]; field: string; describe: (row: IngestRow<K>) => string };
  /** The column whose contract number must be a contract of the same customer. */
  contractReference?: Column;
}

type Tables = { [K in IngestKind]: IngestTable<K> };

/** A table the feeds fill, keyed per customer (CONTRACT §11). */
type FedTable = PgTable & { customerId: Column };
type FieldOf<K extends IngestKind> = keyof IngestRow<K> & string;

const isoInstant = (ref: string) =>
  `to_jsonb(to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

/**
 * How the audit shows a stored value, by its type: decimals as strings (never a float), instants
 * in UTC with milliseconds as the API writes them, anything else as its JSON.
 */
function auditOf(type: string): (ref: string) => string {
  if (type === "numeric") return (ref) => `to_jsonb(${ref}::text)`;
  if (type === "timestamp with time zone") return isoInstant;
  return (ref) => `to_jsonb(${ref})`;
}

/**
 * The column of the table's key `name`, read from the JSON batch as the column's type (without
 * precision and scale: the insert applies them, as it always did) and audited by that type.
 */
function columnOf<K extends IngestKind>(table: PgTable, name: string, field: string): IngestColumn<K> {
  const column = getTableColumns(table)[name];
  if (!column) throw new Error(`The table has no column ${name}`);
  const type = column.getSQLType().replace(/\s*\(.*\)/, "");
  return {
    field,
    column,
    type,
    value: (row) => (row as Record<string, unknown>)[field],
    audit: auditOf(type),
  };
}

/** Every row names its customer by customerInternalId, stored as the table's customer_id. */
const customerOf = <K extends IngestKind>(table: FedTable) =>
  columnOf<K>(table, "customerId", "customerInternalId");

/**
 * A table filled by external id, unique per customer; the audit files each row under its id.
 * `fields` are stored as they come, each under the table's column of the same name;
 * `specialColumns` are stored otherwise (their value, audit or update is not the plain one).
 */
function byExternalId<K extends IngestKind>(
  table: FedTable & { id: Column; externalId: Column },
  entity: string,
  fields: readonly FieldOf<K>[],
  more: Pick<IngestTable<K>, "naturalKey" | "contractReference"> & {
    specialColumns?: IngestColumn<K>[];
  } = {},
): IngestTable<K> {
  const { specialColumns = [], ...keys } = more;
  return {
    table,
    entity,
    customer: table.customerId,
    key: table.externalId,
    idColumn: table.id,
    columns: [
      customerOf<K>(table),
      columnOf<K>(table, "externalId", "externalId"),
      ...fields.map((field) => columnOf<K>(table, field, field)),
      ...specialColumns,
    ],
    ...keys,
  };
}

export const ingestTables: Tables = {
  contracts: byExternalId<"contracts">(
    contracts,
    "contract",
    [
      "contractNo",
      "category",
      "bankingProduct",
      "amount",
      "balance",
      "currency",
      "status",
      "activationDate",
      "closeDate",
      "interestRate",
    ],
    {
      naturalKey: {
        columns: [contracts.customerId, contracts.contractNo],
        field: "contractNo",
        describe: (r) => `contract ${r.contractNo} of this customer`,
      },
    },
  ),
  instalments: byExternalId<"instalments">(
    instalments,
    "instalment",
    ["contractNo", "dueDate", "amount", "currency", "paid"],
    { contractReference: instalments.contractNo },
  ),
  garnishments: byExternalId<"garnishments">(garnishments, "garnishment", [
    "authority",
    "amount",
    "currency",
    "since",
    "releasedOn",
  ]),
  complianceFlags: byExternalId<"complianceFlags">(complianceFlags, "complianceFlag", [
    "code",
    "since",
    "clearedOn",
    "details",
  ]),
  transactions: byExternalId<"transactions">(transactions, "transaction", [
    "bookingDate",
    "indicator",
    "direction",
    "interIntra",
    "currency",
    "amount",
  ]),
  interactions: byExternalId<"interactions">(interactions, "interaction", [
    "occurredAt",
    "channel",
    "type",
    "direction",
    "subject",
  ]),
  revenues: byExternalId<"revenues">(revenues, "revenue", [
    "revenueDate",
    "category",
    "product",
    "currency",
    "amount",
  ]),
  profitabilityValues: byExternalId<"profitabilityValues">(
    profitabilityValues,
    "profitabilityValue",
    ["indicator", "value"],
    {
      specialColumns: [
        {
          // A month travels as YYYY-MM and is stored as its first day.
          ...columnOf(profitabilityValues, "month", "month"),
          value: (r) => `${r.month}-01`,
          audit: (ref) => `to_jsonb(to_char(${ref}, 'YYYY-MM'))`,
        },
      ],
      naturalKey: {
        columns: [profitabilityValues.customerId, profitabilityValues.indicator, profitabilityValues.month],
        field: "month",
        describe: (r) => `indicator ${r.indicator} for ${r.month} of this customer`,
      },
    },
  ),
  tasks: byExternalId<"tasks">(tasks, "task", ["title", "dueDate", "status"]),
  campaignOffers: byExternalId<"campaignOffers">(
    campaignOffers,
    "campaignOffer",
    ["product", "campaign", "score", "availableUntil", "status"],
    {
      specialColumns: [
        {
          ...columnOf(campaignOffers, "dismissedAt", "dismissedAt"),
          // A dismissal made here (by an employee) is not undone by a feed that does not know of it.
          update: (stored, incoming) => `coalesce(${incoming}, ${stored})`,
        },
      ],
    },
  ),
  pictures: {
    table: pictures,
    entity: "picture",
    customer: pictures.customerId,
    key: pictures.customerId,
    idColumn: pictures.customerId,
    columns: [
      customerOf(pictures),
      columnOf(pictures, "contentType", "contentType"),
      {
        // The bytes travel as base64 text and are stored decoded.
        ...columnOf(pictures, "data", "data"),
        type: "text",
        value: (r) => r.dataBase64,
        insert: (ref) => `decode(${ref}, 'base64')`,
        // The audit keeps a fingerprint of the bytes, not the bytes.
        audit: (ref) => `to_jsonb(json_build_object('bytes', length(${ref}), 'md5', md5(${ref})))`,
      },
    ],
  },
};
