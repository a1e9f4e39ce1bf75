import { z } from "zod";
import { defineWidget } from "../actions/action";
import { type CustomerInput, customerInput } from "../rules/ids";
import type { WidgetContext } from "../settings";
import { addDays } from "./lifecycle-dates";
import { todayOf } from "./months";
import { asOfOf, unknownCustomer } from "./widget-input";

/** FTOS_ACC_AccountPendingActivities: what is waiting on the bank or on the customer. */

/** Application statuses that end an application (case-insensitive); every other status is pending. */
export const FINAL_BUSINESS_STATUSES = ["approved", "rejected", "cancelled", "closed", "completed"] as const;

/** Task statuses as ingested (canonical spelling). */
export const TASK_STATUSES = ["open", "in_progress", "completed", "cancelled"] as const;
/**
 * Statuses that close a task (case-insensitive). Any other status leaves it open, so a status a
 * source system spells unexpectedly shows the task rather than hiding work.
 */
export const CLOSED_TASK_STATUSES = ["completed", "cancelled", "canceled", "done", "closed"] as const;

/** An active agreement whose endDate falls within this many days from today (inclusive) is pending renewal. */
const AGREEMENT_ENDING_WITHIN_DAYS = 30;

const PENDING_KINDS = ["application", "task", "agreement", "instalment"] as const;

export const accountPendingActivitiesInput = customerInput;

const pendingItem = z.object({
  kind: z.enum(PENDING_KINDS),
  /** This system's id of the application, task, agreement or instalment. */
  id: z.string(),
  title: z.string(),
  dueDate: z.string().nullable(),
  status: z.string(),
  /** The id the integrator knows it by: the external id, or the contract number of an instalment. */
  reference: z.string().nullable(),
});
type PendingItem = z.infer<typeof pendingItem>;

export const accountPendingActivitiesOutput = z.object({
  customerInternalId: z.string(),
  items: z.array(pendingItem),
  counts: z.object({
    application: z.number().int(),
    task: z.number().int(),
    agreement: z.number().int(),
    instalment: z.number().int(),
  }),
  asOf: z.string(),
});
export type AccountPendingActivitiesOutput = z.infer<typeof accountPendingActivitiesOutput>;

/** The pending records, already filtered by storage with the windows the query carries. */
export interface PendingFacts {
  applications: {
    id: string;
    name: string;
    bankingProduct: string;
    businessStatus: string;
    externalId: string;
  }[];
  tasks: { id: string; title: string; dueDate: string | null; status: string; externalId: string }[];
  agreements: { id: string; agreementType: string; endDate: string; externalId: string | null }[];
  instalments: {
    id: string;
    contractNo: string;
    dueDate: string;
    amount: string;
    currency: string;
    externalId: string;
  }[];
}

interface PendingFactsQuery {
  customerId: string;
  /** Instalments due before this day and unpaid are overdue; agreements active on it are considered. */
  today: string;
  /** Agreements ending on or before this day (and not before today) are listed. */
  agreementsEndingBy: string;
}

export interface AccountPendingActivitiesSource {
  /** null when no customer has this id. */
  pendingFacts(query: PendingFactsQuery): Promise<PendingFacts | null>;
}

/**
 * The items, soonest due first; items without a due date (applications, undated tasks) last;
 * ties by kind (PENDING_KINDS order) and title. Counts carry every kind, zeros included.
 */
export function pendingItemsOf(
  facts: PendingFacts,
): Pick<AccountPendingActivitiesOutput, "items" | "counts"> {
  const items: PendingItem[] = [
    ...facts.applications.map((a) => ({
      kind: "application" as const,
      id: a.id,
      title: `${a.name} (${a.bankingProduct})`,
      dueDate: null,
      status: a.businessStatus,
      reference: a.externalId,
    })),
    ...facts.tasks.map((t) => ({
      kind: "task" as const,
      id: t.id,
      title: t.title,
      dueDate: t.dueDate,
      status: t.status,
      reference: t.externalId,
    })),
    ...facts.agreements.map((a) => ({
      kind: "agreement" as const,
      id: a.id,
      title: `${a.agreementType} ends on ${a.endDate}`,
      dueDate: a.endDate,
      status: "ending",
      reference: a.externalId,
    })),
    ...facts.instalments.map((i) => ({
      kind: "instalment" as const,
      id: i.id,
      title: `Overdue instalment of ${i.amount} ${i.currency} on contract ${i.contractNo}`,
      dueDate: i.dueDate,
      status: "overdue",
      reference: i.contractNo,
    })),
  ];
  const compare = (a: PendingItem, b: PendingItem): number => {
    if (a.dueDate !== b.dueDate) {
      if (a.dueDate === null) return 1;
      if (b.dueDate === null) return -1;
      return a.dueDate < b.dueDate ? -1 : 1;
    }
    const byKind = PENDING_KINDS.indexOf(a.kind) - PENDING_KINDS.indexOf(b.kind);
    if (byKind !== 0) return byKind;
    if (a.title !== b.title) return a.title < b.title ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
  items.sort(compare);
  return {
    items,
    counts: {
      application: facts.applications.length,
      task: facts.tasks.length,
      agreement: facts.agreements.length,
      instalment: facts.instalments.length,
    },
  };
}

export async function readAccountPendingActivities(
  source: AccountPendingActivitiesSource,
  input: CustomerInput,
  ctx: WidgetContext,
): Promise<AccountPendingActivitiesOutput> {
  const { customerInternalId } = input;
  const today = todayOf(ctx.now);
  const facts = await source.pendingFacts({
    customerId: customerInternalId,
    today,
    agreementsEndingBy: addDays(today, AGREEMENT_ENDING_WITHIN_DAYS),
  });
  if (!facts) throw unknownCustomer("customerInternalId", customerInternalId);
  return { customerInternalId, ...pendingItemsOf(facts), asOf: asOfOf(ctx.now) };
}

export const accountPendingActivities = defineWidget({
  name: "FTOS_ACC_AccountPendingActivities",
  procedure: "widgets.pendingActivities",
  title: "Pending activities",
  summary:
    "What waits on the customer: pending applications, open tasks, agreements ending within 30 days and overdue instalments, soonest first.",
  input: accountPendingActivitiesInput,
  output: accountPendingActivitiesOutput,
  run: ({ sources, now, settings }, input) =>
    readAccountPendingActivities(sources.pendingActivities, input, { now, settings }),
});
