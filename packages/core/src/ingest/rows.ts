import { z } from "zod";
import { customerInternalIdField } from "../rules/ids";
import { COMPLIANCE_FLAG_CODES } from "../widgets/flags";
import { HOLDING_KINDS } from "../widgets/holdings";
import { TASK_STATUSES } from "../widgets/pending-activities";
import { INTER_INTRA, TRANSACTION_DIRECTIONS } from "../widgets/transaction-values";
import {
  booleanField,
  currencyField,
  dateField,
  decimalField,
  externalIdField,
  moneyField,
  monthField,
  notBefore,
  optionalDate,
  optionalMoney,
  optionalText,
  optionalTimestamp,
  optionValue,
  orNull,
  textField,
  timestampField,
} from "./fields";
import { pictureRow } from "./picture-bytes";

/**
 * One schema per ingested table. Rows are whole records: an optional field that is absent is
 * stored as null, because a feed sends the source system's current state of each record.
 */

export const CONTRACT_STATUSES = ["active", "pending", "suspended", "closed"] as const;
export const CAMPAIGN_OFFER_STATUSES = ["open", "accepted", "declined", "dismissed", "expired"] as const;

const owner = { externalId: externalIdField, customerInternalId: customerInternalIdField };

export const contractRow = z
  .strictObject({
    ...owner,
    contractNo: textField("contractNo", 50),
    category: optionValue("category", HOLDING_KINDS),
    bankingProduct: textField("bankingProduct", 100),
    /** The principal, limit or opening amount; null for products without one (a current account). */
    amount: optionalMoney("amount"),
    /** Signed: an overdrawn current account is negative. */
    balance: moneyField("balance", "any"),
    currency: currencyField("currency"),
    status: optionValue("status", CONTRACT_STATUSES, { open: "active", opened: "active" }),
    activationDate: dateField("activationDate"),
    closeDate: optionalDate("closeDate"),
    /** Percent per year, up to 4 fractional digits; negative rates exist. */
    interestRate: orNull(decimalField("interestRate", { scale: 4, integerDigits: 5, sign: "any" })),
  })
  .superRefine(notBefore("closeDate", "activationDate"));

export const instalmentRow = z.strictObject({
  ...owner,
  /** A contract of the same customer, ingested before. */
  contractNo: textField("contractNo", 50),
  dueDate: dateField("dueDate"),
  amount: moneyField("amount"),
  currency: currencyField("currency"),
  paid: booleanField("paid").default(false),
});

export const garnishmentRow = z
  .strictObject({
    ...owner,
    authority: textField("authority", 200),
    amount: moneyField("amount"),
    currency: currencyField("currency"),
    since: dateField("since"),
    releasedOn: optionalDate("releasedOn"),
  })
  .superRefine(notBefore("releasedOn", "since"));

export const complianceFlagRow = z
  .strictObject({
    ...owner,
    code: optionValue("code", COMPLIANCE_FLAG_CODES),
    since: dateField("since"),
    clearedOn: optionalDate("clearedOn"),
    details: optionalText("details", 2000),
  })
  .superRefine(notBefore("clearedOn", "since"));

export const transactionRow = z.strictObject({
  ...owner,
  bookingDate: dateField("bookingDate"),
  indicator: textField("indicator", 100),
  direction: optionValue("direction", TRANSACTION_DIRECTIONS),
  interIntra: optionValue("interIntra", INTER_INTRA),
  currency: currencyField("currency"),
  amount: moneyField("amount"),
});

export const interactionRow = z.strictObject({
  ...owner,
  occurredAt: timestampField("occurredAt"),
  channel: textField("channel", 50),
  type: textField("type", 50),
  direction: optionValue("direction", TRANSACTION_DIRECTIONS, { inbound: "Incoming", outbound: "Outgoing" }),
  subject: textField("subject", 200),
});

export const revenueRow = z.strictObject({
  ...owner,
  revenueDate: dateField("revenueDate"),
  category: textField("category", 100),
  product: textField("product", 100),
  currency: currencyField("currency"),
  /** Signed: a reversed fee is a negative revenue. */
  amount: moneyField("amount", "any"),
});

export const profitabilityValueRow = z.strictObject({
  ...owner,
  indicator: textField("indicator", 100),
  month: monthField("month"),
  value: decimalField("value", { scale: 4, integerDigits: 16, sign: "any" }),
});

export const taskRow = z.strictObject({
  ...owner,
  title: textField("title", 200),
  dueDate: optionalDate("dueDate"),
  status: optionValue("status", TASK_STATUSES, { done: "completed", canceled: "cancelled", new: "open" }),
});

export const campaignOfferRow = z.strictObject({
  ...owner,
  product: textField("product", 100),
  campaign: textField("campaign", 100),
  score: z
    .number({ error: "score must be a whole number from 0 to 100" })
    .int({ error: "score must be a whole number from 0 to 100" })
    .min(0, { error: "score must be a whole number from 0 to 100" })
    .max(100, { error: "score must be a whole number from 0 to 100" })
    .default(50),
  availableUntil: optionalDate("availableUntil"),
  status: optionValue("status", CAMPAIGN_OFFER_STATUSES),
  dismissedAt: optionalTimestamp("dismissedAt"),
});

export { pictureRow };
