import { heldOn } from "./activity";
import type { RunContext } from "./context";
import { monthOfDay } from "./dates";
import type { Holding } from "./holdings";
import { externalIdOf, idsOf } from "./keys";
import { basisText, centsText } from "./money";
import type { Person } from "./names";
import type { CustomerPlan } from "./plan";
import type { IngestRecord } from "./records";
import type { Rng } from "./rng";
import { COMPLIANCE_DETAILS, GARNISHMENT_AUTHORITIES, PROFITABILITY_INDICATORS } from "./vocab";

/** Months of revenue kept per customer, ending with the anchor's month. */
const REVENUE_MONTHS = 13;

/**
 * What the bank earned on the customer each month: the account fee, interest on credit, card
 * commissions; now and then a fee is reversed (a negative revenue).
 */
export function revenueRows(
  ctx: RunContext,
  plan: CustomerPlan,
  holdings: Holding[],
  rng: Rng,
): IngestRecord<"revenues">[] {
  const ids = idsOf(ctx, "revenues", plan.index, rng);
  const rows: IngestRecord<"revenues">[] = [];
  const months = Math.min(REVENUE_MONTHS, ctx.months);
  const fees = holdings.map(() => rng.int(5, 25) * 100);
  const prefix = externalIdOf(ctx, "REV", plan.index);
  for (let m = months - 1; m >= 0; m--) {
    const { compact, firstDay: first } = ctx.monthsBack[m]!;
    const bookDay = Math.min(first + 27, ctx.anchorDay);
    const add = (category: string, h: Holding, cents: number) => {
      rows.push({
        id: ids.next(),
        externalId: `${prefix}-${compact}-${rows.length}`,
        customerInternalId: plan.id,
        revenueDate: ctx.dates.text(bookDay - rng.int(0, 3)),
        category,
        product: h.product,
        currency: h.currency,
        amount: centsText(cents),
      });
    };
    for (const h of holdings) {
      if (!heldOn(h, bookDay)) continue;
      const scale = h.currency === "RON" ? 1 : 5;
      if (h.kind === "current") {
        const fee = Math.round(fees[h.number]! / scale);
        add("Fees", h, rng.chance(0.01) ? -fee : fee);
      } else if ((h.kind === "loan" || h.kind === "mortgage" || h.kind === "overdraft") && h.rateBp) {
        const interest = Math.round((h.balanceCents * h.rateBp) / 10_000 / 12);
        if (interest > 0) add("Interest", h, interest);
      } else if (h.kind === "card" && rng.chance(0.6)) {
        add("Commissions", h, Math.max(1, Math.round((rng.int(50, 3500) * rng.next()) / scale)));
      }
    }
  }
  return rows;
}

/**
 * Monthly profitability indicators for the 14 months before the anchor's month (the current
 * month is not computed yet), as random walks around a customer's own level.
 */
export function profitabilityRows(
  ctx: RunContext,
  plan: CustomerPlan,
  holdings: Holding[],
  rng: Rng,
): IngestRecord<"profitabilityValues">[] {
  const ids = idsOf(ctx, "profitability_values", plan.index, rng);
  if (holdings.length === 0) return [];
  const rows: IngestRecord<"profitabilityValues">[] = [];
  const firstMonth = monthOfDay(plan.sinceDay);
  const lastMonth =
    plan.stage === "closed" && plan.activity ? monthOfDay(plan.activity.to) : ctx.monthsBack[1]!.month;
  const prefix = externalIdOf(ctx, "PFV", plan.index);
  // Levels in ten-thousandths: revenue in RON, margin in percent, lifetime value in RON.
  const levels = [rng.int(20, 400) * 10_000, rng.int(50, 450) * 100, rng.int(5_000, 80_000) * 10_000];
  const drift = [0.08, 0.05, 0.015];
  PROFITABILITY_INDICATORS.forEach((indicator, i) => {
    let level = levels[i]!;
    for (let m = 14; m >= 1; m--) {
      const { month, compact } = ctx.monthsBack[m]!;
      level = Math.round(level * (1 + (rng.next() - 0.45) * drift[i]!));
      if (month < firstMonth || month > lastMonth) continue;
      rows.push({
        id: ids.next(),
        externalId: `${prefix}-${i}-${compact}`,
        customerInternalId: plan.id,
        indicator,
        month,
        value: basisText(level),
      });
    }
  });
  return rows;
}

/** Rare compliance hits: PEP about 1 in 80 customers, embargo and terrorist-list matches far rarer. */
export function complianceFlagRows(
  ctx: RunContext,
  plan: CustomerPlan,
  rng: Rng,
): IngestRecord<"complianceFlags">[] {
  const ids = idsOf(ctx, "compliance_flags", plan.index, rng);
  const codes: ("PEP" | "EMBARGO" | "TERRORIST_LIST")[] = [];
  if (plan.index === 1 || rng.chance(0.012)) codes.push("PEP");
  if (rng.chance(0.002)) codes.push("EMBARGO");
  if (rng.chance(0.001)) codes.push("TERRORIST_LIST");
  return codes.map((code, n) => {
    const since = rng.int(plan.sinceDay, ctx.anchorDay);
    const cleared =
      !plan.showcase && code !== "PEP" && rng.chance(0.4) ? rng.int(since, ctx.anchorDay) : null;
    return {
      id: ids.next(),
      externalId: externalIdOf(ctx, "CMP", plan.index, n),
      customerInternalId: plan.id,
      code,
      since: ctx.dates.text(since),
      clearedOn: cleared === null ? null : ctx.dates.text(cleared),
      details: rng.pick(COMPLIANCE_DETAILS[code]),
    };
  });
}

/** Garnishments by the tax office or an enforcement officer, for about one customer in 70. */
export function garnishmentRows(
  ctx: RunContext,
  plan: CustomerPlan,
  rng: Rng,
): IngestRecord<"garnishments">[] {
  const ids = idsOf(ctx, "garnishments", plan.index, rng);
  if (!plan.banked || !(plan.index === 2 || rng.chance(0.015))) return [];
  const since = rng.int(Math.max(plan.sinceDay, ctx.anchorDay - 900), ctx.anchorDay);
  const released = plan.index !== 2 && rng.chance(0.4) ? rng.int(since, ctx.anchorDay) : null;
  return [
    {
      id: ids.next(),
      externalId: externalIdOf(ctx, "GRN", plan.index, 0),
      customerInternalId: plan.id,
      authority: rng.chance(0.6) ? rng.pick(GARNISHMENT_AUTHORITIES) : officerOf(ctx.names.person("ro", rng)),
      amount: centsText(rng.int(300, 45_000) * 100 + rng.int(0, 99)),
      currency: "RON",
      since: ctx.dates.text(since),
      releasedOn: released === null ? null : ctx.dates.text(released),
    },
  ];
}

/** The office of a Romanian enforcement officer (executor judecătoresc). */
const officerOf = (person: Person): string =>
  `Biroul executorului judecătoresc ${person.firstName} ${person.lastName}`;
