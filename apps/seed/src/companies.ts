import { type ACCOUNT_TYPES, GROUP_ACCOUNT_TYPE, INDUSTRIES } from "@account360/core";
import type { RunContext } from "./context";
import { instantOf } from "./dates";
import { idsOf } from "./keys";
import { asciiOf, mobilePhoneOf } from "./names";
import { accountPlanOf, type CustomerPlan } from "./plan";
import { officeMinute } from "./profile";
import type { CustomerRecord, GroupMemberRecord, RepresentativeRecord } from "./records";
import { customerIdOf, type Rng } from "./rng";

/** Romanian legal forms a company name carries; faker's names have none. */
const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ["SRL", 70],
  ["SA", 20],
  ["SCS", 2],
  ["SNC", 3],
  ["Cooperativa", 5],
];
const ACCOUNT_TYPE_WEIGHTS: readonly (readonly [Exclude<(typeof ACCOUNT_TYPES)[number], "Group">, number])[] =
  [
    ["Company", 80],
    ["Sole Trader", 10],
    ["Public Institution", 4],
    ["Non-Profit", 6],
  ];
const COMPANY_SEGMENTS: readonly (readonly [string, number])[] = [
  ["SME", 70],
  ["Corporate", 20],
  ["Micro", 10],
];

/**
 * A registration number of the Romanian trade register, `J<county>/<number>/<year>`; the run's
 * tag keeps runs apart as it does in every business key.
 */
const registrationNumberOf = (ctx: RunContext, index: number, rng: Rng): string =>
  `J${String(rng.int(1, 52)).padStart(2, "0")}/${ctx.tag.toUpperCase()}${index}/${rng.int(1991, 2024)}`;

/** A company's fiscal code, its UniqueID: the country, the run's tag and the customer's number. */
const fiscalCodeOf = (ctx: RunContext, plan: CustomerPlan): string =>
  `${plan.country}-${ctx.tag}-C${plan.index}`.toUpperCase();

function nameOf(ctx: RunContext, plan: CustomerPlan, rng: Rng): string {
  const base = ctx.names.company(plan.locale, rng);
  if (plan.account === "group") return `${base.split(/[ ,-]/)[0]} Group`;
  return plan.locale === "ro" ? `${base} ${rng.weighted(LEGAL_FORMS)}` : base;
}

/** A company or a group: a legal entity with a name, registration number and industry. */
export function legalEntityRow(ctx: RunContext, plan: CustomerPlan, rng: Rng): CustomerRecord {
  const name = nameOf(ctx, plan, rng);
  const group = plan.account === "group";
  return {
    id: plan.id,
    kind: "legalEntity",
    uniqueId: fiscalCodeOf(ctx, plan),
    firstName: null,
    lastName: null,
    email: `${rng.pick(["office", "contact", "info", "finance"])}@${asciiOf(name).slice(0, 24) || "company"}.${plan.country.toLowerCase()}`,
    mobilePhone: mobilePhoneOf(plan.country, rng),
    emailAddressType: "Work",
    phoneNumberType: "Work",
    segment: group ? "Corporate" : rng.weighted(COMPANY_SEGMENTS),
    name,
    registrationNumber: group ? null : registrationNumberOf(ctx, plan.index, rng),
    industry: rng.chance(0.9) ? rng.pick(INDUSTRIES) : null,
    accountType: group ? GROUP_ACCOUNT_TYPE : rng.weighted(ACCOUNT_TYPE_WEIGHTS),
    createdAt: instantOf(ctx.dates.text(plan.sinceDay), officeMinute(rng), rng.int(0, 59)),
  };
}

/** How far back a group looks for its members: the companies and people just before it. */
const MEMBER_SPAN = 10;

/**
 * A group's memberships: the companies among the customers just before it (the first the parent
 * company, the others subsidiaries or affiliates) and a guarantor or two among the individuals;
 * about one in ten ended before the anchor, so the exposure has members to leave out.
 */
export function groupMemberRows(
  ctx: RunContext,
  plan: CustomerPlan,
  groupName: string | null,
  rng: Rng,
): GroupMemberRecord[] {
  if (plan.account !== "group") return [];
  if (groupName === null) throw new Error(`group ${plan.id} has no name`);
  const ids = idsOf(ctx, "group_members", plan.index, rng);
  const rows: GroupMemberRecord[] = [];
  let parent = false;
  let guarantors = 0;
  for (let index = Math.max(0, plan.index - MEMBER_SPAN); index < plan.index; index++) {
    const account = accountPlanOf(index);
    if (account === "group") continue;
    if (account === "individual" && (guarantors >= 2 || !rng.chance(0.3))) continue;
    const role =
      account === "individual"
        ? rng.chance(0.7)
          ? "Guarantor"
          : "Member"
        : parent
          ? rng.chance(0.7)
            ? "Subsidiary"
            : "Affiliate"
          : "Parent company";
    if (account === "individual") guarantors++;
    else parent = true;
    const startDay = ctx.anchorDay - rng.int(30, 3000);
    const ended = rng.chance(0.1);
    rows.push({
      id: ids.next(),
      groupId: plan.id,
      groupName,
      customerId: customerIdOf(ctx.seed, index),
      role,
      startDate: rng.chance(0.85) ? ctx.dates.text(startDay) : null,
      endDate: ended ? ctx.dates.text(ctx.anchorDay - rng.int(1, 25)) : null,
      createdAt: instantOf(ctx.dates.text(Math.max(plan.sinceDay, startDay)), officeMinute(rng), rows.length),
    });
  }
  return rows;
}

const COMPANY_RELATIONS = ["Administrator", "Shareholder", "Key Contact Person"] as const;

/** A company's administrator, and sometimes a shareholder or key contact, among the people before it. */
export function companyRepresentativeRows(
  ctx: RunContext,
  plan: CustomerPlan,
  rng: Rng,
): RepresentativeRecord[] {
  const ids = idsOf(ctx, "representatives", plan.index, rng);
  const people: number[] = [];
  for (let index = plan.index - 1; index >= 0 && people.length < 3; index--) {
    if (accountPlanOf(index) === "individual") people.push(index);
  }
  const count = Math.min(people.length, rng.chance(0.4) ? 2 : 1);
  return people.slice(0, count).map((index, n) => ({
    id: ids.next(),
    customerId: plan.id,
    representativeId: customerIdOf(ctx.seed, index),
    relationType: n === 0 ? "Administrator" : rng.pick(COMPANY_RELATIONS.slice(1)),
    createdAt: instantOf(ctx.dates.text(plan.sinceDay), officeMinute(rng), n),
  }));
}
