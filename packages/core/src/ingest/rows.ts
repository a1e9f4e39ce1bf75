import { z } from "zod";
import { isoDate, isoTimestamp, notBefore, yearMonth } from "../rules/dates";
import { required, requiredBoolean, requiredNumeric } from "../rules/field";
import { customerInternalIdField } from "../rules/ids";
import { amount, currency, decimal, signedAmount } from "../rules/money";
import { optionSet } from "../rules/option-sets";
import { text } from "../rules/text";
import { COMPLIANCE_FLAG_CODES } from "../widgets/flags";
import { HOLDING_KINDS } from "../widgets/holdings";
import { TASK_STATUSES } from "../widgets/pending-activities";
import { INTER_INTRA, TRANSACTION_DIRECTIONS } from "../widgets/transaction-values";
import { orNull, orNullNumeric } from "./fields";
import { pictureRow } from "./picture-bytes";

/**
 * One schema per ingested table. Rows are whole records: an optional field that is absent is
 * stored as null, because a feed sends the source system's current state of each record.
 */

const CONTRACT_STATUSES = ["active", "pending", "suspended", "closed"] as const;
const CAMPAIGN_OFFER_STATUSES = ["open", "accepted", "declined", "dismissed", "expired"] as const;

/** The id the source system gives the record; ingestion is idempotent on it. Case-sensitive. */
const externalId = required("externalId", text(100));
const owner = { externalId, customerInternalId: customerInternalIdField };

/** As long as an agreement's contractNo, which must name one of these contracts. */
const contractNo = required("contractNo", text(100));

/** Percent per year in numeric(9,4); negative rates exist. */
const interestRate = decimal({ scale: 4, integerDigits: 5, sign: "any" });
/** An indicator's value in numeric(20,4): money, a ratio or a count, of either sign. */
const indicatorValue = decimal({ scale: 4, integerDigits: 16, sign: "any" });

export const contractRow = z
  .strictObject({
    ...owner,
    contractNo,
    category: required("category", optionSet(HOLDING_KINDS)),
    bankingProduct: required("bankingProduct", text(100)),
    /** The principal, limit or opening amount; null for products without one (a current account). */
    amount: orNullNumeric("amount", amount),
    /** Signed: an overdrawn current account is negative. */
    balance: requiredNumeric("balance", signedAmount),
    currency: required("currency", currency),
    status: required("status", optionSet(CONTRACT_STATUSES, { open: "active", opened: "active" })),
    activationDate: required("activationDate", isoDate),
    closeDate: orNull("closeDate", isoDate),
    interestRate: orNullNumeric("interestRate", interestRate),
  })
  .superRefine(notBefore("closeDate", "activationDate"));

export const instalmentRow = z.strictObject({
  ...owner,
  /** A contract of the same customer, ingested before. */
  contractNo,
  dueDate: required("dueDate", isoDate),
  amount: requiredNumeric("amount", amount),
  currency: required("currency", currency),
  paid: requiredBoolean("paid").default(false),
});

export const garnishmentRow = z
  .strictObject({
    ...owner,
    authority: required("authority", text(200)),
    amount: requiredNumeric("amount", amount),
    currency: required("currency", currency),
    since: required("since", isoDate),
    releasedOn: orNull("releasedOn", isoDate),
  })
  .superRefine(notBefore("releasedOn", "since"));

export const complianceFlagRow = z
  .strictObject({
    ...owner,
    code: required("code", optionSet(COMPLIANCE_FLAG_CODES)),
    since: required("since", isoDate),
    clearedOn: orNull("clearedOn", isoDate),
    details: orNull("details", text(2000)),
  })
  .superRefine(notBefore("clearedOn", "since"));

export const transactionRow = z.strictObject({
  ...owner,
  bookingDate: required("bookingDate", isoDate),
  indicator: required("indicator", text(100)),
  direction: required("direction", optionSet(TRANSACTION_DIRECTIONS)),
  interIntra: required("interIntra", optionSet(INTER_INTRA)),
  currency: required("currency", currency),
  amount: requiredNumeric("amount", amount),
});

export const interactionRow = z.strictObject({
  ...owner,
  occurredAt: required("occurredAt", isoTimestamp),
  channel: required("channel", text(50)),
  type: required("type", text(50)),
  direction: required(
    "direction",
    optionSet(TRANSACTION_DIRECTIONS, { inbound: "Incoming", outbound: "Outgoing" }),
  ),
  subject: required("subject", text(200)),
});

export const revenueRow = z.strictObject({
  ...owner,
  revenueDate: required("revenueDate", isoDate),
  category: required("category", text(100)),
  product: required("product", text(100)),
  currency: required("currency", currency),
  /** Signed: a reversed fee is a negative revenue. */
  amount: requiredNumeric("amount", signedAmount),
});

export const profitabilityValueRow = z.strictObject({
  ...owner,
  indicator: required("indicator", text(100)),
  month: required("month", yearMonth),
  value: requiredNumeric("value", indicatorValue),
});

export const taskRow = z.strictObject({
  ...owner,
  title: required("title", text(200)),
  dueDate: orNull("dueDate", isoDate),
  status: required(
    "status",
    optionSet(TASK_STATUSES, { done: "completed", canceled: "cancelled", new: "open" }),
  ),
});

const SCORE = "score must be a whole number from 0 to 100";

export const campaignOfferRow = z.strictObject({
  ...owner,
  product: required("product", text(100)),
  campaign: required("campaign", text(100)),
  score: z.int({ error: SCORE }).min(0, { error: SCORE }).max(100, { error: SCORE }).default(50),
  availableUntil: orNull("availableUntil", isoDate),
  status: required("status", optionSet(CAMPAIGN_OFFER_STATUSES)),
  dismissedAt: orNull("dismissedAt", isoTimestamp),
});

export { pictureRow };
