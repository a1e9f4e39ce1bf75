import { addUpdateIndividualCustomerAction } from "@account360/core";
import { storedCustomerOf } from "./customers";
import type { SqlRunner } from "./sql-runner";

/**
 * The customer create of packages/storage/src/repositories/write-store.ts (`create`), written
 * out by hand: the insert, its audit entry and its change event in one statement, ON CONFLICT DO NOTHING deciding
 * between concurrent identical requests. Kept in step with that file by reading it, not by import,
 * so the floor is what the driver does with the statement and nothing of the app.
 */
export const CREATE_CUSTOMER_SQL = `with created as (
    insert into customers (unique_id, first_name, last_name, email, mobile_phone, email_address_type, phone_number_type, last_sequence, last_feed_txid)
    select $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, 1, pg_current_xact_id()::text::bigint
    on conflict do nothing
    returning id, id as customer_id
  ), audited as (
    insert into audit_log (user_name, action, entity, record_id, customer_id, operation, changes, sequence, at)
    select $8, $9, 'customer', id, customer_id, 'created', $10::text::jsonb, 1, clock_timestamp()
    from created
    returning user_name, action, entity, record_id, customer_id, operation, changes, sequence, at
  ), evented as (
    insert into change_events (customer_id, sequence, feed_txid, type, occurred_at, actor, action, record_id, changes)
    select customer_id, sequence, pg_current_xact_id()::text::bigint, entity || '.' || operation, at, user_name, action,
      record_id, changes
    from audited
  )
  select id::text as id from created`;

/** Runs the i-th create of the floor; throws when nothing was created (a reused UniqueID). */
export async function createCustomerDirect(
  db: SqlRunner,
  prefix: string,
  i: number,
  userName: string,
): Promise<void> {
  const { fields: f, changes } = storedCustomerOf(prefix, i);
  const rows = await db.query(CREATE_CUSTOMER_SQL, [
    f.UniqueID,
    f.firstName,
    f.lastName,
    f.email,
    f.mobilePhone,
    f.emailAddressType,
    f.phoneNumberType,
    userName,
    addUpdateIndividualCustomerAction,
    changes,
  ]);
  if (rows.length !== 1) throw new Error(`customer ${f.UniqueID} was not created`);
}
