import { type RunContext, runContext } from "./context";
import {
  complianceHistory,
  garnishmentHistory,
  interactionHistory,
  offerHistory,
  PROFITABILITY_MONTHS,
  profitabilityHistory,
  revenueHistory,
  taskHistory,
} from "./history-activity";
import { agreementHistory, applicationHistory, contractHistory, instalmentHistory } from "./history-holdings";
import { identiconPng } from "./picture";
import type { CustomerPlan } from "./plan";
import { addressRows, customerRow } from "./profile";
import { SEED_TABLES, type TableBatch, type TableName } from "./records";
import { customerIdOf, Rng, STREAM } from "./rng";
import { drawTransactions, transactionRowsOf } from "./transactions";

/**
 * One customer with a long history, for measuring what history costs the widgets: `rows`
 * transactions, interactions and revenues alike over the run's months (24 by default), and the
 * tables that accumulate with the years (contracts, instalments, agreements, …) in proportion.
 * What accumulates is nearly all closed, paid, ended or done; what is current stays a handful
 * of rows whatever the size, as it does for a real long-standing customer. So a widget about the
 * present whose cost grows with the size is reading history it does not need.
 */
export interface HistoryOptions {
  seed: number;
  /** The day the data is "as of" (`YYYY-MM-DD`). */
  anchor: string;
  /** Transactions, interactions and revenues, each. */
  rows: number;
  /** The customer's index in the run: ids and business keys derive from it (see HISTORY_FIRST_INDEX). */
  index: number;
  /** Months back that transactions, interactions and revenues cover; default 24. */
  months?: number | undefined;
}

/**
 * Indexes far above any read set the bench seeds, so a history customer never shares an id or a
 * business key with the run's other customers.
 */
export const HISTORY_FIRST_INDEX = 9_990_000;

/** Years the accumulating tables reach back: the customer banks here since then. */
const HISTORY_YEARS = 10;

/**
 * Rows of each accumulating table per transaction, and the least it has: enough for its current
 * rows (4 active contracts, 5 running agreements, 6 unpaid instalments …) and one of history.
 */
const PROPORTION: Partial<Record<TableName, readonly [per: number, atLeast: number]>> = {
  instalments: [1 / 4, 8],
  profitability_values: [1 / 5, PROFITABILITY_MONTHS],
  contracts: [1 / 40, 5],
  agreements: [1 / 40, 6],
  applications: [1 / 40, 2],
  tasks: [1 / 40, 3],
  campaign_offers: [1 / 40, 2],
  compliance_flags: [1 / 200, 1],
  garnishments: [1 / 200, 1],
};

/** How many rows of each table the history customer of `rows` has. */
export function historyCounts(rows: number): Record<TableName, number> {
  const counts = Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as Record<TableName, number>;
  counts.customers = 1;
  counts.addresses = 2;
  counts.pictures = 1;
  counts.transactions = rows;
  counts.interactions = rows;
  counts.revenues = rows;
  for (const [table, [per, atLeast]] of Object.entries(PROPORTION) as [TableName, [number, number]][]) {
    counts[table] = Math.max(atLeast, Math.round(rows * per));
  }
  // Whole series: every indicator has a value for each of the months.
  counts.profitability_values -= counts.profitability_values % PROFITABILITY_MONTHS;
  return counts;
}

function planOf(ctx: RunContext, index: number): CustomerPlan {
  const today = ctx.anchorDay;
  return {
    index,
    account: "individual",
    id: customerIdOf(ctx.seed, index),
    showcase: true,
    stage: "active",
    locale: "ro",
    country: "RO",
    sinceDay: today - Math.round(HISTORY_YEARS * 365.25),
    activity: { from: ctx.spanStartDay, to: today },
    banked: true,
  };
}

/** The customer's id, computable without generating it. */
export const historyCustomerIdOf = (seed: number, index: number): string => customerIdOf(seed, index);

/**
 * The history customer as table batches in SEED_TABLES order (a row only after the rows it
 * references); deterministic in (seed, anchor, rows, index, months).
 */
export function generateHistory(options: HistoryOptions): TableBatch[] {
  const ctx = runContext({
    customers: 1,
    seed: options.seed,
    anchor: options.anchor,
    months: options.months,
    transactionsPerCustomer: options.rows,
  });
  const { index } = options;
  if (!Number.isInteger(index) || index < 0 || index > 9_999_999) {
    throw new Error(`Invalid history options: index must be a whole number from 0 to 9999999.`);
  }
  const plan = planOf(ctx, index);
  const counts = historyCounts(options.rows);
  const rng = (sub: number) => Rng.of(ctx.seed, STREAM.history, index, sub);
  const profile = rng(0);
  const contracts = contractHistory(ctx, plan, counts.contracts, rng(1));
  const tables: { [T in TableName]?: TableBatch["rows"] } = {
    customers: [customerRow(ctx, plan, ctx.names.person("ro", profile), profile)],
    addresses: addressRows(ctx, plan, profile),
    contracts,
    agreements: agreementHistory(ctx, plan, contracts, counts.agreements, rng(2)),
    applications: applicationHistory(ctx, plan, counts.applications, rng(3)),
    instalments: instalmentHistory(ctx, plan, contracts, counts.instalments, rng(4)),
    garnishments: garnishmentHistory(ctx, plan, counts.garnishments, rng(5)),
    compliance_flags: complianceHistory(ctx, plan, counts.compliance_flags, rng(6)),
    interactions: interactionHistory(ctx, plan, counts.interactions, rng(7)),
    revenues: revenueHistory(ctx, plan, contracts, counts.revenues, rng(8)),
    profitability_values: profitabilityHistory(ctx, plan, counts.profitability_values, rng(9)),
    tasks: taskHistory(ctx, plan, counts.tasks, rng(10)),
    campaign_offers: offerHistory(ctx, plan, counts.campaign_offers, rng(11)),
    pictures: [
      {
        customerInternalId: plan.id,
        contentType: "image/png",
        dataBase64: Buffer.from(identiconPng(rng(12))).toString("base64"),
      },
    ],
    transactions: transactionRowsOf(ctx, drawTransactions(ctx, plan, [], rng(13))),
  };
  return SEED_TABLES.flatMap((table) => {
    const rows = tables[table] ?? [];
    return rows.length > 0 ? [{ table, rows } as TableBatch] : [];
  });
}
