import type { HoldingKind } from "@account360/core";
import type { RunContext } from "./context";
import { monthsBefore } from "./dates";
import { contractNoOf, externalIdOf, idsOf } from "./keys";
import { basisText, centsText } from "./money";
import type { CustomerPlan } from "./plan";
import type { IngestRecord } from "./records";
import type { Rng } from "./rng";
import { PRODUCTS } from "./vocab";

/** A contract as the other generators need it: days and minor units, before it becomes a row. */
export interface Holding {
  number: number;
  kind: HoldingKind;
  product: string;
  currency: string;
  contractNo: string;
  activationDay: number;
  closeDay: number | null;
  status: "active" | "suspended" | "closed";
  amountCents: number | null;
  balanceCents: number;
  /** Yearly rate in basis points (1/100 %), null for products without one. */
  rateBp: number | null;
  termMonths: number | null;
  /** A debit card has no limit and no balance of its own. */
  debit: boolean;
}

const OPTIONAL_KINDS: readonly (readonly [HoldingKind, number])[] = [
  ["card", 0.65],
  ["savings", 0.35],
  ["deposit", 0.18],
  ["loan", 0.22],
  ["overdraft", 0.14],
  ["mortgage", 0.07],
];

/** Minor units between min and max major units, skewed towards small amounts. */
const skewed = (rng: Rng, min: number, max: number, power = 2) =>
  Math.round((min + (max - min) * rng.next() ** power) * 100);

function currencyOf(kind: HoldingKind, rng: Rng): string {
  const eur =
    kind === "mortgage" ? 0.3 : kind === "loan" || kind === "savings" || kind === "deposit" ? 0.15 : 0;
  if (rng.chance(eur)) return "EUR";
  return kind === "deposit" && rng.chance(0.05) ? "USD" : "RON";
}

const TERMS: Partial<Record<HoldingKind, readonly [number, number]>> = {
  loan: [24, 84],
  mortgage: [240, 360],
};

export function generateHoldings(ctx: RunContext, plan: CustomerPlan, rng: Rng): Holding[] {
  if (!plan.activity) return [];
  const today = ctx.anchorDay;
  const lastOpen =
    plan.stage === "closed"
      ? plan.activity.to - 10
      : plan.stage === "dormant"
        ? plan.activity.to - 30
        : today;
  const firstDay = Math.min(plan.sinceDay + rng.int(0, 5), lastOpen);

  const kinds: HoldingKind[] = ["current"];
  if (plan.showcase) kinds.push("card", "savings", "loan", "deposit");
  else for (const [kind, probability] of OPTIONAL_KINDS) if (rng.chance(probability)) kinds.push(kind);
  if (!plan.showcase && rng.chance(0.1)) kinds.push("current");

  return kinds.map((kind, number) => {
    const product = number === 0 || !rng.chance(0.3) ? PRODUCTS[kind][0]! : rng.pick(PRODUCTS[kind]);
    const currency = number === 0 ? "RON" : kind === "current" ? "EUR" : currencyOf(kind, rng);
    const scale = currency === "RON" ? 1 : 5;
    const termMonths =
      kind === "deposit"
        ? Number(/(\d+)M$/.exec(product.name)?.[1] ?? 12)
        : TERMS[kind]
          ? rng.int(...TERMS[kind]!)
          : null;

    let activationDay = number === 0 ? firstDay : rng.int(firstDay, Math.max(firstDay, lastOpen));
    // Most deposits are recent enough not to have matured; the showcase loan is well under way.
    if (kind === "deposit" && termMonths && rng.chance(0.7)) {
      activationDay = Math.max(firstDay, monthsBefore(today, termMonths) + rng.int(1, 150));
    }
    if (plan.showcase && kind === "loan") activationDay = Math.max(firstDay, today - rng.int(200, 500));
    activationDay = Math.min(activationDay, lastOpen);

    const maturity = termMonths ? monthsBefore(activationDay, -termMonths) : null;
    let closeDay: number | null = maturity;
    let status: Holding["status"] = "active";
    if (plan.stage === "closed") {
      closeDay = number === 0 ? plan.activity!.to : rng.int(activationDay, plan.activity!.to);
      status = "closed";
    } else if (maturity !== null && maturity < today) {
      status = "closed";
    } else if (number > 0 && !plan.showcase && rng.chance(0.1) && activationDay + 30 < today - 1) {
      closeDay = rng.int(activationDay + 30, today - 1);
      status = "closed";
    } else if (kind === "card" && !plan.showcase && rng.chance(0.02)) {
      status = "suspended";
    }

    const debit = kind === "card" && product.rate[1] === 0;
    const amountCents = amountOf(kind, debit, rng, scale);
    const rateBp = product.rate[1] === 0 ? null : rng.int(product.rate[0], product.rate[1]);
    let balanceCents = 0;
    if (status !== "closed") {
      balanceCents = balanceOf(kind, amountCents, rng, scale);
      if (
        (kind === "loan" || kind === "mortgage") &&
        termMonths &&
        amountCents !== null &&
        maturity !== null
      ) {
        const remaining = Math.min(1, Math.max(0.02, (maturity - today) / (maturity - activationDay)));
        balanceCents = Math.round(amountCents * remaining);
      }
    }
    return {
      number,
      kind,
      product: product.name,
      currency,
      contractNo: contractNoOf(ctx, kind, plan.index, number),
      activationDay,
      closeDay,
      status,
      amountCents,
      balanceCents,
      rateBp,
      termMonths,
      debit,
    };
  });
}

function amountOf(kind: HoldingKind, debit: boolean, rng: Rng, scale: number): number | null {
  const range = (min: number, max: number, step: number) =>
    Math.round(skewed(rng, min, max) / scale / (step * 100)) * step * 100 || step * 100;
  switch (kind) {
    case "loan":
      return range(5_000, 120_000, 500);
    case "mortgage":
      return range(150_000, 900_000, 5_000);
    case "card":
      return debit ? null : range(2_000, 30_000, 500);
    case "overdraft":
      return range(1_000, 15_000, 500);
    case "deposit":
      return range(5_000, 200_000, 1_000);
    default:
      return null;
  }
}

function balanceOf(kind: HoldingKind, amountCents: number | null, rng: Rng, scale: number): number {
  switch (kind) {
    case "current":
      return Math.round(skewed(rng, 20, 60_000, 3) / scale);
    case "savings":
      return Math.round(skewed(rng, 500, 150_000, 2) / scale);
    case "deposit":
      return amountCents ?? 0;
    case "card":
    case "overdraft":
      return amountCents === null ? 0 : Math.round(amountCents * rng.next() * 0.7);
    default:
      return amountCents ?? 0;
  }
}

export function contractRows(
  ctx: RunContext,
  plan: CustomerPlan,
  holdings: Holding[],
  rng: Rng,
): IngestRecord<"contracts">[] {
  const ids = idsOf(ctx, "contracts", plan.index, rng);
  return holdings.map((h) => ({
    id: ids.next(),
    externalId: externalIdOf(ctx, "CTR", plan.index, h.number),
    customerInternalId: plan.id,
    contractNo: h.contractNo,
    category: h.kind,
    bankingProduct: h.product,
    amount: h.amountCents === null ? null : centsText(h.amountCents),
    balance: centsText(h.balanceCents),
    currency: h.currency,
    status: h.status,
    activationDate: ctx.dates.text(h.activationDay),
    closeDate: h.closeDay === null ? null : ctx.dates.text(h.closeDay),
    interestRate: h.rateBp === null ? null : basisText(h.rateBp * 100),
  }));
}

/**
 * Monthly instalments of loans and mortgages from six months back to three ahead; paid when
 * due, except the last one to three of a customer who fell behind (the DPD flag).
 */
export function instalmentRows(
  ctx: RunContext,
  plan: CustomerPlan,
  holdings: Holding[],
  rng: Rng,
): IngestRecord<"instalments">[] {
  const ids = idsOf(ctx, "instalments", plan.index, rng);
  const today = ctx.anchorDay;
  const loans = holdings.filter(
    (h) => (h.kind === "loan" || h.kind === "mortgage") && h.termMonths && h.amountCents,
  );
  const behind =
    loans.some((h) => h.status === "active") &&
    (plan.showcase || ((plan.stage === "active" || plan.stage === "dormant") && rng.chance(0.1)));
  const rows: IngestRecord<"instalments">[] = [];
  for (const loan of loans) {
    const principal = loan.amountCents!;
    const monthly = Math.round(
      principal / loan.termMonths! + (principal * (loan.rateBp ?? 0)) / 10_000 / 12 / 2,
    );
    const end = Math.min(loan.closeDay ?? today + 100, today + 100);
    const dues: number[] = [];
    for (let m = 1; m <= loan.termMonths!; m++) {
      const due = monthsBefore(loan.activationDay, -m);
      if (due > end) break;
      if (due >= today - 190) dues.push(due);
    }
    const past = dues.filter((d) => d < today);
    const unpaid = new Set(behind && loan.status === "active" ? past.slice(-rng.int(1, 3)) : []);
    dues.forEach((due, n) => {
      rows.push({
        id: ids.next(),
        externalId: externalIdOf(ctx, "INS", plan.index, loan.number, n),
        customerInternalId: plan.id,
        contractNo: loan.contractNo,
        dueDate: ctx.dates.text(due),
        amount: centsText(monthly),
        currency: loan.currency,
        paid: due < today && !unpaid.has(due),
      });
    });
  }
  return rows;
}
