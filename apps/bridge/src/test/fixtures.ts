import { examples } from "@account360/core/testing";

/** Names and data the callAction tests share. */

export const CUSTOMER = "FTOS_ACC_CB_AddUpdateIndividualCustomer";
export const ADDRESS = "FTOS_ACC_CB_AddUpdateCustomerAddress";
export const REPRESENTATIVE = "FTOS_ACC_CB_AddUpdateCustomerRepresentative";
export const APPLICATION = "FTOS_ACC_CreateUpdateApplication";
export const AGREEMENT = "FTOS_ACC_AddUpdateCustomerAgreement";
export const HEADER = "FTOS_ACC_AccountHeader";

/** A well-formed UUID that names no record. */
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The lifecycle widget's stages, in the order it answers them. */
export const LIFECYCLE_STAGES = ["Prospect", "Applicant", "New", "Active", "Dormant", "Closed"];

/** Valid Data of FTOS_ACC_CB_AddUpdateIndividualCustomer ("Ana Popescu", an e-mail of her UniqueID's, no contact types). */
export const customerData = (uniqueId: string, extra: Record<string, unknown> = {}) => {
  const { emailAddressType: _email, phoneNumberType: _phone, ...info } = examples.customer().CustomerInfo;
  return {
    CustomerInfo: { ...info, UniqueID: uniqueId, email: `${uniqueId.toLowerCase()}@example.ro`, ...extra },
  };
};

/** Valid Data of FTOS_ACC_CB_AddUpdateCustomerAddress; `extra` overrides fields. */
export const addressData = (customerInternalId: string, extra: Record<string, unknown> = {}) =>
  examples.address({ customerInternalId, ...extra });

/** Valid Data of FTOS_ACC_CB_AddUpdateCustomerRepresentative (a Contact). */
export const representativeData = (
  customerInternalId: string,
  customerRepresentativeNo: string,
  extra: Record<string, unknown> = {},
) => examples.representative({ customerInternalId, customerRepresentativeNo, ...extra });

/** Valid Data of FTOS_ACC_CreateUpdateApplication (no amount). */
export const applicationData = (customerInternalId: string, extra: Record<string, unknown> = {}) => {
  const { amount: _amount, currency: _currency, ...application } = examples.application();
  return { ...application, customerInternalId, ...extra };
};

/** Valid Data of FTOS_ACC_AddUpdateCustomerAgreement (a GDPR consent since 2024-03-01). */
export const agreementData = (customerInternalId: string, extra: Record<string, unknown> = {}) =>
  examples.agreement({ customerInternalId, ...extra });
