import { createHash } from "node:crypto";
import type { AgreementFields, Entity, EntityFields } from "@account360/core";
import { type SQL, sql } from "drizzle-orm";

type SqlType = "text" | "uuid" | "date" | "numeric" | "bigint" | "timestamptz";

interface Column<F> {
  field: keyof F & string;
  column: string;
  type: SqlType;
}

/** How one entity of the write actions sits in its table. */
export interface WriteTable<E extends Entity> {
  entity: E;
  table: string;
  columns: Column<EntityFields[E]>[];
  /** The column holding the owning customer's id (audit entries are filed under it). */
  customerColumn: string;
  /** Hash of the fields that make two records identical, for tables that keep identical records unique. */
  fingerprint?: (fields: EntityFields[E]) => string;
  /** The WHERE clause selecting the record holding the fields' natural key (the one kept unique). */
  naturalKey: (fields: EntityFields[E]) => SQL;
  /** A condition the insert must meet beyond the unique keys, or null. */
  insertCondition?: (fields: EntityFields[E]) => SQL | null;
}

const hash = (values: unknown[]) => createHash("sha256").update(JSON.stringify(values)).digest("hex");

/** A parameter with its type spelled out: in INSERT … SELECT PostgreSQL would otherwise read it as text. */
export const typed = (value: unknown, type: SqlType): SQL => sql`${value}::${sql.raw(type)}`;

const customer: WriteTable<"customer"> = {
  entity: "customer",
  table: "customers",
  customerColumn: "id",
  columns: [
    { field: "UniqueID", column: "unique_id", type: "text" },
    { field: "firstName", column: "first_name", type: "text" },
    { field: "lastName", column: "last_name", type: "text" },
    { field: "email", column: "email", type: "text" },
    { field: "mobilePhone", column: "mobile_phone", type: "text" },
    { field: "emailAddressType", column: "email_address_type", type: "text" },
    { field: "phoneNumberType", column: "phone_number_type", type: "text" },
  ],
  naturalKey: (f) => sql`unique_id = ${f.UniqueID}`,
};

const addressFingerprint = (f: EntityFields["address"]) =>
  hash([
    f.addressType,
    f.country,
    f.district,
    f.city,
    f.streetName,
    f.streetNo,
    f.buildingNo,
    f.floorNo,
    f.apartmentNo,
    f.postalCode,
  ]);

const address: WriteTable<"address"> = {
  entity: "address",
  table: "addresses",
  customerColumn: "customer_id",
  columns: [
    { field: "customerInternalId", column: "customer_id", type: "uuid" },
    { field: "addressType", column: "address_type", type: "text" },
    { field: "country", column: "country", type: "text" },
    { field: "district", column: "district", type: "text" },
    { field: "city", column: "city", type: "text" },
    { field: "streetName", column: "street_name", type: "text" },
    { field: "streetNo", column: "street_no", type: "text" },
    { field: "buildingNo", column: "building_no", type: "text" },
    { field: "floorNo", column: "floor_no", type: "text" },
    { field: "apartmentNo", column: "apartment_no", type: "text" },
    { field: "postalCode", column: "postal_code", type: "text" },
  ],
  fingerprint: addressFingerprint,
  naturalKey: (f) =>
    sql`customer_id = ${typed(f.customerInternalId, "uuid")} and fingerprint = ${addressFingerprint(f)}`,
};

const representative: WriteTable<"representative"> = {
  entity: "representative",
  table: "representatives",
  customerColumn: "customer_id",
  columns: [
    { field: "customerInternalId", column: "customer_id", type: "uuid" },
    { field: "customerRepresentativeNo", column: "representative_id", type: "uuid" },
    { field: "accountRelationType", column: "relation_type", type: "text" },
  ],
  naturalKey: (f) =>
    sql`customer_id = ${typed(f.customerInternalId, "uuid")} and representative_id = ${typed(f.customerRepresentativeNo, "uuid")} and relation_type = ${f.accountRelationType}`,
};

const application: WriteTable<"application"> = {
  entity: "application",
  table: "applications",
  customerColumn: "customer_id",
  columns: [
    { field: "customerInternalId", column: "customer_id", type: "uuid" },
    { field: "source", column: "source", type: "text" },
    { field: "externalId", column: "external_id", type: "text" },
    { field: "url", column: "url", type: "text" },
    { field: "name", column: "name", type: "text" },
    { field: "bankingProduct", column: "banking_product", type: "text" },
    { field: "businessStatus", column: "business_status", type: "text" },
    { field: "amount", column: "amount", type: "numeric" },
    { field: "currency", column: "currency", type: "text" },
  ],
  naturalKey: (f) => sql`source = ${f.source} and external_id = ${f.externalId}`,
};

const agreementFingerprint = (f: AgreementFields) =>
  hash([f.agreementType, f.startDate, f.endDate, f.sourceId, f.contractNo]);

const agreement: WriteTable<"agreement"> = {
  entity: "agreement",
  table: "agreements",
  customerColumn: "customer_id",
  columns: [
    { field: "customerInternalId", column: "customer_id", type: "uuid" },
    { field: "agreementType", column: "agreement_type", type: "text" },
    { field: "startDate", column: "start_date", type: "date" },
    { field: "endDate", column: "end_date", type: "date" },
    { field: "sourceId", column: "source_id", type: "text" },
    { field: "contractNo", column: "contract_no", type: "text" },
    { field: "externalId", column: "external_id", type: "text" },
  ],
  fingerprint: agreementFingerprint,
  naturalKey: (f) =>
    f.externalId === null
      ? sql`customer_id = ${typed(f.customerInternalId, "uuid")} and fingerprint = ${agreementFingerprint(f)} and external_id is null`
      : sql`customer_id = ${typed(f.customerInternalId, "uuid")} and external_id = ${f.externalId}`,
  insertCondition: (f) =>
    f.contractNo === null
      ? null
      : sql`exists (select 1 from contracts where customer_id = ${typed(f.customerInternalId, "uuid")} and contract_no = ${f.contractNo})`,
};

export const writeTables: { [E in Entity]: WriteTable<E> } = {
  customer,
  address,
  representative,
  application,
  agreement,
};
