import { createHash } from "node:crypto";
import type { AddressFields, AgreementFields, Entity, EntityFields } from "@account360/core";
import { type Column, getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { addresses } from "../schema/addresses";
import { agreements } from "../schema/agreements";
import { applicationKeys } from "../schema/application-keys";
import { applications } from "../schema/applications";
import { customerUniqueIds } from "../schema/customer-unique-ids";
import { type CUSTOMER_KINDS, customers } from "../schema/customers";
import { groupMembers } from "../schema/group-members";
import { representatives } from "../schema/representatives";
import type { ColumnKey } from "../sql/column-names";

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

/** An address's fields besides its customer, in its columns' order: what makes two addresses the same. */
const ADDRESS_FIELDS = [
  "addressType",
  "country",
  "district",
  "city",
  "streetName",
  "streetNo",
  "buildingNo",
  "floorNo",
  "apartmentNo",
  "postalCode",
] as const;

/** An agreement's fields besides its customer and externalId: what makes two agreements the same. */
const AGREEMENT_FIELDS = ["agreementType", "startDate", "endDate", "sourceId", "contractNo"] as const;

/** The hash that keeps one customer from holding two identical addresses (the seed computes it too). */
export const addressFingerprint = (f: Pick<AddressFields, (typeof ADDRESS_FIELDS)[number]>): string =>
  hash(ADDRESS_FIELDS.map((field) => f[field]));

/** The hash that makes identical agreements without an externalId one record (the seed computes it too). */
export const agreementFingerprint = (f: Pick<AgreementFields, (typeof AGREEMENT_FIELDS)[number]>): string =>
  hash(AGREEMENT_FIELDS.map((field) => f[field]));

const always = () => true;

/** Fields stored in the columns of the same names (the schema's keys). */
const sameNames = <T extends PgTable, N extends ColumnKey<T>>(table: T, fields: readonly N[]) =>
  fields.map((field) => ({ field, column: getTableColumns(table)[field] as Column }));

/** The API's customerInternalId is the owning customer's column of the table. */
const ownerField = (column: Column) => ({ field: "customerInternalId" as const, column });

/** A record a customer owns: its table's id, and the owner's column (audit entries are filed under it). */
const ownedBy = <E extends Entity>(entity: E, table: PgTable & { id: Column; customerId: Column }) => ({
  entity,
  table,
  id: table.id,
  customer: table.customerId,
});

/**
 * Both kinds of customer account: one table, the row its own customer, found by UniqueID, which
 * both claim in one namespace (CONTRACT §11's key table).
 */
const account = <E extends "customer" | "legalEntity">(entity: E, kind: (typeof CUSTOMER_KINDS)[number]) => ({
  entity,
  table: customers,
  id: customers.id,
  customer: customers.id,
  naturalKeys: [{ when: always, columns: [customers.uniqueId] }],
  kind: { column: customers.kind, value: kind },
  claims: {
    table: customerUniqueIds,
    columns: [{ field: "UniqueID" as const, column: customerUniqueIds.uniqueId }],
    newRecordId: customerUniqueIds.customerId,
  },
});

const uniqueIdField = { field: "UniqueID" as const, column: customers.uniqueId };

const customer: WriteTable<"customer"> = {
  ...account("customer", "individual"),
  columns: [
    uniqueIdField,
    ...sameNames(customers, [
      "firstName",
      "lastName",
      "email",
      "mobilePhone",
      "emailAddressType",
      "phoneNumberType",
    ]),
  ],
};

const legalEntity: WriteTable<"legalEntity"> = {
  ...account("legalEntity", "legalEntity"),
  columns: [
    uniqueIdField,
    ...sameNames(customers, [
      "name",
      "email",
      "mobilePhone",
      "emailAddressType",
      "phoneNumberType",
      "industry",
      "registrationNumber",
      "accountType",
    ]),
  ],
  namesItsMemberships: true,
};

/** Filed under the member: the membership is part of the member's record (and audit trail). */
const groupMember: WriteTable<"groupMember"> = {
  ...ownedBy("groupMember", groupMembers),
  columns: [
    { field: "groupInternalId", column: groupMembers.groupId },
    ownerField(groupMembers.customerId),
    ...sameNames(groupMembers, ["role", "startDate", "endDate"]),
  ],
  naturalKeys: [{ when: always, columns: [groupMembers.groupId, groupMembers.customerId] }],
  groupAndMember: true,
};

const address: WriteTable<"address"> = {
  ...ownedBy("address", addresses),
  columns: [ownerField(addresses.customerId), ...sameNames(addresses, ADDRESS_FIELDS)],
  fingerprint: { column: addresses.fingerprint, of: addressFingerprint },
  naturalKeys: [{ when: always, columns: [addresses.customerId, addresses.fingerprint] }],
};

const representative: WriteTable<"representative"> = {
  ...ownedBy("representative", representatives),
  columns: [
    ownerField(representatives.customerId),
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
  ...ownedBy("application", applications),
  columns: [
    ownerField(applications.customerId),
    ...sameNames(applications, [
      "source",
      "externalId",
      "url",
      "name",
      "bankingProduct",
      "businessStatus",
      "amount",
      "currency",
    ]),
  ],
  naturalKeys: [{ when: always, columns: [applications.source, applications.externalId] }],
  claims: {
    table: applicationKeys,
    columns: [
      ...sameNames(applicationKeys, ["source", "externalId"]),
      ownerField(applicationKeys.customerId),
    ],
  },
};

const agreement: WriteTable<"agreement"> = {
  ...ownedBy("agreement", agreements),
  columns: [ownerField(agreements.customerId), ...sameNames(agreements, [...AGREEMENT_FIELDS, "externalId"])],
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
