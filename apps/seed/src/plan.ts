import { type RunContext, SAMPLE_CUSTOMERS } from "./context";
import { COUNTRY_OF, LOCALES, type LocaleCode } from "./names";
import { customerIdOf, Rng, STREAM } from "./rng";

/**
 * The shape of one customer's story, drawn before any detail: which lifecycle stage the widgets
 * will find it in, since when it banks here, and when it was last active. Every table's
 * generator reads the plan, so the data agrees with itself (no transaction after the last
 * account closed, no contract before the customer existed).
 */

type Stage = "prospect" | "applicant" | "new" | "active" | "dormant" | "closed";

const STAGES: readonly (readonly [Stage, number])[] = [
  ["prospect", 2],
  ["applicant", 3],
  ["new", 6],
  ["active", 78],
  ["dormant", 7],
  ["closed", 4],
];

/**
 * Which kind of account customer `index` is: a function of the index alone, so any customer can
 * tell which of its predecessors are companies, individuals or groups without generating them.
 * The sample customers are individuals; one in five others a company, one in 25 a group (whose
 * members are the customers just before it).
 */
export type AccountPlan = "individual" | "company" | "group";

export function accountPlanOf(index: number): AccountPlan {
  if (index < SAMPLE_CUSTOMERS) return "individual";
  if (index % 25 === 24) return "group";
  return index % 5 === 3 ? "company" : "individual";
}

export interface CustomerPlan {
  index: number;
  account: AccountPlan;
  id: string;
  /** One of the run's first customers, given data for every widget (sampleCustomerIds). */
  showcase: boolean;
  stage: Stage;
  locale: LocaleCode;
  country: string;
  /** The day the relationship began. */
  sinceDay: number;
  /** Days with transactions and interactions, or null for customers who never held an account. */
  activity: { from: number; to: number } | null;
  /** Whether the customer ever held a contract. */
  banked: boolean;
}

export function planCustomer(ctx: RunContext, index: number): CustomerPlan {
  const rng = Rng.of(ctx.seed, STREAM.profile, index);
  const showcase = index < SAMPLE_CUSTOMERS;
  const account = accountPlanOf(index);
  const drawn: Stage = showcase ? "active" : rng.weighted(STAGES);
  // A group is an account of connected clients, not a client of its own: it holds no products.
  const stage: Stage = account === "group" ? "prospect" : drawn;
  const locale: LocaleCode = showcase ? "ro" : rng.weighted(LOCALES);
  const today = ctx.anchorDay;
  const longAgo = (min: number) => today - rng.int(min, Math.max(min, 15 * 365));

  let sinceDay: number;
  let activity: CustomerPlan["activity"] = null;
  switch (stage) {
    case "prospect":
    case "applicant":
      sinceDay = today - rng.int(0, 700);
      break;
    case "new":
      sinceDay = today - rng.int(0, 85);
      activity = { from: sinceDay, to: today };
      break;
    case "active":
      // Showcase customers bank here long enough for a full year of every monthly series.
      sinceDay = showcase ? longAgo(800) : longAgo(120);
      activity = { from: Math.max(ctx.spanStartDay, sinceDay), to: today };
      break;
    case "dormant": {
      sinceDay = longAgo(500);
      const to = today - rng.int(185, 400);
      activity = { from: Math.min(Math.max(ctx.spanStartDay, sinceDay), to - 60), to };
      break;
    }
    case "closed": {
      sinceDay = longAgo(300);
      const to = today - rng.int(30, 250);
      activity = { from: Math.min(Math.max(ctx.spanStartDay, sinceDay), to - 30), to };
      break;
    }
  }
  return {
    index,
    account,
    id: customerIdOf(ctx.seed, index),
    showcase,
    stage,
    locale,
    country: COUNTRY_OF[locale],
    sinceDay,
    activity,
    banked: activity !== null,
  };
}
