import { z } from "zod";
import { defineWidget } from "../actions/action";
import { type CustomerInput, customerInput } from "../rules/ids";
import { sumDecimals } from "./decimal";
import { type HoldingSide, holdingKindOf, SIDE_OF_KIND } from "./holdings";
import { todayOf } from "./months";
import { asOfOf, unknownCustomer } from "./widget-input";

/**
 * FTOS_ACC_GroupExposure (Account360's own): the consolidated exposure of a group of connected
 * clients — its members' active holdings summed per currency and side, as the product portfolio
 * sums one customer's, with no FX. Asked of a member, every group it belongs to today.
 */

const currencyAmount = z.object({ currency: z.string(), amount: z.string() });
const sideTotal = z.object({
  currency: z.string(),
  side: z.enum(["assets", "liabilities"]),
  amount: z.string(),
});

const exposureMember = z.object({
  customerInternalId: z.string(),
  name: z.string(),
  role: z.string(),
  assets: z.array(currencyAmount),
  liabilities: z.array(currencyAmount),
});

const exposureGroup = z.object({
  customerInternalId: z.string(),
  name: z.string(),
  members: z.array(exposureMember),
  totals: z.array(sideTotal),
});
export type ExposureGroup = z.infer<typeof exposureGroup>;

export const groupExposureOutput = z.object({
  customerInternalId: z.string(),
  groups: z.array(exposureGroup),
  asOf: z.string(),
});
export type GroupExposureOutput = z.infer<typeof groupExposureOutput>;

/**
 * One group as storage sums it: each member active today with its active holdings' balances
 * summed per category and currency (exact decimal strings); the core decides which side a
 * category sits on, by the portfolio's own rule.
 */
export interface ExposureGroupRow {
  customerInternalId: string;
  name: string;
  members: {
    customerInternalId: string;
    name: string;
    role: string;
    balances: { category: string; currency: string; amount: string }[];
  }[];
}

export interface GroupExposureSource {
  /** null when no customer has this id; the groups are the customer itself when it is a group. */
  exposureOf(query: { customerId: string; today: string }): Promise<ExposureGroupRow[] | null>;
}

type Sums = Map<string, { currency: string; side: HoldingSide; amounts: string[] }>;

function add(sums: Sums, side: HoldingSide, currency: string, amount: string): void {
  const key = `${side}\u0000${currency}`;
  const entry = sums.get(key) ?? { currency, side, amounts: [] };
  entry.amounts.push(amount);
  sums.set(key, entry);
}

const totalsOf = (sums: Sums) =>
  [...sums.values()]
    .map((e) => ({ currency: e.currency, side: e.side, amount: sumDecimals(e.amounts) }))
    .sort((a, b) => a.side.localeCompare(b.side) || a.currency.localeCompare(b.currency));

const ofSide = (totals: ReturnType<typeof totalsOf>, side: HoldingSide) =>
  totals.filter((t) => t.side === side).map(({ currency, amount }) => ({ currency, amount }));

/** Members' sides from their categories, and the group's totals as the sum of its members'. */
export function shapeExposure(rows: readonly ExposureGroupRow[]): ExposureGroup[] {
  return rows.map((group) => {
    const groupSums: Sums = new Map();
    const members = group.members.map((member) => {
      const memberSums: Sums = new Map();
      for (const balance of member.balances) {
        const kind = holdingKindOf(balance.category);
        if (kind === null) continue; // neither side: the portfolio lists it as "other", in no total
        add(memberSums, SIDE_OF_KIND[kind], balance.currency, balance.amount);
        add(groupSums, SIDE_OF_KIND[kind], balance.currency, balance.amount);
      }
      const totals = totalsOf(memberSums);
      return {
        customerInternalId: member.customerInternalId,
        name: member.name,
        role: member.role,
        assets: ofSide(totals, "assets"),
        liabilities: ofSide(totals, "liabilities"),
      };
    });
    return {
      customerInternalId: group.customerInternalId,
      name: group.name,
      members,
      totals: totalsOf(groupSums),
    };
  });
}

export async function readGroupExposure(
  source: GroupExposureSource,
  input: CustomerInput,
  ctx: { now: Date },
): Promise<GroupExposureOutput> {
  const { customerInternalId } = input;
  const rows = await source.exposureOf({ customerId: customerInternalId, today: todayOf(ctx.now) });
  if (rows === null) throw unknownCustomer("customerInternalId", customerInternalId);
  return { customerInternalId, groups: shapeExposure(rows), asOf: asOfOf(ctx.now) };
}

export const groupExposure = defineWidget({
  name: "FTOS_ACC_GroupExposure",
  procedure: "widgets.groupExposure",
  title: "Group exposure",
  summary:
    "The consolidated exposure of a group of connected clients: its members as of today and their active holdings summed per currency and side; of a member, every group it belongs to.",
  input: customerInput,
  output: groupExposureOutput,
  run: ({ sources, now }, input) => readGroupExposure(sources.groupExposure, input, { now }),
});
