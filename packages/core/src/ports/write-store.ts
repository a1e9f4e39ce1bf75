/** What the five write actions store. Field names are the API's, so audit entries speak the integrator's language. */
export interface CustomerFields {
  UniqueID: string;
  firstName: string;
  lastName: string;
  email: string;
  mobilePhone: string;
  emailAddressType: string | null;
  phoneNumberType: string | null;
}

/** A legal entity (company, sole trader, public institution, non-profit, or a group). */
export interface LegalEntityFields {
  UniqueID: string;
  name: string;
  email: string | null;
  mobilePhone: string | null;
  emailAddressType: string | null;
  phoneNumberType: string | null;
  industry: string | null;
  registrationNumber: string | null;
  accountType: string;
}

/** A customer's membership of a group; dates are `YYYY-MM-DD`, either end open. */
export interface GroupMemberFields {
  groupInternalId: string;
  customerInternalId: string;
  role: string;
  startDate: string | null;
  endDate: string | null;
}

export interface AddressFields {
  customerInternalId: string;
  addressType: string;
  country: string;
  district: string;
  city: string;
  streetName: string;
  streetNo: string;
  buildingNo: string | null;
  floorNo: string | null;
  apartmentNo: string | null;
  postalCode: string;
}

export interface RepresentativeFields {
  customerInternalId: string;
  /** The representing customer's own customerInternalId. */
  customerRepresentativeNo: string;
  accountRelationType: string;
}

export interface ApplicationFields {
  customerInternalId: string;
  source: string;
  externalId: string;
  url: string;
  name: string;
  bankingProduct: string;
  businessStatus: string;
  /** Canonical decimal string, "1250.00". */
  amount: string | null;
  currency: string | null;
}

export interface AgreementFields {
  customerInternalId: string;
  agreementType: string;
  startDate: string;
  endDate: string | null;
  sourceId: string;
  contractNo: string | null;
  externalId: string | null;
}

export interface EntityFields {
  customer: CustomerFields;
  legalEntity: LegalEntityFields;
  groupMember: GroupMemberFields;
  address: AddressFields;
  representative: RepresentativeFields;
  application: ApplicationFields;
  agreement: AgreementFields;
}
export type Entity = keyof EntityFields;
export type StoredRecord<E extends Entity> = EntityFields[E] & { id: string };

/**
 * How a record is looked up: by its id, or by the natural key its fields carry, the same key the
 * database keeps unique — customer and legalEntity: UniqueID (one namespace for both kinds);
 * groupMember: the (group, customer) pair; address: every field; representative: the
 * (customer, representative, relation type) triple; application: (source, externalId);
 * agreement: (customer, externalId), or every field when externalId is null.
 */
export type RecordKey<E extends Entity> = { id: string } | { sameKeyAs: EntityFields[E] };

/** Each changed field's old and new value; on creation `old` is null. */
export type FieldChanges = Record<string, { old: unknown; new: unknown }>;

/** Who wrote, through which action: stamped on the audit entry of every write. */
export interface AuditStamp {
  userName: string;
  /** The callAction name of the action that wrote. */
  action: string;
}

export interface AuditEntry {
  /** Increases with every entry; orders the entries of one change (an ingest batch writes several). */
  id: string;
  /**
   * The customer's change number: 1, 2, 3 … in the order the changes were committed, the same
   * number its change event carries.
   */
  sequence: number;
  /** ISO 8601 timestamp, UTC, to the microsecond. */
  at: string;
  userName: string;
  action: string;
  entity: string;
  recordId: string;
  customerId: string;
  /** `erased` for a privacy erasure (CONTRACT §10), whose changes hold the plan, no personal value. */
  operation: "created" | "updated" | "erased";
  changes: FieldChanges;
}

/** Where an audit page starts: after the entry with this sequence number and id, newest first. */
export interface AuditPosition {
  sequence: number;
  id: string;
}

export interface AuditPage {
  limit: number;
  /** Only entries older than this one; null for the newest. */
  before: AuditPosition | null;
}

/**
 * The storage the write use cases need. Implementations map any uniqueness violation to a 409
 * AppError and any missing reference to a 404 AppError, and never let a driver error out.
 */
export interface WriteStore {
  /**
   * Inserts the record and its `created` audit entry atomically unless its natural key (see
   * RecordKey) is already taken; an agreement naming a contractNo is only inserted when that
   * contract belongs to the customer, a group member only when its group is of accountType Group
   * and its member is not. Answers the new id, or null when nothing was inserted.
   */
  create<E extends Entity>(entity: E, fields: EntityFields[E], stamp: AuditStamp): Promise<string | null>;
  /** Runs `work` in one transaction: everything it wrote commits together, or nothing does. */
  transaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T>;
  customerExists(customerId: string): Promise<boolean>;
  /** The customer's audit entries, newest first (by `sequence`, then `id`). */
  auditForCustomer(customerId: string, page: AuditPage): Promise<AuditEntry[]>;
}

export interface WriteTransaction {
  /** The record, locked until the transaction ends so that concurrent writers take turns; null when none. */
  lock<E extends Entity>(entity: E, key: RecordKey<E>): Promise<StoredRecord<E> | null>;
  /** Stores `next` as the record's fields and an `updated` audit entry with `changes`. */
  update<E extends Entity>(
    entity: E,
    id: string,
    next: EntityFields[E],
    changes: FieldChanges,
    stamp: AuditStamp,
  ): Promise<void>;
  customerExists(customerId: string): Promise<boolean>;
  isContractOfCustomer(customerId: string, contractNo: string): Promise<boolean>;
  /** Which kind of account the customer is (and, for a legal entity, its accountType); null when none. */
  accountOf(customerId: string): Promise<CustomerAccount | null>;
  /** The account holding this (upper-case) UniqueID, whichever its kind; null when none. */
  accountHoldingUniqueId(uniqueId: string): Promise<(CustomerAccount & { id: string }) | null>;
  /** How many memberships name the customer as group, and as member. */
  membershipCounts(customerId: string): Promise<{ asGroup: number; asMember: number }>;
}

type CustomerKind = "individual" | "legalEntity";

export interface CustomerAccount {
  kind: CustomerKind;
  /** A legal entity's accountType (`Group` makes it a group); null for an individual. */
  accountType: string | null;
}
