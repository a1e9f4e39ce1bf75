import { z } from "zod";
import { isFinalBusinessStatus } from "../rules/application";
import { ACTIVE_HOLDING_STATUSES } from "../widgets/holdings";

/**
 * CONTRACT §10's retention policy: from what is held about one customer and today, what an
 * erasure would erase, pseudonymize and retain, on which legal basis and until when, and what
 * blocks it now. Pure: the records come in, the plan comes out.
 */

/** What the policy looks at: dates and statuses only, never a personal value. */
export interface RetentionRecords {
  /** GDPR protects natural persons: a legal entity is not erased. */
  kind: "individual" | "legalEntity";
  customerSince: string;
  contracts: readonly { contractNo: string; status: string; closeDate: string | null }[];
  applications: readonly { applicationId: string; businessStatus: string; updatedOn: string }[];
  garnishments: readonly { externalId: string; releasedOn: string | null }[];
  agreements: readonly { endDate: string | null }[];
  /** The last booking date of a transaction, the last revenue date, null when none. */
  lastFinancialActivityOn: string | null;
}

export interface RetentionPolicy {
  /** RETENTION_YEARS_FINANCIAL: years financial records are kept after the relationship ended. */
  retentionYearsFinancial: number;
}

const PLAN_ACTIONS = ["erase", "pseudonymize", "retain"] as const;

export const privacyPlanSchema = z.object({
  canEraseNow: z.boolean(),
  blockers: z.array(z.object({ reason: z.string(), until: z.string().nullable() })),
  /** When the business relationship ended (the latest end, close, release or booking); null if it never held anything. */
  relationshipEndedOn: z.string().nullable(),
  actions: z.array(
    z.object({
      entity: z.string(),
      fields: z.array(z.string()),
      action: z.enum(PLAN_ACTIONS),
      legalBasis: z.string(),
      retainUntil: z.string().nullable(),
    }),
  ),
});
export type PrivacyPlan = z.infer<typeof privacyPlanSchema>;
type PlanStep = PrivacyPlan["actions"][number];
type Blocker = PrivacyPlan["blockers"][number];

const FINANCIAL_BASIS =
  "Legal obligation (GDPR Art. 6(1)(c), Art. 17(3)(b)): accounting and anti-money-laundering law keep financial records for the retention period after the relationship ended";
const PSEUDONYM_BASIS =
  "GDPR Art. 17(3)(b) and Art. 4(5): the retained financial records stay linked to one customer, under a pseudonym that carries no personal value";
const ERASE_BASIS =
  "GDPR Art. 17(1)(a): no longer necessary once the relationship ended; no law requires keeping it";
const MARKETING_BASIS = "GDPR Art. 17(1)(c) and Art. 21(3): marketing stops with the erasure";
const CONSENT_BASIS =
  "GDPR Art. 7(1) and Art. 17(3)(e): proof of what the customer consented to and agreed, for legal claims";
const AML_BASIS =
  "Legal obligation (GDPR Art. 17(3)(b)): anti-money-laundering screening results are kept for the retention period";
const CONTACT_RECORD_BASIS =
  "GDPR Art. 17(3)(e): that the bank dealt with the customer (when, which channel) is kept for legal claims, without its content";
const LINK_BASIS =
  "GDPR Art. 17(3)(b): a link between two customers holds ids and a relation only, and is also the other customer's record";
const ACCOUNTABILITY_BASIS =
  "GDPR Art. 5(2): who changed what and when stays provable; the personal values inside are erased";

/** Adds whole years to a `YYYY-MM-DD` date (29 February falls on 28 February in a common year). */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = monthDay === "02-29" && !leap ? "02-28" : monthDay;
  return `${String(year).padStart(4, "0")}-${day}`;
}

const latest = (dates: readonly (string | null)[]): string | null =>
  dates.reduce<string | null>(
    (max, date) => (date !== null && (max === null || date > max) ? date : max),
    null,
  );

const isRunning = (status: string, closeDate: string | null, today: string) =>
  (ACTIVE_HOLDING_STATUSES as readonly string[]).includes(status.trim().toLowerCase()) &&
  (closeDate === null || closeDate >= today);

/** What blocks an erasure today: an active contract, a pending application, an open garnishment. */
function erasureBlockers(records: RetentionRecords, today: string): Blocker[] {
  const blockers: Blocker[] = [];
  if (records.kind === "legalEntity") {
    blockers.push({
      reason: "The customer is a legal entity; erasure is for individuals, whose data GDPR protects",
      until: null,
    });
  }
  for (const contract of records.contracts) {
    if (isRunning(contract.status, contract.closeDate, today)) {
      blockers.push({ reason: `Contract ${contract.contractNo} is active`, until: contract.closeDate });
    }
  }
  for (const application of records.applications) {
    if (!isFinalBusinessStatus(application.businessStatus)) {
      blockers.push({
        reason: `Application ${application.applicationId} is pending (${application.businessStatus.trim()})`,
        until: null,
      });
    }
  }
  for (const garnishment of records.garnishments) {
    if (garnishment.releasedOn === null || garnishment.releasedOn > today) {
      blockers.push({
        reason: `Garnishment ${garnishment.externalId} is open`,
        until: garnishment.releasedOn,
      });
    }
  }
  return blockers;
}

/** The plan of CONTRACT §10 for one customer on `today` (`YYYY-MM-DD`). */
export function privacyPlan(records: RetentionRecords, today: string, policy: RetentionPolicy): PrivacyPlan {
  const blockers = erasureBlockers(records, today);
  const relationshipEndedOn = latest([
    ...records.contracts.map((c) => c.closeDate),
    ...records.applications.filter((a) => isFinalBusinessStatus(a.businessStatus)).map((a) => a.updatedOn),
    ...records.garnishments.map((g) => g.releasedOn),
    ...records.agreements.map((a) => a.endDate),
    records.lastFinancialActivityOn,
  ]);
  const holdsRecords =
    records.contracts.length + records.applications.length + records.garnishments.length > 0 ||
    records.agreements.length > 0 ||
    records.lastFinancialActivityOn !== null;
  // While the relationship runs, or when no record says when it ended, the period counts from
  // today at the earliest: a plan never promises to keep records for less than the law asks.
  const endedOn =
    holdsRecords && (blockers.length > 0 || relationshipEndedOn === null)
      ? relationshipEndedOn !== null && relationshipEndedOn > today
        ? relationshipEndedOn
        : today
      : relationshipEndedOn;
  const retainUntil = endedOn === null ? null : addYears(endedOn, policy.retentionYearsFinancial);
  const step = (
    entity: string,
    fields: string[],
    action: PlanStep["action"],
    legalBasis: string,
    until: string | null = null,
  ): PlanStep => ({ entity, fields, action, legalBasis, retainUntil: until });
  return {
    canEraseNow: blockers.length === 0,
    blockers,
    relationshipEndedOn,
    actions: [
      step("customer", ["firstName", "lastName", "UniqueID"], "pseudonymize", PSEUDONYM_BASIS, retainUntil),
      step(
        "customer",
        ["email", "mobilePhone", "emailAddressType", "phoneNumberType", "segment"],
        "erase",
        ERASE_BASIS,
      ),
      step("address", ["*"], "erase", ERASE_BASIS),
      step("picture", ["*"], "erase", ERASE_BASIS),
      step("interaction", ["subject"], "erase", ERASE_BASIS),
      step(
        "interaction",
        ["occurredAt", "channel", "type", "direction"],
        "retain",
        CONTACT_RECORD_BASIS,
        retainUntil,
      ),
      step("task", ["title"], "erase", ERASE_BASIS),
      step("campaignOffer", ["*"], "erase", MARKETING_BASIS),
      step("auditEntry", ["personal values in changes"], "erase", ACCOUNTABILITY_BASIS),
      step("changeEvent", ["personal values in changes"], "erase", ACCOUNTABILITY_BASIS),
      step(
        "auditEntry",
        ["who, when, action, record, other values"],
        "retain",
        ACCOUNTABILITY_BASIS,
        retainUntil,
      ),
      ...FINANCIAL_ENTITIES.map((entity) => step(entity, ["*"], "retain", FINANCIAL_BASIS, retainUntil)),
      step("agreement", ["*"], "retain", CONSENT_BASIS, retainUntil),
      step("complianceFlag", ["*"], "retain", AML_BASIS, retainUntil),
      step("representative", ["*"], "retain", LINK_BASIS, retainUntil),
      step("groupMember", ["*"], "retain", LINK_BASIS, retainUntil),
    ],
  };
}

const FINANCIAL_ENTITIES = [
  "application",
  "contract",
  "instalment",
  "garnishment",
  "transaction",
  "revenue",
  "profitabilityValue",
] as const;
