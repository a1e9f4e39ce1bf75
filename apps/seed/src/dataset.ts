import { campaignOfferRows, interactionRows, taskRows } from "./activity";
import { companyRepresentativeRows, groupMemberRows, legalEntityRow } from "./companies";
import { type RunContext, runContext, SAMPLE_CUSTOMERS, type SeedOptions } from "./context";
import { complianceFlagRows, garnishmentRows, profitabilityRows, revenueRows } from "./finance";
import { contractRows, generateHoldings, type Holding, instalmentRows } from "./holdings";
import { identiconPng } from "./picture";
import { accountPlanOf, type CustomerPlan, planCustomer } from "./plan";
import { addressRows, agreementRows, applicationRows, customerRow, representativeRows } from "./profile";
import {
  type CustomerData,
  type IngestRecord,
  SEED_TABLES,
  type TableBatch,
  type TableName,
} from "./records";
import { customerIdOf, Rng, STREAM } from "./rng";
import { drawTransactions, type TransactionDraw, transactionRowsOf } from "./transactions";

/**
 * The holdings come first off their stream, so the transaction generator can redraw them
 * without the rest of the customer.
 */
function holdingsOf(ctx: RunContext, plan: CustomerPlan): { holdings: Holding[]; rng: Rng } {
  const rng = Rng.of(ctx.seed, STREAM.holdings, plan.index);
  return { holdings: generateHoldings(ctx, plan, rng), rng };
}

/** Every row of customer `index` except its transactions. */
export function generateCustomer(ctx: RunContext, index: number): CustomerData {
  const plan = planCustomer(ctx, index);
  const profile = Rng.of(ctx.seed, STREAM.profile, index, 1);
  const person = ctx.names.person(plan.locale, profile);
  const { holdings, rng: holdingRng } = holdingsOf(ctx, plan);
  const activity = Rng.of(ctx.seed, STREAM.activity, index);
  const pictureRng = Rng.of(ctx.seed, STREAM.picture, index);
  const individual = plan.account === "individual";
  const customer = individual
    ? customerRow(ctx, plan, person, profile)
    : legalEntityRow(ctx, plan, Rng.of(ctx.seed, STREAM.profile, index, 2));
  const hasPicture = plan.showcase || pictureRng.chance(0.12);
  return {
    customers: [customer],
    addresses: addressRows(ctx, plan, profile),
    contracts: contractRows(ctx, plan, holdings, holdingRng),
    agreements: agreementRows(ctx, plan, holdings, profile),
    applications: applicationRows(ctx, plan, holdings, profile),
    representatives: individual
      ? representativeRows(ctx, plan, profile)
      : companyRepresentativeRows(ctx, plan, profile),
    instalments: instalmentRows(ctx, plan, holdings, holdingRng),
    garnishments: garnishmentRows(ctx, plan, activity),
    compliance_flags: complianceFlagRows(ctx, plan, activity),
    interactions: interactionRows(ctx, plan, activity),
    revenues: revenueRows(ctx, plan, holdings, activity),
    profitability_values: profitabilityRows(ctx, plan, holdings, activity),
    tasks: taskRows(ctx, plan, activity),
    campaign_offers: campaignOfferRows(ctx, plan, activity),
    pictures: hasPicture
      ? [
          {
            customerInternalId: plan.id,
            contentType: "image/png",
            dataBase64: Buffer.from(identiconPng(pictureRng)).toString("base64"),
          },
        ]
      : [],
    group_members: groupMemberRows(ctx, plan, customer.name, Rng.of(ctx.seed, STREAM.profile, index, 3)),
  };
}

/** The transactions of customer `index` as numbers (see writeTransactionsCopy), or null when it has none. */
export function transactionDrawOf(ctx: RunContext, index: number): TransactionDraw | null {
  const plan = planCustomer(ctx, index);
  const { holdings } = holdingsOf(ctx, plan);
  return drawTransactions(ctx, plan, holdings, Rng.of(ctx.seed, STREAM.transactions, index));
}

/** The transactions of customer `index`, oldest first. */
function generateTransactions(ctx: RunContext, index: number): IngestRecord<"transactions">[] {
  return transactionRowsOf(ctx, transactionDrawOf(ctx, index));
}

export interface GenerateOptions extends SeedOptions {
  /** Customers per batch; default 500 (and a tenth of that for transactions, which stream). */
  chunkCustomers?: number | undefined;
}

/** One step of the generation: the batches of a group of customers and how far the run is. */
interface DatasetStep {
  phase: "profiles" | "transactions";
  /** Customers of this phase done once this step's batches are stored. */
  customersDone: number;
  batches: TableBatch[];
}

/**
 * The data set in steps: first every table but transactions, `chunk` customers at a time (each
 * step's batches in an order that respects the foreign keys), then the transactions,
 * `transactionChunk` customers at a time. Concatenating one table's batches gives the same rows
 * whatever the chunk sizes.
 */
function* datasetSteps(
  ctx: RunContext,
  chunk = 500,
  transactionChunk = 50,
  transactions = true,
): Generator<DatasetStep> {
  for (let start = 0; start < ctx.customers; start += chunk) {
    const end = Math.min(ctx.customers, start + chunk);
    const tables = Object.fromEntries(SEED_TABLES.map((t) => [t, [] as unknown[]])) as Record<
      TableName,
      unknown[]
    >;
    for (let index = start; index < end; index++) {
      const data = generateCustomer(ctx, index);
      for (const [table, rows] of Object.entries(data)) {
        const target = tables[table as TableName];
        for (const row of rows) target.push(row);
      }
    }
    const batches = SEED_TABLES.filter((t) => t !== "transactions" && tables[t].length > 0).map(
      (table) => ({ table, rows: tables[table] }) as TableBatch,
    );
    yield { phase: "profiles", customersDone: end, batches };
  }
  if (!transactions) return;
  for (let start = 0; start < ctx.customers; start += transactionChunk) {
    const end = Math.min(ctx.customers, start + transactionChunk);
    const rows: IngestRecord<"transactions">[] = [];
    for (let index = start; index < end; index++) {
      for (const row of generateTransactions(ctx, index)) rows.push(row);
    }
    yield {
      phase: "transactions",
      customersDone: end,
      batches: rows.length > 0 ? [{ table: "transactions", rows }] : [],
    };
  }
}

/**
 * The whole data set as table batches, pure and deterministic: every table but transactions
 * customer chunk by chunk, then the transactions (see datasetSteps).
 */
export function* generateDataset(options: GenerateOptions): Generator<TableBatch> {
  const chunk = Math.max(1, options.chunkCustomers ?? 500);
  for (const step of datasetSteps(runContext(options), chunk, Math.max(1, Math.ceil(chunk / 10)))) {
    yield* step.batches;
  }
}

/** The ids of the run's showcase customers: data for every widget. */
export function sampleCustomerIdsOf(options: Pick<SeedOptions, "customers" | "seed">): string[] {
  const count = Math.min(SAMPLE_CUSTOMERS, options.customers);
  return Array.from({ length: count }, (_, index) => customerIdOf(options.seed, index));
}

/** The run's first companies and groups (by accountPlanOf), for pages and tests to open; empty when the run is too small. */
export function sampleLegalEntityIdsOf(options: Pick<SeedOptions, "customers" | "seed">): {
  companies: string[];
  groups: string[];
} {
  const companies: string[] = [];
  const groups: string[] = [];
  for (let index = 0; index < options.customers && (companies.length < 2 || groups.length < 1); index++) {
    const account = accountPlanOf(index);
    if (account === "company" && companies.length < 2) companies.push(customerIdOf(options.seed, index));
    if (account === "group" && groups.length < 1) groups.push(customerIdOf(options.seed, index));
  }
  return { companies, groups };
}
