import { ADDRESS_TYPES } from "@account360/core";
// The write store's own hashes, so an integrator re-sending a seeded address or agreement finds it
// `unchanged` instead of creating a twin.
import { addressFingerprint, agreementFingerprint } from "@account360/storage";
import type { RunContext } from "./context";
import { instantOf } from "./dates";
import type { Holding } from "./holdings";
import { externalIdOf, idsOf, uniqueIdOf } from "./keys";
import { centsText } from "./money";
import { asciiOf, type LocaleCode, mobilePhoneOf, type Person } from "./names";
import type { CustomerPlan } from "./plan";
import type {
  AddressRecord,
  AgreementRecord,
  ApplicationRecord,
  CustomerRecord,
  RepresentativeRecord,
} from "./records";
import { customerIdOf, type IdSequence, type Rng } from "./rng";
import {
  AGREEMENT_SOURCES,
  APPLICATION_PRODUCTS,
  APPLICATION_SOURCES,
  EMAIL_DOMAINS,
  FINAL_APPLICATION_STATUSES,
  PENDING_APPLICATION_STATUSES,
  RELATION_TYPES,
  SEGMENTS,
  WORK_EMAIL_DOMAINS,
} from "./vocab";

/** Office hours in UTC (Romania is UTC+2/+3): when records are created. */
export const officeMinute = (rng: Rng) => rng.int(6 * 60, 16 * 60);

export function customerRow(ctx: RunContext, plan: CustomerPlan, person: Person, rng: Rng): CustomerRecord {
  const work = rng.chance(0.12);
  const local = `${asciiOf(person.firstName) || "client"}${rng.pick([".", "_", ""])}${asciiOf(person.lastName) || plan.index}`;
  const suffix = rng.chance(0.45) ? String(rng.int(1, 99)) : "";
  const domain = work ? rng.pick(WORK_EMAIL_DOMAINS) : rng.weighted(EMAIL_DOMAINS);
  const foreignPhone = plan.country !== "RO" && rng.chance(0.4);
  // Prospects' profiles were filled in less carefully than account holders'.
  const known = plan.banked ? 0.93 : 0.7;
  return {
    id: plan.id,
    kind: "individual",
    uniqueId: uniqueIdOf(ctx, plan.country, plan.index),
    firstName: person.firstName,
    lastName: person.lastName,
    email: `${local}${suffix}@${domain}`,
    mobilePhone: mobilePhoneOf(foreignPhone ? plan.country : "RO", rng),
    emailAddressType:
      plan.showcase || rng.chance(known) ? (work ? "Work" : rng.chance(0.95) ? "Personal" : "Other") : null,
    phoneNumberType:
      plan.showcase || rng.chance(known) ? (rng.chance(0.92) ? "Mobile" : rng.pick(["Home", "Work"])) : null,
    segment: rng.weighted(SEGMENTS),
    name: null,
    registrationNumber: null,
    industry: null,
    accountType: null,
    createdAt: instantOf(ctx.dates.text(plan.sinceDay), officeMinute(rng), rng.int(0, 59)),
  };
}

const ADDRESS_COUNTS = [
  [0, 2],
  [1, 62],
  [2, 29],
  [3, 7],
] as const;
const PROSPECT_ADDRESS_COUNTS = [
  [0, 40],
  [1, 55],
  [2, 5],
] as const;

/** Most customers have a home address, some a second one; a few none at all (an incomplete profile). */
export function addressRows(ctx: RunContext, plan: CustomerPlan, rng: Rng): AddressRecord[] {
  const ids = idsOf(ctx, "addresses", plan.index, rng);
  const count = plan.showcase ? 2 : rng.weighted(plan.banked ? ADDRESS_COUNTS : PROSPECT_ADDRESS_COUNTS);
  const types = [rng.chance(0.8) ? "Home Address" : "Primary address"];
  const others = ADDRESS_TYPES.filter((t) => t !== types[0]);
  while (types.length < count) {
    const next = rng.pick(others);
    if (!types.includes(next)) types.push(next);
  }
  return types.map((addressType, n) => {
    // Foreigners often live in Romania; a billing or delivery address is sometimes abroad.
    const locale: LocaleCode =
      n === 0
        ? plan.country !== "RO" && rng.chance(0.5)
          ? "ro"
          : plan.locale
        : rng.chance(0.08)
          ? "de"
          : "ro";
    const place = ctx.names.place(locale, rng);
    const fields = { addressType, ...place };
    const day = Math.min(plan.sinceDay + (n === 0 ? 0 : rng.int(0, 900)), ctx.anchorDay);
    return {
      id: ids.next(),
      customerId: plan.id,
      ...fields,
      fingerprint: addressFingerprint(fields),
      createdAt: instantOf(ctx.dates.text(day), officeMinute(rng), n),
    };
  });
}

/**
 * Consents (GDPR and data processing for almost everyone, marketing for most; some withdrawn,
 * some ending within 30 days), the terms everyone signs, and one agreement per card and loan.
 */
export function agreementRows(
  ctx: RunContext,
  plan: CustomerPlan,
  holdings: Holding[],
  rng: Rng,
): AgreementRecord[] {
  const ids = idsOf(ctx, "agreements", plan.index, rng);
  const today = ctx.anchorDay;
  const rows: AgreementRecord[] = [];
  const add = (agreementType: string, startDay: number, endDay: number | null, contractNo: string | null) => {
    const number = rows.length;
    const startDate = ctx.dates.text(Math.min(startDay, today));
    const endDate = endDay === null ? null : ctx.dates.text(Math.max(endDay, Math.min(startDay, today)));
    rows.push(
      agreementRecord(plan, ids, rng, { agreementType, startDate, endDate, contractNo }, () => ({
        externalId: rng.chance(0.6) ? externalIdOf(ctx, "AGR", plan.index, number) : null,
        createdAt: instantOf(startDate, officeMinute(rng), number),
      })),
    );
  };
  const since = plan.sinceDay;
  const consent = (type: string, probability: number, withdrawn: number, ending: number) => {
    if (!plan.showcase && !rng.chance(plan.banked ? probability : probability * 0.6)) return;
    const start = since + rng.int(0, 3);
    if (!plan.showcase && rng.chance(withdrawn) && start < today - 2)
      add(type, start, rng.int(start + 1, today - 1), null);
    else if ((plan.showcase && type === "Marketing Consent") || rng.chance(ending))
      add(type, start, today + rng.int(1, 29), null);
    else add(type, start, null, null);
  };
  consent("GDPR Consent", 0.93, 0.03, 0.01);
  consent("Data Processing Consent", 0.86, 0.03, 0.01);
  consent("Marketing Consent", 0.62, 0.1, 0.06);
  if (plan.banked) add("Terms and Conditions", since, null, null);
  if (plan.banked && (plan.showcase || rng.chance(0.7)))
    add("Internet Banking Agreement", since + rng.int(0, 60), null, null);
  for (const h of holdings) {
    if (h.kind === "card" || h.kind === "loan" || h.kind === "mortgage" || h.kind === "overdraft") {
      const type =
        h.kind === "card"
          ? "Card Agreement"
          : h.kind === "overdraft"
            ? "Overdraft Agreement"
            : "Credit Agreement";
      add(type, h.activationDay, h.closeDay, h.contractNo);
    }
  }
  return rows;
}

/**
 * An agreement as stored, with the fingerprint the write store would give it. A contract's
 * agreement comes from core banking, any other from a source drawn first; then its id is drawn,
 * then (through `rest`) its externalId and time.
 */
export function agreementRecord(
  plan: CustomerPlan,
  ids: IdSequence,
  rng: Rng,
  a: { agreementType: string; startDate: string; endDate: string | null; contractNo: string | null },
  rest: () => { externalId: string | null; createdAt: string },
): AgreementRecord {
  const fields = {
    agreementType: a.agreementType,
    startDate: a.startDate,
    endDate: a.endDate,
    sourceId: a.contractNo ? "Core Banking" : rng.pick(AGREEMENT_SOURCES),
    contractNo: a.contractNo,
  };
  const id = ids.next();
  const { externalId, createdAt } = rest();
  return {
    id,
    customerId: plan.id,
    ...fields,
    externalId,
    fingerprint: agreementFingerprint(fields),
    createdAt,
  };
}

/**
 * An application as the origination system files it, a currency only beside an amount. Its id,
 * then its source, then (`createdAt`) its time are drawn, in that order.
 */
export function applicationRecord(
  plan: CustomerPlan,
  ids: IdSequence,
  rng: Rng,
  a: {
    externalId: string;
    product: { product: string };
    status: string;
    amount: string | null;
    currency: string;
  },
  createdAt: () => string,
): ApplicationRecord {
  const id = ids.next();
  const source = rng.weighted(APPLICATION_SOURCES);
  return {
    id,
    customerId: plan.id,
    source,
    externalId: a.externalId,
    url: `https://origination.bank.example/applications/${a.externalId}`,
    name: `${a.product.product} application`,
    bankingProduct: a.product.product,
    businessStatus: a.status,
    amount: a.amount,
    currency: a.amount === null ? null : a.currency,
    createdAt: createdAt(),
  };
}

/**
 * Applications: most accounts were applied for shortly before they opened (approved or
 * completed), some applications failed, and applicants (and showcase customers) have one
 * still pending from the last weeks.
 */
export function applicationRows(
  ctx: RunContext,
  plan: CustomerPlan,
  holdings: Holding[],
  rng: Rng,
): ApplicationRecord[] {
  const ids = idsOf(ctx, "applications", plan.index, rng);
  const today = ctx.anchorDay;
  const rows: ApplicationRecord[] = [];
  const add = (product: (typeof APPLICATION_PRODUCTS)[number], day: number, status: string) => {
    const externalId = externalIdOf(ctx, "APP", plan.index, rows.length);
    const currency = rng.chance(0.85) ? "RON" : "EUR";
    const amount =
      product.max === 0
        ? null
        : centsText(Math.round(product.min + (product.max - product.min) * rng.next() ** 2) * 100);
    rows.push(
      applicationRecord(plan, ids, rng, { externalId, product, status, amount, currency }, () =>
        instantOf(
          ctx.dates.text(Math.max(plan.sinceDay - 20, Math.min(day, today))),
          officeMinute(rng),
          rng.int(0, 59),
        ),
      ),
    );
  };
  for (const h of holdings) {
    if (h.number > 0 && rng.chance(0.4)) {
      const product = APPLICATION_PRODUCTS.find((p) => p.kind === h.kind) ?? APPLICATION_PRODUCTS[0]!;
      add(product, h.activationDay - rng.int(2, 20), rng.chance(0.7) ? "Approved" : "Completed");
    }
  }
  const failed = rng.weighted([
    [0, 80],
    [1, 17],
    [2, 3],
  ] as const);
  for (let n = 0; n < failed; n++) {
    add(
      rng.pick(APPLICATION_PRODUCTS),
      rng.int(plan.sinceDay - 20, today),
      rng.pick(["Rejected", "Cancelled", "Closed"]),
    );
  }
  // A pending application would make a prospect an applicant and a closed customer one again.
  const pending =
    plan.showcase ||
    plan.stage === "applicant" ||
    (plan.banked && plan.stage !== "closed" && rng.chance(0.08));
  if (pending)
    add(rng.pick(APPLICATION_PRODUCTS), today - rng.int(0, 40), rng.pick(PENDING_APPLICATION_STATUSES));
  if (!pending && rows.length === 0 && plan.stage === "prospect" && rng.chance(0.5)) {
    add(
      rng.pick(APPLICATION_PRODUCTS),
      rng.int(plan.sinceDay, today),
      rng.weighted(FINAL_APPLICATION_STATUSES.slice(2)),
    );
  }
  return rows;
}

/** A few customers are represented by an earlier customer of the same run (a relative, an administrator). */
export function representativeRows(ctx: RunContext, plan: CustomerPlan, rng: Rng): RepresentativeRecord[] {
  const ids = idsOf(ctx, "representatives", plan.index, rng);
  if (plan.index === 0 || !rng.chance(0.04)) return [];
  const count = rng.chance(0.15) ? 2 : 1;
  const rows: RepresentativeRecord[] = [];
  const seen = new Set<string>();
  for (let n = 0; n < count; n++) {
    const representative = rng.int(0, plan.index - 1);
    const relationType = rng.weighted(RELATION_TYPES);
    const key = `${representative}/${relationType}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      id: ids.next(),
      customerId: plan.id,
      representativeId: customerIdOf(ctx.seed, representative),
      relationType,
      createdAt: instantOf(
        ctx.dates.text(Math.min(plan.sinceDay + rng.int(0, 300), ctx.anchorDay)),
        officeMinute(rng),
        n,
      ),
    });
  }
  return rows;
}
