/**
 * The actions of the endpoint documentation (shared/seed) Account360 implements, written out
 * rather than read from the registry, so that a test finds one the registry lost.
 */
export const SEED_WRITE_ACTIONS = [
  "FTOS_ACC_CB_AddUpdateIndividualCustomer",
  "FTOS_ACC_CB_AddUpdateCustomerAddress",
  "FTOS_ACC_CB_AddUpdateCustomerRepresentative",
  "FTOS_ACC_CreateUpdateApplication",
  "FTOS_ACC_AddUpdateCustomerAgreement",
] as const;

export const SEED_WIDGET_ACTIONS = [
  "FTOS_ACC_AccountClientLifecycle",
  "FTOS_ACC_AccountFlags",
  "FTOS_ACC_AccountHeader",
  "FTOS_ACC_AccountPicture",
  "FTOS_ACC_AccountPendingActivities",
  "FTOS_ACC_ProductPortfolio",
  "FTOS_ACC_GetProductSuggestions",
  "FTOS_ACC_ProfileComplete",
  "FTOS_ACC_AccountProfitabilityPI",
  "FTOS_ACC_AccountRecentInteractions",
  "FTOS_ACC_AccountRevenuesPI",
  "FTOS_ACC_GetCustomerTransactionValues",
] as const;

/** The old names CONTRACT §3 keeps answering, each with the action it runs. */
export const SEED_LEGACY_NAMES = [
  ["FTOS_CB_AddUpdateIndividualCustomer", "FTOS_ACC_CB_AddUpdateIndividualCustomer"],
  ["FTOS_CB_AddUpdateCustomerAddress", "FTOS_ACC_CB_AddUpdateCustomerAddress"],
  ["FTOS_CB_AddUpdateCustomerRepresentative", "FTOS_ACC_CB_AddUpdateCustomerRepresentative"],
] as const;
