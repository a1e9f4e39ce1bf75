import type {
  AddressFields,
  AgreementFields,
  ApplicationFields,
  IngestKind,
  IngestRow,
} from "@account360/core";

/**
 * What the generator yields, one shape per table. The five write-action entities are in their
 * stored (canonical) form with the columns the write store fills (fingerprint, createdAt); the
 * ingested tables are exactly the core's ingest rows plus the row's own id, so a test can parse
 * them with the core's row schemas after dropping `id`.
 */

export interface CustomerRecord {
  id: string;
  kind: "individual" | "legalEntity";
  uniqueId: string;
  /** An individual's; null for a legal entity. */
  firstName: string | null;
  lastName: string | null;
  email: string;
  mobilePhone: string;
  emailAddressType: string | null;
  phoneNumberType: string | null;
  segment: string;
  /** A legal entity's; null for an individual. */
  name: string | null;
  registrationNumber: string | null;
  industry: string | null;
  accountType: string | null;
  /** ISO instant: the customer relationship started then ("customer since"). */
  createdAt: string;
}

export interface GroupMemberRecord {
  id: string;
  groupId: string;
  groupName: string;
  customerId: string;
  role: string;
  startDate: string | null;
  endDate: string | null;
  createdAt: string;
}

/**
 * A write action's record as stored: the core's fields of the entity, its owner under the table's
 * customerId, and the columns the write store fills.
 */
type StoredRecord<F extends { customerInternalId: string }> = Omit<F, "customerInternalId"> & {
  id: string;
  customerId: string;
  createdAt: string;
};

export type AddressRecord = StoredRecord<AddressFields> & { fingerprint: string };

export type AgreementRecord = StoredRecord<AgreementFields> & { fingerprint: string };

export type ApplicationRecord = StoredRecord<ApplicationFields>;

export interface RepresentativeRecord {
  id: string;
  customerId: string;
  representativeId: string;
  relationType: string;
  createdAt: string;
}

/** An ingested row as the core's row schema outputs it, with the id the seed gives it. */
export type IngestRecord<K extends Exclude<IngestKind, "pictures">> = IngestRow<K> & { id: string };
type PictureRecord = IngestRow<"pictures">;

export interface TableRecords {
  customers: CustomerRecord;
  addresses: AddressRecord;
  contracts: IngestRecord<"contracts">;
  agreements: AgreementRecord;
  applications: ApplicationRecord;
  representatives: RepresentativeRecord;
  instalments: IngestRecord<"instalments">;
  garnishments: IngestRecord<"garnishments">;
  compliance_flags: IngestRecord<"complianceFlags">;
  interactions: IngestRecord<"interactions">;
  revenues: IngestRecord<"revenues">;
  profitability_values: IngestRecord<"profitabilityValues">;
  tasks: IngestRecord<"tasks">;
  campaign_offers: IngestRecord<"campaignOffers">;
  pictures: PictureRecord;
  transactions: IngestRecord<"transactions">;
  group_members: GroupMemberRecord;
}

export type TableName = keyof TableRecords;

/** Every table the seed fills, in an order that inserts a row only after the rows it references. */
export const SEED_TABLES: readonly TableName[] = [
  "customers",
  "addresses",
  "contracts",
  "agreements",
  "applications",
  "representatives",
  "instalments",
  "garnishments",
  "compliance_flags",
  "interactions",
  "revenues",
  "profitability_values",
  "tasks",
  "campaign_offers",
  "pictures",
  "transactions",
  // Last, so the ids of the tables before it (which carry their table's position) stay as they
  // were; its rows reference only customers, which each step loads first.
  "group_members",
];

export type TableBatch = { [T in TableName]: { table: T; rows: TableRecords[T][] } }[TableName];

/** Rows per table of one customer (transactions are generated apart, see generateTransactions). */
export type CustomerData = { [T in Exclude<TableName, "transactions">]: TableRecords[T][] };

export type Counts = Record<TableName, number>;

export const emptyCounts = (): Counts => Object.fromEntries(SEED_TABLES.map((table) => [table, 0])) as Counts;
