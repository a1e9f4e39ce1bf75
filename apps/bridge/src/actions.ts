import {
  accountClientLifecycleInput,
  accountFlagsInput,
  accountHeaderInput,
  accountPendingActivitiesInput,
  accountPictureInput,
  productPortfolioInput,
  productSuggestionsInput,
  profileCompleteInput,
  profitabilityInput,
  recentInteractionsInput,
  revenuesInput,
  transactionValuesInput,
  type WriteActionName,
  writeActions,
} from "@account360/core";
import type { z } from "zod";
import type { ApiClient } from "./api-client";

/** One callAction: its Data schema (the same zod schema the API validates with) and the typed call. */
export interface BridgeAction {
  name: string;
  /** The shape `Data` is matched against; null for actions that take no Data. */
  schema: z.core.$ZodType | null;
  call(client: ApiClient, input: unknown): Promise<unknown>;
  message(output: unknown): string;
  legacyOf?: { replacement: string; deprecatedSince: string };
}

// biome-ignore lint/suspicious/noExplicitAny: each call passes Data on to a procedure typed by the same schema
type Input = any;

const writeCalls: Record<WriteActionName, (client: ApiClient, input: Input) => Promise<unknown>> = {
  FTOS_ACC_CB_AddUpdateIndividualCustomer: (c, input) => c.customers.upsertIndividual.mutate(input),
  FTOS_ACC_CB_AddUpdateCustomerAddress: (c, input) => c.addresses.upsert.mutate(input),
  FTOS_ACC_CB_AddUpdateCustomerRepresentative: (c, input) => c.representatives.upsert.mutate(input),
  FTOS_ACC_CreateUpdateApplication: (c, input) => c.applications.upsert.mutate(input),
  FTOS_ACC_AddUpdateCustomerAgreement: (c, input) => c.agreements.upsert.mutate(input),
};

const writes: BridgeAction[] = Object.entries(writeActions).map(([name, action]) => ({
  name,
  schema: action.input,
  call: writeCalls[name as WriteActionName],
  message: (output) => `${action.label} ${(output as { operation: string }).operation}`,
}));

const widget = (
  name: string,
  schema: z.core.$ZodType,
  title: string,
  call: (client: ApiClient, input: Input) => Promise<unknown>,
): BridgeAction => ({ name, schema, call, message: () => `${title} computed` });

const widgets: BridgeAction[] = [
  widget("FTOS_ACC_AccountClientLifecycle", accountClientLifecycleInput, "Client lifecycle", (c, input) =>
    input === null ? c.widgets.lifecycleStages.query() : c.widgets.clientLifecycle.query(input),
  ),
  widget("FTOS_ACC_AccountFlags", accountFlagsInput, "Account flags", (c, input) =>
    c.widgets.flags.query(input),
  ),
  widget("FTOS_ACC_AccountHeader", accountHeaderInput, "Account header", (c, input) =>
    c.widgets.header.query(input),
  ),
  widget("FTOS_ACC_AccountPicture", accountPictureInput, "Account picture", (c, input) =>
    c.widgets.picture.query(input),
  ),
  widget(
    "FTOS_ACC_AccountPendingActivities",
    accountPendingActivitiesInput,
    "Pending activities",
    (c, input) => c.widgets.pendingActivities.query(input),
  ),
  widget("FTOS_ACC_ProductPortfolio", productPortfolioInput, "Product portfolio", (c, input) =>
    c.widgets.productPortfolio.query(input),
  ),
  widget("FTOS_ACC_GetProductSuggestions", productSuggestionsInput, "Product suggestions", (c, input) =>
    c.widgets.productSuggestions.query(input),
  ),
  widget("FTOS_ACC_ProfileComplete", profileCompleteInput, "Profile completion", (c, input) =>
    c.widgets.profileCompletion.query(input),
  ),
  widget("FTOS_ACC_AccountProfitabilityPI", profitabilityInput, "Profitability", (c, input) =>
    c.widgets.profitability.query(input),
  ),
  widget("FTOS_ACC_AccountRecentInteractions", recentInteractionsInput, "Recent interactions", (c, input) =>
    c.widgets.recentInteractions.query(input),
  ),
  widget("FTOS_ACC_AccountRevenuesPI", revenuesInput, "Revenues", (c, input) =>
    c.widgets.revenues.query(input),
  ),
  widget("FTOS_ACC_GetCustomerTransactionValues", transactionValuesInput, "Transaction values", (c, input) =>
    c.widgets.transactionValues.query(input),
  ),
];

/** RFC 9745: the moment the legacy names were deprecated, as a structured-field date. */
const LEGACY_DEPRECATED_SINCE = `@${Date.UTC(2026, 0, 1) / 1000}`;

const legacy: BridgeAction[] = (
  [
    ["FTOS_CB_AddUpdateIndividualCustomer", "FTOS_ACC_CB_AddUpdateIndividualCustomer"],
    ["FTOS_CB_AddUpdateCustomerAddress", "FTOS_ACC_CB_AddUpdateCustomerAddress"],
    ["FTOS_CB_AddUpdateCustomerRepresentative", "FTOS_ACC_CB_AddUpdateCustomerRepresentative"],
  ] as const
).map(([name, replacement]) => {
  const current = writes.find((action) => action.name === replacement) as BridgeAction;
  return { ...current, name, legacyOf: { replacement, deprecatedSince: LEGACY_DEPRECATED_SINCE } };
});

export const actions: BridgeAction[] = [...writes, ...widgets, ...legacy];

const byName = new Map(actions.map((action) => [action.name.toLowerCase(), action]));

/** Action names match case-insensitively, as integrators' tools differ in what they send. */
export function findAction(name: string): BridgeAction | undefined {
  return byName.get(name.toLowerCase());
}
