import { interactionOn } from "./activity";
import type { RunContext } from "./context";
import { addMonths, monthOfDay } from "./dates";
import { officeInstant, spread } from "./history-holdings";
import { externalIdOf, idsOf } from "./keys";
import { basisText, centsText } from "./money";
import type { CustomerPlan } from "./plan";
import type { IngestRecord, TableName } from "./records";
import type { Rng } from "./rng";
import {
  CAMPAIGNS,
  COMPLIANCE_DETAILS,
  GARNISHMENT_AUTHORITIES,
  PROFITABILITY_INDICATORS,
  TASK_TITLES,
} from "./vocab";

/**
 * The activity side of the history customer (see history.ts): tasks, offers, compliance flags,
 * garnishments, interactions, revenues, profitability values. Current rows first, then history.
 */

/** Months of each profitability indicator's series: the ones before the anchor's month. */
export const PROFITABILITY_MONTHS = 20;

type KeyedKind = "tasks" | "campaignOffers" | "complianceFlags" | "garnishments";
type OwnFields<K extends KeyedKind> = Omit<IngestRecord<K>, "id" | "externalId" | "customerInternalId">;

/**
 * The history customer's rows of one table. `add` gives each row its id, its external id (by its
 * place) and its customer, and only then draws the row's own fields, so the draws keep their order.
 */
function keyedRows<K extends KeyedKind>(
  ctx: RunContext,
  plan: CustomerPlan,
  table: TableName,
  prefix: string,
  rng: Rng,
) {
  const ids = idsOf(ctx, table, plan.index, rng);
  const rows: IngestRecord<K>[] = [];
  const add = (fields: () => OwnFields<K>) => {
    const id = ids.next();
    const externalId = externalIdOf(ctx, prefix, plan.index, rows.length);
    rows.push({ id, externalId, customerInternalId: plan.id, ...fields() } as IngestRecord<K>);
  };
  return { rows, add };
}

/** `count` rows in all: the ones in force are added already; each past one is added by `past(m, of)`. */
function withPast<R>(rows: R[], count: number, past: (m: number, of: number) => void): R[] {
  const of = count - rows.length;
  for (let m = 0; m < of; m++) past(m, of);
  return rows;
}

/** A generator of one table of the history customer: `count` rows in all. */
type History<K extends KeyedKind> = (
  ctx: RunContext,
  plan: CustomerPlan,
  count: number,
  rng: Rng,
) => IngestRecord<K>[];

/** One task open and one in progress, due soon; the rest completed or cancelled. */
export const taskHistory: History<"tasks"> = (ctx, plan, count, rng) => {
  const today = ctx.anchorDay;
  const tasks = keyedRows<"tasks">(ctx, plan, "tasks", "TSK", rng);
  const add = (day: number, status: IngestRecord<"tasks">["status"]) =>
    tasks.add(() => ({ title: rng.pick(TASK_TITLES), dueDate: ctx.dates.text(day), status }));
  add(today + 5, "open");
  add(today + 12, "in_progress");
  return withPast(tasks.rows, count, (m, of) =>
    add(spread(rng, m, of, plan.sinceDay, today - 5), m % 4 === 3 ? "cancelled" : "completed"),
  );
};

const PAST_OFFER_STATUSES = ["expired", "declined", "accepted", "dismissed"] as const;

/** One campaign offer open; the others expired, declined, accepted or dismissed. */
export const offerHistory: History<"campaignOffers"> = (ctx, plan, count, rng) => {
  const today = ctx.anchorDay;
  const offers = keyedRows<"campaignOffers">(ctx, plan, "campaign_offers", "OFR", rng);
  const add = (
    until: number,
    status: IngestRecord<"campaignOffers">["status"],
    dismissedOn: number | null,
  ) => {
    const offer = rng.pick(CAMPAIGNS);
    offers.add(() => ({
      product: offer.product,
      campaign: `${offer.campaign} ${ctx.dates.text(until).slice(0, 4)}`,
      score: rng.int(15, 95),
      availableUntil: ctx.dates.text(until),
      status,
      dismissedAt: dismissedOn === null ? null : officeInstant(ctx, dismissedOn, rng),
    }));
  };
  add(today + 60, "open", null);
  return withPast(offers.rows, count, (m, of) => {
    const until = spread(rng, m, of, plan.sinceDay, today - 1);
    const status = PAST_OFFER_STATUSES[m % PAST_OFFER_STATUSES.length]!;
    add(until, status, status === "dismissed" ? until - rng.int(1, 30) : null);
  });
};

const FLAG_CODES = ["PEP", "EMBARGO", "TERRORIST_LIST"] as const;

/** One PEP flag in force; the others cleared. */
export const complianceHistory: History<"complianceFlags"> = (ctx, plan, count, rng) => {
  const today = ctx.anchorDay;
  const flags = keyedRows<"complianceFlags">(ctx, plan, "compliance_flags", "CMP", rng);
  const add = (code: (typeof FLAG_CODES)[number], since: number, cleared: number | null) =>
    flags.add(() => ({
      code,
      since: ctx.dates.text(since),
      clearedOn: cleared === null ? null : ctx.dates.text(cleared),
      details: rng.pick(COMPLIANCE_DETAILS[code]),
    }));
  add("PEP", today - 400, null);
  return withPast(flags.rows, count, (m, of) => {
    const since = spread(rng, m, of, plan.sinceDay, today - 200);
    add(FLAG_CODES[m % FLAG_CODES.length]!, since, since + rng.int(10, 190));
  });
};

/** One garnishment in force; the others released. */
export const garnishmentHistory: History<"garnishments"> = (ctx, plan, count, rng) => {
  const today = ctx.anchorDay;
  const garnishments = keyedRows<"garnishments">(ctx, plan, "garnishments", "GRN", rng);
  const add = (since: number, released: number | null) =>
    garnishments.add(() => ({
      authority: rng.pick(GARNISHMENT_AUTHORITIES),
      amount: centsText(rng.int(300, 45_000) * 100 + rng.int(0, 99)),
      currency: "RON",
      since: ctx.dates.text(since),
      releasedOn: released === null ? null : ctx.dates.text(released),
    }));
  add(today - 200, null);
  return withPast(garnishments.rows, count, (m, of) => {
    const since = spread(rng, m, of, plan.sinceDay, today - 300);
    add(since, since + rng.int(30, 290));
  });
};

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
  return Array.from(daysOver(ctx, count, rng), (day, n) =>
    interactionOn(ctx, plan, day, ids, String(n).padStart(6, "0"), rng),
  );
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
