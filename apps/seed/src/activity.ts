import type { RunContext } from "./context";
import { instantOf } from "./dates";
import type { Holding } from "./holdings";
import { externalIdOf, idsOf } from "./keys";
import type { CustomerPlan } from "./plan";
import type { IngestRecord } from "./records";
import type { IdSequence, Rng } from "./rng";
import { CAMPAIGNS, INTERACTION_CHANNELS, INTERACTION_TOPICS, TASK_TITLES } from "./vocab";

/** Contacts with the bank, more of them lately; customers without an account only as prospects. */
export function interactionRows(
  ctx: RunContext,
  plan: CustomerPlan,
  rng: Rng,
): IngestRecord<"interactions">[] {
  const ids = idsOf(ctx, "interactions", plan.index, rng);
  const today = ctx.anchorDay;
  const window = plan.activity ?? { from: Math.max(plan.sinceDay, today - 120), to: today };
  const count = plan.showcase
    ? 12
    : plan.stage === "active" || plan.stage === "new"
      ? Math.round(3 + 22 * rng.next() ** 1.5)
      : rng.int(1, 6);
  const span = window.to - window.from;
  const days: number[] = [];
  for (let n = 0; n < count; n++) {
    // Showcase customers get their last few contacts within the last two months.
    const recent = plan.showcase && n < 4;
    days.push(recent ? today - rng.int(0, 55) : window.to - Math.floor(span * rng.next() ** 1.6));
  }
  days.sort((a, b) => a - b);
  return days.map((day, n) => interactionOn(ctx, plan, day, ids, String(n).padStart(3, "0"), rng));
}

/**
 * One contact on `day`: a topic, the channel and direction such a topic has, at an office-hours
 * time; `number` is its place in the customer's external ids.
 */
export function interactionOn(
  ctx: RunContext,
  plan: CustomerPlan,
  day: number,
  ids: IdSequence,
  number: string,
  rng: Rng,
): IngestRecord<"interactions"> {
  const topic = rng.pick(INTERACTION_TOPICS);
  const notification = topic.type === "Notification";
  const channel = notification ? rng.pick(["Email", "Mobile App"]) : rng.weighted(INTERACTION_CHANNELS);
  const outgoing = notification || (topic.type === "Sales" ? rng.chance(0.7) : rng.chance(0.2));
  return {
    id: ids.next(),
    externalId: externalIdOf(ctx, "INT", plan.index, number),
    customerInternalId: plan.id,
    occurredAt: instantOf(ctx.dates.text(day), rng.int(5 * 60, 18 * 60), rng.int(0, 59)),
    channel,
    type: topic.type,
    direction: outgoing ? "Outgoing" : "Incoming",
    subject: topic.subject,
  };
}

/** Follow-ups for the relationship manager: some open (due around today), most done. */
export function taskRows(ctx: RunContext, plan: CustomerPlan, rng: Rng): IngestRecord<"tasks">[] {
  const ids = idsOf(ctx, "tasks", plan.index, rng);
  const today = ctx.anchorDay;
  const count = plan.showcase
    ? 2
    : rng.weighted([
        [0, 50],
        [1, 30],
        [2, 15],
        [3, 5],
      ] as const);
  const rows: IngestRecord<"tasks">[] = [];
  for (let n = 0; n < count; n++) {
    const status =
      plan.showcase && n === 0
        ? "open"
        : rng.weighted([
            ["open", 35],
            ["in_progress", 15],
            ["completed", 38],
            ["cancelled", 12],
          ] as const);
    const closed = status === "completed" || status === "cancelled";
    const due = closed ? today - rng.int(5, 400) : today + rng.int(-10, 30);
    rows.push({
      id: ids.next(),
      externalId: externalIdOf(ctx, "TSK", plan.index, n),
      customerInternalId: plan.id,
      title: rng.pick(TASK_TITLES),
      dueDate: rng.chance(0.9) || plan.showcase ? ctx.dates.text(due) : null,
      status,
    });
  }
  return rows;
}

/**
 * Campaign offers: open ones (some already past availableUntil), dismissed, expired, accepted
 * and declined; showcase customers always have one open.
 */
export function campaignOfferRows(
  ctx: RunContext,
  plan: CustomerPlan,
  rng: Rng,
): IngestRecord<"campaignOffers">[] {
  const ids = idsOf(ctx, "campaign_offers", plan.index, rng);
  if (plan.stage === "closed" || plan.stage === "dormant") return [];
  const today = ctx.anchorDay;
  const count = plan.showcase
    ? 2
    : rng.weighted([
        [0, 40],
        [1, 35],
        [2, 18],
        [3, 7],
      ] as const);
  const rows: IngestRecord<"campaignOffers">[] = [];
  const used = new Set<number>();
  for (let n = 0; n < count; n++) {
    let pick = rng.int(0, CAMPAIGNS.length - 1);
    while (used.has(pick)) pick = (pick + 1) % CAMPAIGNS.length;
    used.add(pick);
    const offer = CAMPAIGNS[pick]!;
    const status =
      plan.showcase && n === 0
        ? "open"
        : rng.weighted([
            ["open", 55],
            ["dismissed", 12],
            ["expired", 15],
            ["accepted", 10],
            ["declined", 8],
          ] as const);
    const until =
      status === "expired"
        ? today - rng.int(1, 200)
        : status === "open" && !plan.showcase && rng.chance(0.12)
          ? today - rng.int(1, 30)
          : today + rng.int(5, 120);
    rows.push({
      id: ids.next(),
      externalId: externalIdOf(ctx, "OFR", plan.index, n),
      customerInternalId: plan.id,
      product: offer.product,
      campaign: `${offer.campaign} ${ctx.anchor.slice(0, 4)}`,
      score: rng.int(15, 95),
      availableUntil: status === "open" && !plan.showcase && rng.chance(0.1) ? null : ctx.dates.text(until),
      status,
      dismissedAt:
        status === "dismissed"
          ? instantOf(ctx.dates.text(today - rng.int(1, 60)), rng.int(6 * 60, 20 * 60))
          : null,
    });
  }
  return rows;
}

/** Which of a customer's holdings run on a given day. */
export const heldOn = (h: Holding, day: number): boolean =>
  h.activationDay <= day && (h.closeDay === null || h.closeDay >= day);
