import { type AgreementFields, addUpdateCustomerAgreementAction, creationChanges } from "@account360/core";
import { agreementFingerprint } from "@account360/storage";
import type { Pool } from "undici";
import { envelopeOf } from "./http";
import type { SqlRunner } from "./sql-runner";
import { createdOverHttp, type Meter, type WriteFigures, type WriteRun, warmedUpAndMeasured } from "./write";

/** Whose records the sweep's writes add to: a sweep customer and its running card. */
export interface WriteTarget {
  customerId: string;
  cardContractNo: string;
  today: string;
}

/**
 * The i-th write of a run on a sweep customer: a new card agreement, keyed by an externalId no
 * other request used. A create rather than an update of one record, so 32 connections do not
 * queue on one row lock; it reads the customer's history through the unique keys it is checked
 * against (the customer's contract, its agreements' externalIds).
 */
export function agreementOf(target: WriteTarget, prefix: string, i: number): AgreementFields {
  return {
    customerInternalId: target.customerId,
    agreementType: "Card Agreement",
    startDate: target.today,
    endDate: null,
    sourceId: "Core Banking",
    contractNo: target.cardContractNo,
    externalId: `${prefix}-${i}`,
  };
}

/**
 * The agreement create of packages/storage/src/repositories/write-store.ts (`create`, with
 * write-tables.ts's agreement columns, fingerprint and contract condition, and the customer's
 * next sequence number for the audit entry), written out by hand.
 */
const CREATE_AGREEMENT_SQL = `with created as (
    insert into agreements (customer_id, agreement_type, start_date, end_date, source_id, contract_no, external_id, fingerprint)
    select $1::uuid, $2::text, $3::date, $4::date, $5::text, $6::text, $7::text, $8
    where exists (select 1 from contracts where customer_id = $1::uuid and contract_no = $6::text)
    on conflict do nothing
    returning id, customer_id
  ), sequenced as (
    update customers set last_sequence = last_sequence + 1,
      last_feed_txid = greatest(last_feed_txid, pg_current_xact_id()::text::bigint)
    where id in (select customer_id from created)
    returning id as customer_id, last_sequence as sequence, last_feed_txid as feed_txid
  ), audited as (
    insert into audit_log (user_name, action, entity, record_id, customer_id, operation, changes, sequence, at)
    select $9, $10, 'agreement', created.id, customer_id, 'created', $11::text::jsonb, sequenced.sequence, clock_timestamp()
    from created join sequenced using (customer_id)
    returning user_name, action, entity, record_id, customer_id, operation, changes, sequence, at
  ), evented as (
    insert into change_events (customer_id, sequence, feed_txid, type, occurred_at, actor, action, record_id, changes)
    select customer_id, sequence, sequenced.feed_txid, entity || '.' || operation, at, user_name, action,
      record_id, changes
    from audited join sequenced using (customer_id, sequence)
  )
  select id::text as id from created`;

export async function createAgreementDirect(db: SqlRunner, fields: AgreementFields, userName: string) {
  const rows = await db.query(CREATE_AGREEMENT_SQL, [
    fields.customerInternalId,
    fields.agreementType,
    fields.startDate,
    fields.endDate,
    fields.sourceId,
    fields.contractNo,
    fields.externalId,
    agreementFingerprint(fields),
    userName,
    addUpdateCustomerAgreementAction,
    JSON.stringify(creationChanges(fields)),
  ]);
  if (rows.length !== 1) throw new Error(`agreement ${fields.externalId} was not created`);
}

/** FTOS_ACC_AddUpdateCustomerAgreement over HTTP; each must answer `created`. */
export async function agreementWritesOverHttp(
  pool: Pool,
  target: WriteTarget,
  run: WriteRun,
  credentials: { userName: string; token: string },
  meter: Meter,
): Promise<WriteFigures> {
  return warmedUpAndMeasured(run, meter, (prefix, i) => {
    const { customerInternalId, agreementType, startDate, sourceId, contractNo, externalId } = agreementOf(
      target,
      prefix,
      i,
    );
    return createdOverHttp(
      pool,
      envelopeOf(
        addUpdateCustomerAgreementAction,
        { customerInternalId, agreementType, startDate, sourceId, contractNo, externalId },
        credentials.userName,
        credentials.token,
      ),
    );
  });
}

/** The same creates as the server's one statement, straight through the driver. */
export async function agreementWriteFloor(
  db: SqlRunner,
  target: WriteTarget,
  run: WriteRun,
  userName: string,
  meter: Meter,
): Promise<WriteFigures> {
  return warmedUpAndMeasured(run, meter, (prefix, i) =>
    createAgreementDirect(db, agreementOf(target, prefix, i), userName),
  );
}

/**
 * Takes the writes' agreements away again, so the read floors (which run after the server has
 * stopped) see the very history the server's reads saw. The audit entries stay: no widget reads them.
 */
export async function removeWrittenAgreements(db: SqlRunner, prefix: string): Promise<number> {
  const rows = await db.query(
    "with gone as (delete from agreements where external_id like $1 returning 1) select count(*)::int as n from gone",
    [`${prefix}%`],
  );
  return Number((rows[0] as { n: number | string }).n);
}
