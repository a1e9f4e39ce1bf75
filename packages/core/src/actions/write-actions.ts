import {
  addUpdateCustomerAddressAction,
  customerAddressInput,
  customerAddressResult,
} from "./add-update-customer-address";
import {
  addUpdateCustomerAgreementAction,
  customerAgreementInput,
  customerAgreementResult,
} from "./add-update-customer-agreement";
import {
  addUpdateCustomerRepresentativeAction,
  customerRepresentativeInput,
  customerRepresentativeResult,
} from "./add-update-customer-representative";
import {
  addUpdateIndividualCustomerAction,
  individualCustomerInput,
  individualCustomerResult,
} from "./add-update-individual-customer";
import {
  applicationInput,
  applicationResult,
  createUpdateApplicationAction,
} from "./create-update-application";

/**
 * The five write actions: the `Data` schema each takes, the schema of its answer, the name of the
 * identifier it returns, and what it writes (`label` reads well in "Customer created").
 */
export const writeActions = {
  [addUpdateIndividualCustomerAction]: {
    input: individualCustomerInput,
    result: individualCustomerResult,
    identifier: "customerInternalId",
    entity: "customer",
    label: "Customer",
  },
  [addUpdateCustomerAddressAction]: {
    input: customerAddressInput,
    result: customerAddressResult,
    identifier: "addressIdentifier",
    entity: "address",
    label: "Address",
  },
  [addUpdateCustomerRepresentativeAction]: {
    input: customerRepresentativeInput,
    result: customerRepresentativeResult,
    identifier: "customerRepresentativeIdentifier",
    entity: "representative",
    label: "Customer representative",
  },
  [createUpdateApplicationAction]: {
    input: applicationInput,
    result: applicationResult,
    identifier: "applicationId",
    entity: "application",
    label: "Application",
  },
  [addUpdateCustomerAgreementAction]: {
    input: customerAgreementInput,
    result: customerAgreementResult,
    identifier: "AgreementId",
    entity: "agreement",
    label: "Agreement",
  },
} as const;

export type WriteActionName = keyof typeof writeActions;
export const writeActionNames = Object.keys(writeActions) as WriteActionName[];
export const isWriteActionName = (name: string): name is WriteActionName => Object.hasOwn(writeActions, name);
