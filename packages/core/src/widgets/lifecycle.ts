import { z } from "zod";
import { defineWidget } from "../actions/action";
import { customerInternalIdField } from "../rules/ids";
import type { WidgetContext } from "../settings";
import { addDays } from "./lifecycle-dates";
import { todayOf } from "./months";
import { asOfOf, unknownCustomer } from "./widget-input";

/** FTOS_ACC_AccountClientLifecycle: where a customer (or every customer) stands in the relationship. */

export const LIFECYCLE_STAGES = ["Prospect", "Applicant", "New", "Active", "Dormant", "Closed"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** A customer whose first contract was activated at most this many days ago is New. */
const NEW_CUSTOMER_DAYS = 90;
/** A customer with an active contract but no transaction and no interaction for longer than this is Dormant. */
const DORMANT_AFTER_DAYS = 180;

const LIFECYCLE_STAGE_DEFINITIONS: Record<LifecycleStage, string> = {
  Prospect: "No active contract, no pending application, and never had a contract.",
  Applicant: "No active contract and at least one application in a non-final status.",
  New: `An active contract, and the first contract was activated in the last ${NEW_CUSTOMER_DAYS} days.`,
  Active: `An active contract, and a transaction or an interaction in the last ${DORMANT_AFTER_DAYS} days.`,
  Dormant: `An active contract, but no transaction and no interaction in the last ${DORMANT_AFTER_DAYS} days.`,
  Closed: "No active contract and no pending application, but had a contract before.",
};

/** The days the rules compare against, computed once here so the SQL and the calculator agree. */
export interface LifecycleWindows {
  today: string;
  /** A first activation on or after this day makes the customer New. */
  newSince: string;
  /** A transaction or interaction on or after this day (and not after today) keeps the customer Active. */
  activeSince: string;
}

export function lifecycleWindowsOf(today: string): LifecycleWindows {
  return {
    today,
    newSince: addDays(today, -NEW_CUSTOMER_DAYS),
    activeSince: addDays(today, -DORMANT_AFTER_DAYS),
  };
}

export interface LifecycleFacts {
  /** A contract active today (the portfolio's rule: status active, activated, not closed before today). */
  hasActiveContract: boolean;
  /** The earliest activation date on or before today, of any contract. */
  firstActivationDate: string | null;
  /** Any contract activated on or before today, whatever its status now. */
  everHadContract: boolean;
  /** An application whose businessStatus is not final. */
  hasPendingApplication: boolean;
  /** The latest transaction booking date or interaction date (UTC) on or before today. */
  lastActivityDate: string | null;
}

/** The first rule that holds, in the contract's order. */
export function lifecycleStageOf(facts: LifecycleFacts, windows: LifecycleWindows): LifecycleStage {
  if (facts.hasActiveContract) {
    if (facts.firstActivationDate !== null && facts.firstActivationDate >= windows.newSince) return "New";
    if (facts.lastActivityDate === null || facts.lastActivityDate < windows.activeSince) return "Dormant";
    return "Active";
  }
  if (facts.hasPendingApplication) return "Applicant";
  if (facts.everHadContract) return "Closed";
  return "Prospect";
}

const LIFECYCLE_EVENT_KINDS = ["application", "contractOpened", "contractClosed"] as const;
type LifecycleEventKind = (typeof LIFECYCLE_EVENT_KINDS)[number];

/** One event as storage reads it; the title is written here. */
export interface LifecycleEventFacts {
  date: string;
  kind: LifecycleEventKind;
  /** The application's name; null for contracts. */
  name: string | null;
  /** The banking product applied for, opened or closed. */
  product: string;
  /** The application's businessStatus; null for contracts. */
  status: string | null;
  /** The application's externalId or the contract number. */
  reference: string;
}

const lifecycleEvent = z.object({
  date: z.string(),
  kind: z.enum(LIFECYCLE_EVENT_KINDS),
  title: z.string(),
  reference: z.string(),
});
type LifecycleEvent = z.infer<typeof lifecycleEvent>;

function lifecycleEventOf(event: LifecycleEventFacts): LifecycleEvent {
  const title =
    event.kind === "application"
      ? `Application ${event.name ?? ""} for ${event.product}: ${event.status ?? ""}`
          .replace(/\s+/g, " ")
          .trim()
      : `${event.product} ${event.kind === "contractOpened" ? "opened" : "closed"}`;
  return { date: event.date, kind: event.kind, title, reference: event.reference };
}

/** Oldest first; on one day an application comes before the opening it led to, an opening before a closing. */
function sortLifecycleEvents(events: LifecycleEvent[]): LifecycleEvent[] {
  const kindRank = (kind: LifecycleEventKind) => LIFECYCLE_EVENT_KINDS.indexOf(kind);
  return events.sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    if (a.kind !== b.kind) return kindRank(a.kind) - kindRank(b.kind);
    return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
  });
}

/** Data null: every customer. Data with a customerInternalId: that customer. */
export const accountClientLifecycleInput = z
  .strictObject({ customerInternalId: customerInternalIdField })
  .nullable();
export type AccountClientLifecycleInput = z.output<typeof accountClientLifecycleInput>;

export const lifecycleStagesOutput = z.object({
  stages: z.array(
    z.object({ stage: z.enum(LIFECYCLE_STAGES), definition: z.string(), customers: z.number().int() }),
  ),
  /** Every customer: the sum of the counts. */
  totalCustomers: z.number().int(),
  asOf: z.string(),
});
export type LifecycleStagesOutput = z.infer<typeof lifecycleStagesOutput>;

export const customerLifecycleOutput = z.object({
  customerInternalId: z.string(),
  stage: z.enum(LIFECYCLE_STAGES),
  definition: z.string(),
  events: z.array(lifecycleEvent),
  asOf: z.string(),
});
export type CustomerLifecycleOutput = z.infer<typeof customerLifecycleOutput>;

export const accountClientLifecycleOutput = z.union([lifecycleStagesOutput, customerLifecycleOutput]);
export type AccountClientLifecycleOutput = z.infer<typeof accountClientLifecycleOutput>;

export interface AccountClientLifecycleSource {
  /** How many customers are in each stage, every stage present (zeros included). */
  stageCounts(windows: LifecycleWindows): Promise<Record<LifecycleStage, number>>;
  /** null when no customer has this id. Events up to today, in any order. */
  customerLifecycle(
    query: LifecycleWindows & { customerId: string },
  ): Promise<{ facts: LifecycleFacts; events: LifecycleEventFacts[] } | null>;
}

export function readAccountClientLifecycle(
  source: AccountClientLifecycleSource,
  input: null,
  ctx: WidgetContext,
): Promise<LifecycleStagesOutput>;
export function readAccountClientLifecycle(
  source: AccountClientLifecycleSource,
  input: NonNullable<AccountClientLifecycleInput>,
  ctx: WidgetContext,
): Promise<CustomerLifecycleOutput>;
export function readAccountClientLifecycle(
  source: AccountClientLifecycleSource,
  input: AccountClientLifecycleInput,
  ctx: WidgetContext,
): Promise<AccountClientLifecycleOutput>;
export async function readAccountClientLifecycle(
  source: AccountClientLifecycleSource,
  input: AccountClientLifecycleInput,
  ctx: WidgetContext,
): Promise<AccountClientLifecycleOutput> {
  const windows = lifecycleWindowsOf(todayOf(ctx.now));
  const asOf = asOfOf(ctx.now);
  if (input === null) {
    const counts = await source.stageCounts(windows);
    const stages = LIFECYCLE_STAGES.map((stage) => ({
      stage,
      definition: LIFECYCLE_STAGE_DEFINITIONS[stage],
      customers: counts[stage] ?? 0,
    }));
    return { stages, totalCustomers: stages.reduce((sum, s) => sum + s.customers, 0), asOf };
  }
  const { customerInternalId } = input;
  const found = await source.customerLifecycle({ ...windows, customerId: customerInternalId });
  if (!found) throw unknownCustomer("customerInternalId", customerInternalId);
  const stage = lifecycleStageOf(found.facts, windows);
  return {
    customerInternalId,
    stage,
    definition: LIFECYCLE_STAGE_DEFINITIONS[stage],
    events: sortLifecycleEvents(found.events.map(lifecycleEventOf)),
    asOf,
  };
}

export const accountClientLifecycle = defineWidget({
  name: "FTOS_ACC_AccountClientLifecycle",
  procedure: "widgets.clientLifecycle",
  title: "Client lifecycle",
  summary:
    "With Data null: how many customers are in each lifecycle stage. With a customerInternalId: that customer's stage and lifecycle events.",
  input: accountClientLifecycleInput,
  output: accountClientLifecycleOutput,
  run: ({ sources, now, settings }, input) =>
    readAccountClientLifecycle(sources.lifecycle, input, { now, settings }),
});
