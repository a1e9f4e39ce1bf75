import { type Column, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import * as schema from "../schema";

/** A table that holds a customer's data: which columns name the customer, how its rows are ordered. */
export interface HeldTable {
  table: PgTable;
  /** A row is the customer's when any of these columns holds its id (representatives: both ways). */
  owners: Column[];
  orderBy: Column[];
  /** The row as JSON, when `to_jsonb` of the row would not do (bytes as base64). */
  row?: SQL;
}

const byId = <T extends PgTable & { id: Column; customerId: Column }>(table: T): HeldTable => ({
  table,
  owners: [table.customerId],
  orderBy: [table.id],
});

/**
 * Every table privacy.export reads and what ties its rows to a customer. privacy.test.ts checks
 * this list against the database's catalog, so a new table that names a customer and is not
 * here fails by name.
 */
export const heldTables: HeldTable[] = [
  { table: schema.customers, owners: [schema.customers.id], orderBy: [schema.customers.id] },
  {
    table: schema.customerUniqueIds,
    owners: [schema.customerUniqueIds.customerId],
    orderBy: [schema.customerUniqueIds.uniqueId],
  },
  byId(schema.addresses),
  {
    table: schema.representatives,
    owners: [schema.representatives.customerId, schema.representatives.representativeId],
    orderBy: [schema.representatives.id],
  },
  {
    table: schema.groupMembers,
    owners: [schema.groupMembers.customerId, schema.groupMembers.groupId],
    orderBy: [schema.groupMembers.id],
  },
  byId(schema.applications),
  {
    table: schema.applicationKeys,
    owners: [schema.applicationKeys.customerId],
    orderBy: [schema.applicationKeys.source, schema.applicationKeys.externalId],
  },
  byId(schema.agreements),
  byId(schema.contracts),
  byId(schema.instalments),
  byId(schema.garnishments),
  byId(schema.transactions),
  byId(schema.interactions),
  byId(schema.revenues),
  byId(schema.profitabilityValues),
  byId(schema.tasks),
  byId(schema.campaignOffers),
  byId(schema.complianceFlags),
  {
    table: schema.pictures,
    owners: [schema.pictures.customerId],
    orderBy: [schema.pictures.customerId],
    row: sql`to_jsonb(${schema.pictures}) - 'data' || jsonb_build_object('data_base64',
      translate(encode(${schema.pictures.data}, 'base64'), E'\n', ''))`,
  },
  {
    table: schema.auditLog,
    owners: [schema.auditLog.customerId],
    orderBy: [schema.auditLog.sequence, schema.auditLog.id],
  },
  {
    table: schema.changeEvents,
    owners: [schema.changeEvents.customerId],
    orderBy: [schema.changeEvents.sequence],
  },
  {
    table: schema.webhookDeliveries,
    owners: [schema.webhookDeliveries.customerId],
    orderBy: [schema.webhookDeliveries.endpointId, schema.webhookDeliveries.sequence],
  },
];

/**
 * Tables that hold no customer's data (users and their sign-in state, where webhooks and relays
 * stand); the catalog check knows them too.
 */
export const tablesWithoutCustomerData = [
  "users",
  "api_tokens",
  "login_failures",
  "webhook_endpoints",
  "event_relays",
] as const;

export const tableNameOf = (held: HeldTable): string => getTableName(held.table);

/** `{<table>: [row, …], …}` of one customer, in one statement (one snapshot), as JSON text. */
export function heldRowsQuery(customerId: string): SQL {
  const sections = heldTables.map((held) => {
    const owned = sql.join(
      held.owners.map((owner) => sql`${owner} = ${customerId}::uuid`),
      sql` or `,
    );
    const row = held.row ?? sql`to_jsonb(${held.table})`;
    const order = sql.join(held.orderBy, sql`, `);
    return sql`${tableNameOf(held)}::text, (select coalesce(jsonb_agg(${row} order by ${order}), '[]'::jsonb)
      from ${held.table} where ${owned})`;
  });
  return sql`select jsonb_build_object(${sql.join(sections, sql`, `)})::text as held`;
}
