import { type ExtraConfigColumn, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ownedKeyAndTimestamps } from "./columns";
import { customers } from "./customers";

/** The columns a customer-owned table starts with: its id, its stamps and its customer. */
export const customerOwned = () => ({
  ...ownedKeyAndTimestamps,
  customerId: uuid()
    .notNull()
    .references(() => customers.id),
});

/** A table the bank's feeds fill (ingest.*): also the row's id in the system that sent it. */
export const fedByCustomer = () => ({ ...customerOwned(), externalId: text().notNull() });

/** (id, customer_id): the distribution column in every key (CONTRACT §11). */
export const ownedPrimaryKey = (t: { id: ExtraConfigColumn; customerId: ExtraConfigColumn }) =>
  primaryKey({ columns: [t.id, t.customerId] });

/** The keys of a fed table: its primary key, and its external id unique per customer (the ingest's conflict target). */
export const fedKeys = (
  table: string,
  t: { id: ExtraConfigColumn; customerId: ExtraConfigColumn; externalId: ExtraConfigColumn },
) => [ownedPrimaryKey(t), uniqueIndex(`${table}_customer_external_id_key`).on(t.customerId, t.externalId)];
