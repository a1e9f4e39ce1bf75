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

/** Valid Data of FTOS_ACC_CB_AddUpdateIndividualCustomer ("Ana Popescu"); `extra` overrides fields. */
export const customerData = (uniqueId: string, extra: Record<string, unknown> = {}) => ({
  CustomerInfo: {
    firstName: "Ana",
    lastName: "Popescu",
    UniqueID: uniqueId,
    email: `${uniqueId.toLowerCase()}@example.ro`,
    mobilePhone: "+40712345678",
    ...extra,
  } as Record<string, unknown>,
});

/** Valid Data of FTOS_ACC_CB_AddUpdateCustomerAddress; `extra` overrides fields. */
export const addressData = (customerInternalId: string, extra: Record<string, unknown> = {}) => ({
  AddressInfo: {
    customerInternalId,
    addressType: "Home Address",
    country: "RO",
    district: "Sector 1",
    city: "Bucuresti",
    streetName: "Calea Victoriei",
    streetNo: "12",
    postalCode: "010061",
    ...extra,
  } as Record<string, unknown>,
});

/** Valid Data of FTOS_ACC_CB_AddUpdateCustomerRepresentative (a Contact). */
export const representativeData = (
  customerInternalId: string,
  customerRepresentativeNo: string,
  extra: Record<string, unknown> = {},
) => ({
  CustomerRepresentativeInfo: {
    customerInternalId,
    customerRepresentativeNo,
    accountRelationType: "Contact",
    ...extra,
  } as Record<string, unknown>,
});

/** Valid Data of FTOS_ACC_CreateUpdateApplication (no amount). */
export const applicationData = (customerInternalId: string, extra: Record<string, unknown> = {}) => ({
  customerInternalId,
  url: "https://loans.example.ro/a/1",
  name: "Personal loan",
  bankingProduct: "Personal Loan",
  source: "LOS",
  businessStatus: "In review",
  externalId: "APP-1",
  ...extra,
});

/** Valid Data of FTOS_ACC_AddUpdateCustomerAgreement (a GDPR consent since 2024-03-01). */
export const agreementData = (customerInternalId: string, extra: Record<string, unknown> = {}) => ({
  customerInternalId,
  agreementType: "GDPR Consent",
  startDate: "2024-03-01",
  sourceId: "WEB",
  ...extra,
});
