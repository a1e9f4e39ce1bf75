import { changeEventFeed } from "../events/change-events";
import { webhookAdd, webhookDeliveries, webhookList, webhookRemove, webhookResume } from "../events/webhooks";
import {
  ingestCampaignOffers,
  ingestComplianceFlags,
  ingestContracts,
  ingestGarnishments,
  ingestInstalments,
  ingestInteractions,
  ingestPictures,
  ingestProfitabilityValues,
  ingestRevenues,
  ingestTasks,
  ingestTransactions,
} from "../ingest/ingest";
import type { Settings } from "../settings";
import { customerAuditTrail } from "../use-cases/list-customer-audit";
import { listCustomerRepresentatives } from "../use-cases/list-customer-representatives";
import { listGroupMembers } from "../use-cases/list-group-members";
import { searchCustomers } from "../use-cases/search-customers";
import { accountFlags } from "../widgets/flags";
import { groupExposure } from "../widgets/group-exposure";
import { accountHeader } from "../widgets/header";
import { accountClientLifecycle } from "../widgets/lifecycle";
import { accountPendingActivities } from "../widgets/pending-activities";
import { accountPicture } from "../widgets/picture";
import { productPortfolio } from "../widgets/product-portfolio";
import { getProductSuggestions } from "../widgets/product-suggestions";
import { dismissProductSuggestion } from "../widgets/product-suggestions-dismiss";
import { profileComplete } from "../widgets/profile-completion";
import { accountProfitabilityPI } from "../widgets/profitability";
import { accountProfitabilityIndicators } from "../widgets/profitability-indicators";
import { accountRecentInteractions } from "../widgets/recent-interactions";
import { accountRevenuesPI } from "../widgets/revenues";
import { getCustomerTransactionValues } from "../widgets/transaction-values";
import type { AnyAction } from "./action";
import { addUpdateCustomerAddress } from "./add-update-customer-address";
import { addUpdateCustomerAgreement } from "./add-update-customer-agreement";
import { addUpdateCustomerRepresentative } from "./add-update-customer-representative";
import { addUpdateGroupMember } from "./add-update-group-member";
import { addUpdateIndividualCustomer } from "./add-update-individual-customer";
import { addUpdateLegalEntityCustomer } from "./add-update-legal-entity-customer";
import { createUpdateApplication } from "./create-update-application";
import { privacyErase } from "./privacy-erase";
import { privacyExport } from "./privacy-export";
import { privacyPlanAction } from "./privacy-plan";

/**
 * Every action Account360 offers, by its callAction name: the one list the tRPC router, the
 * callAction bridge, the per-action endpoints, the OpenAPI document and the fuzzers are built
 * from. Each entry's file holds its schemas, its use case and its declaration.
 */
export function createActions(settings: Settings) {
  return {
    // Writes (CONTRACT §4)
    FTOS_ACC_CB_AddUpdateIndividualCustomer: addUpdateIndividualCustomer(settings),
    FTOS_ACC_CB_AddUpdateCustomerAddress: addUpdateCustomerAddress,
    // Legal entities and groups (CONTRACT §8)
    FTOS_ACC_CB_AddUpdateLegalEntityCustomer: addUpdateLegalEntityCustomer(settings),
    FTOS_ACC_CB_AddUpdateGroupMember: addUpdateGroupMember,
    FTOS_ACC_CB_AddUpdateCustomerRepresentative: addUpdateCustomerRepresentative,
    FTOS_ACC_CreateUpdateApplication: createUpdateApplication,
    FTOS_ACC_AddUpdateCustomerAgreement: addUpdateCustomerAgreement,
    // Widgets (CONTRACT §5)
    FTOS_ACC_AccountClientLifecycle: accountClientLifecycle,
    FTOS_ACC_AccountFlags: accountFlags,
    FTOS_ACC_AccountHeader: accountHeader,
    FTOS_ACC_AccountPicture: accountPicture,
    FTOS_ACC_AccountPendingActivities: accountPendingActivities,
    FTOS_ACC_ProductPortfolio: productPortfolio,
    FTOS_ACC_GetProductSuggestions: getProductSuggestions,
    FTOS_ACC_ProfileComplete: profileComplete,
    FTOS_ACC_AccountProfitabilityPI: accountProfitabilityPI,
    FTOS_ACC_AccountRecentInteractions: accountRecentInteractions,
    FTOS_ACC_AccountRevenuesPI: accountRevenuesPI,
    FTOS_ACC_GetCustomerTransactionValues: getCustomerTransactionValues,
    FTOS_ACC_GroupExposure: groupExposure,
    // Account360's own, beside the widgets
    FTOS_ACC_AccountProfitabilityIndicators: accountProfitabilityIndicators,
    FTOS_ACC_DismissProductSuggestion: dismissProductSuggestion,
    FTOS_ACC_SearchCustomers: searchCustomers,
    FTOS_ACC_CustomerAuditTrail: customerAuditTrail,
    FTOS_ACC_GroupMembers: listGroupMembers,
    FTOS_ACC_CustomerRepresentatives: listCustomerRepresentatives,
    FTOS_ACC_ListChangeEvents: changeEventFeed,
    // Delivery of the change events (CONTRACT §9), admin only
    FTOS_ACC_WebhookAdd: webhookAdd,
    FTOS_ACC_WebhookList: webhookList,
    FTOS_ACC_WebhookRemove: webhookRemove,
    FTOS_ACC_WebhookResume: webhookResume,
    FTOS_ACC_WebhookDeliveries: webhookDeliveries,
    // What the widgets are computed from (CONTRACT §6)
    FTOS_ACC_IngestContracts: ingestContracts,
    FTOS_ACC_IngestInstalments: ingestInstalments,
    FTOS_ACC_IngestGarnishments: ingestGarnishments,
    FTOS_ACC_IngestComplianceFlags: ingestComplianceFlags,
    FTOS_ACC_IngestTransactions: ingestTransactions,
    FTOS_ACC_IngestInteractions: ingestInteractions,
    FTOS_ACC_IngestRevenues: ingestRevenues,
    FTOS_ACC_IngestProfitabilityValues: ingestProfitabilityValues,
    FTOS_ACC_IngestTasks: ingestTasks,
    FTOS_ACC_IngestCampaignOffers: ingestCampaignOffers,
    FTOS_ACC_IngestPictures: ingestPictures,
    // Privacy (CONTRACT §10), admin only
    FTOS_ACC_PrivacyExport: privacyExport,
    FTOS_ACC_PrivacyPlan: privacyPlanAction,
    FTOS_ACC_PrivacyErase: privacyErase,
  } as const;
}

export type Actions = ReturnType<typeof createActions>;

/** Looks actions up by callAction name (case-insensitively, legacy names included) and by procedure. */
export interface ActionName {
  action: AnyAction;
  name: string;
  legacy: boolean;
}

export interface ActionIndex {
  all: readonly AnyAction[];
  /** `name` is the registered spelling of the name asked for (a legacy name, or the action's own). */
  byName(name: string): ActionName | undefined;
  byProcedure(path: string): AnyAction | undefined;
}

export function indexActions(actions: Record<string, AnyAction>): ActionIndex {
  const all = Object.values(actions);
  const names = new Map<string, ActionName>();
  const procedures = new Map<string, AnyAction>();
  const claim = (name: string, action: AnyAction, legacy: boolean) => {
    const key = name.toLowerCase();
    if (names.has(key)) throw new Error(`Two actions are named ${name}`);
    names.set(key, { action, name, legacy });
  };
  for (const [key, action] of Object.entries(actions)) {
    if (key !== action.name) throw new Error(`The action ${action.name} is listed as ${key}`);
    claim(action.name, action, false);
    for (const legacy of action.legacyNames) claim(legacy, action, true);
    if (procedures.has(action.procedure)) throw new Error(`Two actions are procedure ${action.procedure}`);
    procedures.set(action.procedure, action);
  }
  return {
    all,
    byName: (name) => names.get(name.toLowerCase()),
    byProcedure: (path) => procedures.get(path),
  };
}
