import type { HoldingKind } from "@account360/core";
import type { RunContext } from "./context";
import { instantOf, monthsBefore } from "./dates";
import { contractNoOf, externalIdOf, idsOf } from "./keys";
import { basisText, centsText } from "./money";
import type { CustomerPlan } from "./plan";
import { agreementRecord, applicationRecord } from "./profile";
import type { AgreementRecord, ApplicationRecord, IngestRecord } from "./records";
import type { Rng } from "./rng";
import {
  APPLICATION_PRODUCTS,
  FINAL_APPLICATION_STATUSES,
  PENDING_APPLICATION_STATUSES,
  PRODUCTS,
} from "./vocab";

/**
 * The holdings side of the history customer (see history.ts): contracts, instalments,
 * agreements, applications. Each table keeps its current rows first, a fixed handful, then
 * `count` minus those as history spread evenly over the customer's years.
 */

/** The day of the n-th of `count` rows spread over [from, to], a little jittered. */
export const spread = (rng: Rng, n: number, count: number, from: number, to: number) =>
  Math.min(to, from + Math.floor(((n + rng.next()) * (to - from)) / Math.max(1, count)));

/** Office hours in UTC, as the seed's profile rows use. */
export const officeInstant = (ctx: RunContext, day: number, rng: Rng) =>
  instantOf(ctx.dates.text(day), rng.int(6 * 60, 16 * 60), rng.int(0, 59));

const productOf = (kind: HoldingKind, credit = false) =>
  (credit ? PRODUCTS[kind].find((p) => p.rate[1] > 0) : undefined) ?? PRODUCTS[kind][0]!;

/** What the closed contracts were, in turn: rolled-over deposits, replaced cards, repaid loans. */
const CLOSED_KINDS: readonly { kind: HoldingKind; prefix: string; termDays: number; cents: number }[] = [
  { kind: "deposit", prefix: "TD", termDays: 91, cents: 2_500_000 },
  { kind: "card", prefix: "CC", termDays: 3 * 365, cents: 500_000 },
  { kind: "loan", prefix: "CL", termDays: 2 * 365, cents: 2_000_000 },
];

/** Four active holdings (a current account, a credit card, EUR savings, a loan), then closed ones. */
export function contractHistory(
  ctx: RunContext,
  plan: CustomerPlan,
  count: number,
  rng: Rng,
): IngestRecord<"contracts">[] {
  const ids = idsOf(ctx, "contracts", plan.index, rng);
  const today = ctx.anchorDay;
  const rows: IngestRecord<"contracts">[] = [];
  const add = (
    kind: HoldingKind,
    contractNo: string,
    fields: { currency: string; from: number; to: number | null; amount: number | null; balance: number },
    credit = false,
  ) => {
    const product = productOf(kind, credit);
    const rate = product.rate[1] === 0 ? null : rng.int(product.rate[0], product.rate[1]);
    rows.push({
      id: ids.next(),
      externalId: externalIdOf(ctx, "CTR", plan.index, rows.length),
      customerInternalId: plan.id,
      contractNo,
      category: kind,
      bankingProduct: product.name,
      amount: fields.amount === null ? null : centsText(fields.amount),
      balance: centsText(fields.balance),
      currency: fields.currency,
      status: fields.to !== null && fields.to < today ? "closed" : "active",
      activationDate: ctx.dates.text(fields.from),
      closeDate: fields.to === null ? null : ctx.dates.text(fields.to),
      interestRate: rate === null ? null : basisText(rate * 100),
    });
  };
  const held = (kind: HoldingKind) => contractNoOf(ctx, kind, plan.index, rows.length);
  add("current", held("current"), {
    currency: "RON",
    from: plan.sinceDay,
    to: null,
    amount: null,
    balance: rng.int(1_000, 20_000) * 100,
  });
  add(
    "card",
    held("card"),
    { currency: "RON", from: today - 700, to: null, amount: 1_000_000, balance: rng.int(500, 4_000) * 100 },
    true,
  );
  add("savings", held("savings"), {
    currency: "EUR",
    from: today - 1_500,
    to: null,
    amount: null,
    balance: rng.int(2_000, 9_000) * 100,
  });
  const loanStart = today - 730;
  add("loan", held("loan"), {
    currency: "RON",
    from: loanStart,
    to: monthsBefore(loanStart, -60),
    amount: 6_000_000,
    balance: 3_600_000,
  });
  const closed = count - rows.length;
  for (let m = 0; m < closed; m++) {
    const { kind, prefix, termDays, cents } = CLOSED_KINDS[m % CLOSED_KINDS.length]!;
    const from = spread(rng, m, closed, plan.sinceDay, today - 120);
    const contractNo = externalIdOf(ctx, prefix, plan.index, String(rows.length).padStart(2, "0"));
    add(kind, contractNo, {
      currency: "RON",
      from,
      to: Math.min(from + termDays, today - 30),
      amount: cents,
      balance: 0,
    });
  }
  return rows;
}

/** Three instalments overdue and three to come on the running loan; the rest paid, over the years. */
export function instalmentHistory(
  ctx: RunContext,
  plan: CustomerPlan,
  contracts: readonly IngestRecord<"contracts">[],
  count: number,
  rng: Rng,
): IngestRecord<"instalments">[] {
  const ids = idsOf(ctx, "instalments", plan.index, rng);
  const today = ctx.anchorDay;
  const loans = contracts.filter((c) => c.category === "loan");
  const running = loans[0]!;
  const rows: IngestRecord<"instalments">[] = [];
  const add = (contractNo: string, day: number, paid: boolean) =>
    rows.push({
      id: ids.next(),
      externalId: externalIdOf(ctx, "INS", plan.index, rows.length),
      customerInternalId: plan.id,
      contractNo,
      dueDate: ctx.dates.text(day),
      amount: centsText(rng.int(800, 2_500) * 100),
      currency: "RON",
      paid,
    });
  for (const days of [-75, -45, -15, 15, 45, 75]) add(running.contractNo, today + days, false);
  const paid = count - rows.length;
  for (let m = 0; m < paid; m++) {
    add(loans[m % loans.length]!.contractNo, spread(rng, m, paid, plan.sinceDay, today - 100), true);
  }
  return rows;
}

const CONSENTS = ["GDPR Consent", "Data Processing Consent", "Marketing Consent"] as const;

/**
 * Running: two consents, a marketing consent ending within 30 days, the terms, the card's
 * agreement. History: consents given and withdrawn, one after another over the years.
 */
export function agreementHistory(
  ctx: RunContext,
  plan: CustomerPlan,
  contracts: readonly IngestRecord<"contracts">[],
  count: number,
  rng: Rng,
): AgreementRecord[] {
  const ids = idsOf(ctx, "agreements", plan.index, rng);
  const today = ctx.anchorDay;
  const rows: AgreementRecord[] = [];
  const add = (type: string, start: number, end: number | null, contractNo: string | null, keyed = true) => {
    const dates = { startDate: ctx.dates.text(start), endDate: end === null ? null : ctx.dates.text(end) };
    rows.push(
      agreementRecord(plan, ids, rng, { agreementType: type, ...dates, contractNo }, () => ({
        externalId: keyed ? externalIdOf(ctx, "AGR", plan.index, rows.length) : null,
        createdAt: officeInstant(ctx, start, rng),
      })),
    );
  };
  const card = contracts.find((c) => c.category === "card")!;
  add("GDPR Consent", plan.sinceDay, null, null, false);
  add("Data Processing Consent", plan.sinceDay + 1, null, null);
  add("Marketing Consent", today - 300, today + 20, null);
  add("Terms and Conditions", plan.sinceDay, null, null, false);
  add("Card Agreement", today - 700, null, card.contractNo);
  const ended = count - rows.length;
  for (let m = 0; m < ended; m++) {
    const start = spread(rng, m, ended, plan.sinceDay, today - 400);
    add(CONSENTS[m % CONSENTS.length]!, start, Math.min(start + rng.int(30, 330), today - 1), null);
  }
  return rows;
}

/** One application pending from the last weeks; the others decided long ago. */
export function applicationHistory(
  ctx: RunContext,
  plan: CustomerPlan,
  count: number,
  rng: Rng,
): ApplicationRecord[] {
  const ids = idsOf(ctx, "applications", plan.index, rng);
  const today = ctx.anchorDay;
  const rows: ApplicationRecord[] = [];
  const add = (day: number, status: string) => {
    const product = rng.pick(APPLICATION_PRODUCTS);
    const externalId = externalIdOf(ctx, "APP", plan.index, rows.length);
    const amount = product.max === 0 ? null : centsText(rng.int(product.min, product.max) * 100);
    const fields = { externalId, product, status, amount, currency: "RON" };
    rows.push(applicationRecord(plan, ids, rng, fields, () => officeInstant(ctx, day, rng)));
  };
  add(today - 10, rng.pick(PENDING_APPLICATION_STATUSES));
  const decided = count - rows.length;
  for (let m = 0; m < decided; m++) {
    add(spread(rng, m, decided, plan.sinceDay, today - 30), rng.weighted(FINAL_APPLICATION_STATUSES));
  }
  return rows;
}
