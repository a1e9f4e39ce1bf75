import type { RunContext } from "./context";
import { addMonths, instantOf, monthOfDay } from "./dates";
import { officeInstant, spread } from "./history-holdings";
import { externalIdOf, idsOf } from "./keys";
import { basisText, centsText } from "./money";
import type { CustomerPlan } from "./plan";
import type { IngestRecord } from "./records";
import type { Rng } from "./rng";
import {
  CAMPAIGNS,
  COMPLIANCE_DETAILS,
  GARNISHMENT_AUTHORITIES,
  INTERACTION_CHANNELS,
  INTERACTION_TOPICS,
  PROFITABILITY_INDICATORS,
  TASK_TITLES,
} from "./vocab";

/**
 * The activity side of the history customer (see history.ts): tasks, offers, compliance flags,
 * garnishments, interactions, revenues, profitability values. Current rows first, then history.
 */

/** Months of each profitability indicator's series: the ones before the anchor's month. */
export const PROFITABILITY_MONTHS = 20;

/** One task open and one in progress, due soon; the rest completed or cancelled. */
export function taskHistory(
  ctx: RunContext,
  plan: CustomerPlan,
  count: number,
  rng: Rng,
): IngestRecord<"tasks">[] {
  const ids = idsOf(ctx, "tasks", plan.index, rng);
  const today = ctx.anchorDay;
  const rows: IngestRecord<"tasks">[] = [];
  const add = (day: number, status: IngestRecord<"tasks">["status"]) =>
    rows.push({
      id: ids.next(),
      externalId: externalIdOf(ctx, "TSK", plan.index, rows.length),
      customerInternalId: plan.id,
      title: rng.pick(TASK_TITLES),
      dueDate: ctx.dates.text(day),
      status,
    });
  add(today + 5, "open");
  add(today + 12, "in_progress");
  const done = count - rows.length;
  for (let m = 0; m < done; m++) {
    add(spread(rng, m, done, plan.sinceDay, today - 5), m % 4 === 3 ? "cancelled" : "completed");
  }
  return rows;
}

const PAST_OFFER_STATUSES = ["expired", "declined", "accepted", "dismissed"] as const;

/** One campaign offer open; the others expired, declined, accepted or dismissed. */
export function offerHistory(
  ctx: RunContext,
  plan: CustomerPlan,
  count: number,
  rng: Rng,
): IngestRecord<"campaignOffers">[] {
  const ids = idsOf(ctx, "campaign_offers", plan.index, rng);
  const today = ctx.anchorDay;
  const rows: IngestRecord<"campaignOffers">[] = [];
  const add = (
    until: number,
    status: IngestRecord<"campaignOffers">["status"],
    dismissedOn: number | null,
  ) => {
    const offer = rng.pick(CAMPAIGNS);
    rows.push({
      id: ids.next(),
      externalId: externalIdOf(ctx, "OFR", plan.index, rows.length),
      customerInternalId: plan.id,
      product: offer.product,
      campaign: `${offer.campaign} ${ctx.dates.text(until).slice(0, 4)}`,
      score: rng.int(15, 95),
      availableUntil: ctx.dates.text(until),
      status,
      dismissedAt: dismissedOn === null ? null : officeInstant(ctx, dismissedOn, rng),
    });
  };
  add(today + 60, "open", null);
  const past = count - rows.length;
  for (let m = 0; m < past; m++) {
    const until = spread(rng, m, past, plan.sinceDay, today - 1);
    const status = PAST_OFFER_STATUSES[m % PAST_OFFER_STATUSES.length]!;
    add(until, status, status === "dismissed" ? until - rng.int(1, 30) : null);
  }
  return rows;
}

const FLAG_CODES = ["PEP", "EMBARGO", "TERRORIST_LIST"] as const;

/** One PEP flag in force; the others cleared. */
export function complianceHistory(
  ctx: RunContext,
  plan: CustomerPlan,
  count: number,
  rng: Rng,
): IngestRecord<"complianceFlags">[] {
  const ids = idsOf(ctx, "compliance_flags", plan.index, rng);
  const today = ctx.anchorDay;
  const rows: IngestRecord<"complianceFlags">[] = [];
  const add = (code: (typeof FLAG_CODES)[number], since: number, cleared: number | null) =>
    rows.push({
      id: ids.next(),
      externalId: externalIdOf(ctx, "CMP", plan.index, rows.length),
      customerInternalId: plan.id,
      code,
      since: ctx.dates.text(since),
      clearedOn: cleared === null ? null : ctx.dates.text(cleared),
      details: rng.pick(COMPLIANCE_DETAILS[code]),
    });
  add("PEP", today - 400, null);
  const cleared = count - rows.length;
  for (let m = 0; m < cleared; m++) {
    const since = spread(rng, m, cleared, plan.sinceDay, today - 200);
    add(FLAG_CODES[m % FLAG_CODES.length]!, since, since + rng.int(10, 190));
  }
  return rows;
}

/** One garnishment in force; the others released. */
export function garnishmentHistory(
  ctx: RunContext,
  plan: CustomerPlan,
  count: number,
  rng: Rng,
): IngestRecord<"garnishments">[] {
  const ids = idsOf(ctx, "garnishments", plan.index, rng);
  const today = ctx.anchorDay;
  const rows: IngestRecord<"garnishments">[] = [];
  const add = (since: number, released: number | null) =>
    rows.push({
      id: ids.next(),
      externalId: externalIdOf(ctx, "GRN", plan.index, rows.length),
      customerInternalId: plan.id,
      authority: rng.pick(GARNISHMENT_AUTHORITIES),
      amount: centsText(rng.int(300, 45_000) * 100 + rng.int(0, 99)),
      currency: "RON",
      since: ctx.dates.text(since),
      releasedOn: released === null ? null : ctx.dates.text(released),
    });
  add(today - 200, null);
  const released = count - rows.length;
  for (let m = 0; m < released; m++) {
    const since = spread(rng, m, released, plan.sinceDay, today - 300);
    add(since, since + rng.int(30, 290));
  }
  return rows;
}

/** Days drawn over the run's months, oldest first. */
function daysOver(ctx: RunContext, count: number, rng: Rng): Int32Array {
  const from = ctx.spanStartDay;
  const span = ctx.anchorDay - from + 1;
  const days = new Int32Array(count);
  for (let n = 0; n < count; n++) days[n] = from + Math.floor(rng.next() * span);
  return days.sort();
}

/** Contacts over the run's months, channels and topics as the seed draws them. */
export function interactionHistory(
  ctx: RunContext,
  plan: CustomerPlan,
  count: number,
  rng: Rng,
): IngestRecord<"interactions">[] {
  const ids = idsOf(ctx, "interactions", plan.index, rng);
  return Array.from(daysOver(ctx, count, rng), (day, n) => {
    const topic = rng.pick(INTERACTION_TOPICS);
    const notification = topic.type === "Notification";
    const channel = notification ? rng.pick(["Email", "Mobile App"]) : rng.weighted(INTERACTION_CHANNELS);
    const outgoing = notification || (topic.type === "Sales" ? rng.chance(0.7) : rng.chance(0.2));
    return {
      id: ids.next(),
      externalId: externalIdOf(ctx, "INT", plan.index, String(n).padStart(6, "0")),
      customerInternalId: plan.id,
      occurredAt: instantOf(ctx.dates.text(day), rng.int(5 * 60, 18 * 60), rng.int(0, 59)),
      channel,
      type: topic.type,
      direction: outgoing ? "Outgoing" : "Incoming",
      subject: topic.subject,
    };
  });
}

const REVENUE_CATEGORY: Partial<Record<string, { category: string; min: number; max: number }>> = {
  current: { category: "Fees", min: 500, max: 2_500 },
  savings: { category: "Fees", min: 100, max: 500 },
  card: { category: "Commissions", min: 50, max: 3_500 },
  loan: { category: "Interest", min: 20_000, max: 60_000 },
};

/** What the bank earned on the active holdings over the run's months; now and then a fee reversed. */
export function revenueHistory(
  ctx: RunContext,
  plan: CustomerPlan,
  contracts: readonly IngestRecord<"contracts">[],
  count: number,
  rng: Rng,
): IngestRecord<"revenues">[] {
  const ids = idsOf(ctx, "revenues", plan.index, rng);
  const earning = contracts.filter((c) => c.status === "active");
  return Array.from(daysOver(ctx, count, rng), (day, n) => {
    const contract = earning[n % earning.length]!;
    const { category, min, max } = REVENUE_CATEGORY[contract.category]!;
    const cents = rng.int(min, max);
    return {
      id: ids.next(),
      externalId: externalIdOf(ctx, "REV", plan.index, String(n).padStart(6, "0")),
      customerInternalId: plan.id,
      revenueDate: ctx.dates.text(day),
      category,
      product: contract.bankingProduct,
      currency: contract.currency,
      amount: centsText(category === "Fees" && rng.chance(0.01) ? -cents : cents),
    };
  });
}

/** The seed's three indicators and more of the bank's, each a monthly random walk. */
export function profitabilityHistory(
  ctx: RunContext,
  plan: CustomerPlan,
  count: number,
  rng: Rng,
): IngestRecord<"profitabilityValues">[] {
  const ids = idsOf(ctx, "profitability_values", plan.index, rng);
  const prefix = externalIdOf(ctx, "PFV", plan.index);
  const thisMonth = monthOfDay(ctx.anchorDay);
  const rows: IngestRecord<"profitabilityValues">[] = [];
  for (let i = 0; i < count / PROFITABILITY_MONTHS; i++) {
    const indicator = PROFITABILITY_INDICATORS[i] ?? `Indicator ${String(i + 1).padStart(3, "0")}`;
    let level = rng.int(50, 450) * 10_000;
    for (let m = PROFITABILITY_MONTHS; m >= 1; m--) {
      const month = addMonths(thisMonth, -m);
      level = Math.round(level * (1 + (rng.next() - 0.45) * 0.08));
      rows.push({
        id: ids.next(),
        externalId: `${prefix}-${i}-${month.replace("-", "")}`,
        customerInternalId: plan.id,
        indicator,
        month,
        value: basisText(level),
      });
    }
  }
  return rows;
}
