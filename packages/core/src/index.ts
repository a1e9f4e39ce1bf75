export * from "./actions/action";
export * from "./actions/add-update-customer-address";
export * from "./actions/add-update-customer-agreement";
export * from "./actions/add-update-customer-representative";
export * from "./actions/add-update-group-member";
export * from "./actions/add-update-individual-customer";
export * from "./actions/add-update-legal-entity-customer";
export * from "./actions/create-update-application";
export * from "./actions/privacy-erase";
export * from "./actions/privacy-export";
export * from "./actions/privacy-plan";
export * from "./actions/registry";
export * from "./actions/write-result";
export * from "./errors/app-error";
export * from "./events/change-events";
export * from "./events/webhooks";
export * from "./ingest/ingest";
export * from "./ingest/picture-bytes";
export * from "./ingest/rows";
export * from "./ports/sources";
export * from "./ports/write-store";
export * from "./privacy/erasure-rules";
export * from "./privacy/privacy-source";
export * from "./privacy/retention-policy";
export { isFinalBusinessStatus } from "./rules/application";
export { ISSUE_STATUS, parseInput, unknownFieldMessage } from "./rules/edge-input";
export * from "./rules/ids";
export {
  ACCOUNT_RELATION_TYPES,
  ACCOUNT_TYPES,
  type AccountRelationType,
  type AccountType,
  ADDRESS_TYPES,
  type AddressType,
  EMAIL_ADDRESS_TYPES,
  type EmailAddressType,
  GROUP_ACCOUNT_TYPE,
  GROUP_MEMBER_ROLES,
  type GroupMemberRole,
  INDUSTRIES,
  type Industry,
  PHONE_NUMBER_TYPES,
  type PhoneNumberType,
} from "./rules/option-sets";
export * from "./rules/storable-text";
export { hasUnsafeCharacters, unsafeCharactersMessage } from "./rules/text";
export { validationError } from "./rules/validation";
export * from "./settings";
export * from "./use-cases/list-customer-audit";
export * from "./use-cases/list-customer-representatives";
export * from "./use-cases/list-group-members";
export { creationChanges } from "./use-cases/record-changes";
export * from "./use-cases/search-customers";
export * from "./widgets/decimal";
export * from "./widgets/flags";
export * from "./widgets/group-exposure";
export * from "./widgets/header";
export * from "./widgets/holdings";
export * from "./widgets/lifecycle";
export * from "./widgets/lifecycle-dates";
export * from "./widgets/months";
export * from "./widgets/pending-activities";
export * from "./widgets/picture";
export * from "./widgets/product-portfolio";
export * from "./widgets/product-suggestions";
export * from "./widgets/product-suggestions-dismiss";
export * from "./widgets/product-suggestions-rules";
export * from "./widgets/profile-completion";
export * from "./widgets/profitability";
export * from "./widgets/profitability-indicators";
export * from "./widgets/recent-interactions";
export * from "./widgets/revenues";
export * from "./widgets/transaction-values";
export * from "./widgets/widget-input";
