import { createHash } from "node:crypto";
import type { AddressFields, AgreementFields, Entity, EntityFields } from "@account360/core";
import type { Column } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { addresses } from "../schema/addresses";
import { agreements } from "../schema/agreements";
import { applicationKeys } from "../schema/application-keys";
import { applications } from "../schema/applications";
import { customerUniqueIds } from "../schema/customer-unique-ids";
import { customers } from "../schema/customers";
import { groupMembers } from "../schema/group-members";
import { representatives } from "../schema/representatives";

/** An API field of a write action and the column that stores it. */
interface FieldColumn<F> {
  field: keyof F & string;
  column: Column;
}

/** How one entity of the write actions sits in its table; every column comes from the drizzle schema. */
export interface WriteTable<E extends Entity> {
  entity: E;
  table: PgTable;
  id: Column;
  columns: FieldColumn<EntityFields[E]>[];
  /** The column holding the owning customer's id (audit entries are filed under it). */
  customer: Column;
  /**
   * The fields whose equality the table keeps unique, as a hash, for records that are found by
   * all their fields (addresses, agreements without externalId).
   */
  fingerprint?: { column: Column; of: (fields: EntityFields[E]) => string };
  /** The columns of the natural key (the one kept unique); the agreement has two, by externalId. */
  naturalKeys: { when: (fields: EntityFields[E]) => boolean; columns: Column[]; externalIdIsNull?: true }[];
  /** An agreement naming a contractNo is only stored when that contract belongs to the customer. */
  contractOfCustomer?: true;
  /**
   * A membership is only stored when its group is a group (accountType Group) and its member is
   * not; both rows are locked by the insert, so neither changes kind until it commits.
   */
  groupAndMember?: true;
  /**
   * A legal entity's memberships keep its name (group_members.group_name): its update renames
   * them in the same statement, under the row lock the update holds.
   */
  namesItsMemberships?: true;
  /**
   * A representative link is only stored when its representative (another customer, so no
   * foreign key, CONTRACT §11) exists; its row is share-locked by the insert.
   */
  representativeExists?: true;
  /**
   * For the customer accounts, which share one table (and one UniqueID namespace): the kind a row
   * of this entity has. It is written on create, and only rows of this kind are found.
   */
  kind?: { column: Column; value: string };
  /**
   * A key table keeping a rule across customers (CONTRACT §11): the create claims its row in the
   * same statement and stores the record only when the claim took, so a key held by anyone,
   * another customer included, ends the create as a conflict would. Each column of the key table
   * is filled from the field named beside it; `newRecordId`, when set, is the key table's column
   * for the record's own id, which the claim draws for the new record. An update that changes a
   * key field moves the key (key-claims.ts).
   */
  claims?: {
    table: PgTable;
    columns: { field: keyof EntityFields[E] & string; column: Column }[];
    newRecordId?: Column;
  };
}

const hash = (values: unknown[]) => createHash("sha256").update(JSON.stringify(values)).digest("hex");

/** The hash that keeps one customer from holding two identical addresses (the seed computes it too). */
export const addressFingerprint = (f: Omit<AddressFields, "customerInternalId">): string =>
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

/** The hash that makes identical agreements without an externalId one record (the seed computes it too). */
export const agreementFingerprint = (
  f: Pick<AgreementFields, "agreementType" | "startDate" | "endDate" | "sourceId" | "contractNo">,
): string => hash([f.agreementType, f.startDate, f.endDate, f.sourceId, f.contractNo]);

const always = () => true;

/** Both kinds of customer claim their UniqueID in one namespace (CONTRACT §11's key table). */
const uniqueIdClaim = {
  table: customerUniqueIds,
  columns: [{ field: "UniqueID" as const, column: customerUniqueIds.uniqueId }],
  newRecordId: customerUniqueIds.customerId,
};

const customer: WriteTable<"customer"> = {
  entity: "customer",
  table: customers,
  id: customers.id,
  customer: customers.id,
  columns: [
    { field: "UniqueID", column: customers.uniqueId },
    { field: "firstName", column: customers.firstName },
    { field: "lastName", column: customers.lastName },
    { field: "email", column: customers.email },
    { field: "mobilePhone", column: customers.mobilePhone },
    { field: "emailAddressType", column: customers.emailAddressType },
    { field: "phoneNumberType", column: customers.phoneNumberType },
  ],
  naturalKeys: [{ when: always, columns: [customers.uniqueId] }],
  kind: { column: customers.kind, value: "individual" },
  claims: uniqueIdClaim,
};

const legalEntity: WriteTable<"legalEntity"> = {
  entity: "legalEntity",
  table: customers,
  id: customers.id,
  customer: customers.id,
  columns: [
    { field: "UniqueID", column: customers.uniqueId },
    { field: "name", column: customers.name },
    { field: "email", column: customers.email },
    { field: "mobilePhone", column: customers.mobilePhone },
    { field: "emailAddressType", column: customers.emailAddressType },
    { field: "phoneNumberType", column: customers.phoneNumberType },
    { field: "industry", column: customers.industry },
    { field: "registrationNumber", column: customers.registrationNumber },
    { field: "accountType", column: customers.accountType },
  ],
  naturalKeys: [{ when: always, columns: [customers.uniqueId] }],
  kind: { column: customers.kind, value: "legalEntity" },
  claims: uniqueIdClaim,
  namesItsMemberships: true,
};

/** Filed under the member: the membership is part of the member's record (and audit trail). */
const groupMember: WriteTable<"groupMember"> = {
  entity: "groupMember",
  table: groupMembers,
  id: groupMembers.id,
  customer: groupMembers.customerId,
  columns: [
    { field: "groupInternalId", column: groupMembers.groupId },
    { field: "customerInternalId", column: groupMembers.customerId },
    { field: "role", column: groupMembers.role },
    { field: "startDate", column: groupMembers.startDate },
    { field: "endDate", column: groupMembers.endDate },
  ],
  naturalKeys: [{ when: always, columns: [groupMembers.groupId, groupMembers.customerId] }],
  groupAndMember: true,
};

const address: WriteTable<"address"> = {
  entity: "address",
  table: addresses,
  id: addresses.id,
  customer: addresses.customerId,
  columns: [
    { field: "customerInternalId", column: addresses.customerId },
    { field: "addressType", column: addresses.addressType },
    { field: "country", column: addresses.country },
    { field: "district", column: addresses.district },
    { field: "city", column: addresses.city },
    { field: "streetName", column: addresses.streetName },
    { field: "streetNo", column: addresses.streetNo },
    { field: "buildingNo", column: addresses.buildingNo },
    { field: "floorNo", column: addresses.floorNo },
    { field: "apartmentNo", column: addresses.apartmentNo },
    { field: "postalCode", column: addresses.postalCode },
  ],
  fingerprint: { column: addresses.fingerprint, of: addressFingerprint },
  naturalKeys: [{ when: always, columns: [addresses.customerId, addresses.fingerprint] }],
};

const representative: WriteTable<"representative"> = {
  entity: "representative",
  table: representatives,
  id: representatives.id,
  customer: representatives.customerId,
  columns: [
    { field: "customerInternalId", column: representatives.customerId },
    { field: "customerRepresentativeNo", column: representatives.representativeId },
    { field: "accountRelationType", column: representatives.relationType },
  ],
  representativeExists: true,
  naturalKeys: [
    {
      when: always,
      columns: [representatives.customerId, representatives.representativeId, representatives.relationType],
    },
  ],
};

const application: WriteTable<"application"> = {
  entity: "application",
  table: applications,
  id: applications.id,
  customer: applications.customerId,
  columns: [
    { field: "customerInternalId", column: applications.customerId },
    { field: "source", column: applications.source },
    { field: "externalId", column: applications.externalId },
    { field: "url", column: applications.url },
    { field: "name", column: applications.name },
    { field: "bankingProduct", column: applications.bankingProduct },
    { field: "businessStatus", column: applications.businessStatus },
    { field: "amount", column: applications.amount },
    { field: "currency", column: applications.currency },
  ],
  naturalKeys: [{ when: always, columns: [applications.source, applications.externalId] }],
  claims: {
    table: applicationKeys,
    columns: [
      { field: "source", column: applicationKeys.source },
      { field: "externalId", column: applicationKeys.externalId },
      { field: "customerInternalId", column: applicationKeys.customerId },
    ],
  },
};

const agreement: WriteTable<"agreement"> = {
  entity: "agreement",
  table: agreements,
  id: agreements.id,
  customer: agreements.customerId,
  columns: [
    { field: "customerInternalId", column: agreements.customerId },
    { field: "agreementType", column: agreements.agreementType },
    { field: "startDate", column: agreements.startDate },
    { field: "endDate", column: agreements.endDate },
    { field: "sourceId", column: agreements.sourceId },
    { field: "contractNo", column: agreements.contractNo },
    { field: "externalId", column: agreements.externalId },
  ],
  fingerprint: { column: agreements.fingerprint, of: agreementFingerprint },
  naturalKeys: [
    { when: (f) => f.externalId !== null, columns: [agreements.customerId, agreements.externalId] },
    {
      when: (f) => f.externalId === null,
      columns: [agreements.customerId, agreements.fingerprint],
      externalIdIsNull: true,
    },
  ],
  contractOfCustomer: true,
};

export const writeTables: { [E in Entity]: WriteTable<E> } = {
  customer,
  legalEntity,
  groupMember,
  address,
  representative,
  application,
  agreement,
};
