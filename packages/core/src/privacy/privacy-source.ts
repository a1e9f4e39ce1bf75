import type { Pseudonym } from "./erasure-rules";
import type { PrivacyPlan, RetentionRecords } from "./retention-policy";

/** Every row held about one customer, by table name, each row as its columns (snake_case). */
export type HeldRows = Record<string, Record<string, unknown>[]>;

export interface Erasure {
  /** The plan for the records read under the customer's lock; throws (409) when erasure is blocked. */
  decide(records: RetentionRecords): PrivacyPlan;
  pseudonym: Pseudonym;
  userName: string;
  action: string;
}

/** The privacy port: storage reads everything, the policy's records, and erases in one transaction. */
export interface PrivacySource {
  /** null when the customer does not exist. */
  heldRows(customerId: string): Promise<HeldRows | null>;
  records(customerId: string): Promise<RetentionRecords | null>;
  /** `unchanged` when nothing was left to erase; null when the customer does not exist. */
  erase(customerId: string, erasure: Erasure): Promise<"erased" | "unchanged" | null>;
}
