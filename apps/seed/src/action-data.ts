import type {
  AddressRecord,
  AgreementRecord,
  ApplicationRecord,
  CustomerRecord,
  GroupMemberRecord,
  RepresentativeRecord,
} from "./records";

/**
 * A generated record as the `Data` of its write action, the way an integrator sends it (nulls
 * where the record has none): for tests that hold the data to the core's validation, and for
 * benchmarks that replay seeded customers through callAction or tRPC.
 */
export const customerActionData = {
  customer: (c: CustomerRecord) => ({
    CustomerInfo: {
      firstName: c.firstName,
      lastName: c.lastName,
      emailAddressType: c.emailAddressType,
      phoneNumberType: c.phoneNumberType,
      UniqueID: c.uniqueId,
      email: c.email,
      mobilePhone: c.mobilePhone,
    },
  }),
  /** A legal entity's record (kind `legalEntity`) as FTOS_ACC_CB_AddUpdateLegalEntityCustomer's Data. */
  legalEntity: (c: CustomerRecord) => ({
    CustomerInfo: {
      name: c.name,
      email: c.email,
      mobilePhone: c.mobilePhone,
      UniqueID: c.uniqueId,
      industry: c.industry,
      registrationNumber: c.registrationNumber,
      emailAddressType: c.emailAddressType,
      phoneNumberType: c.phoneNumberType,
      accountType: c.accountType,
    },
  }),
  groupMember: (m: GroupMemberRecord) => ({
    GroupMemberInfo: {
      groupInternalId: m.groupId,
      customerInternalId: m.customerId,
      role: m.role,
      startDate: m.startDate,
      endDate: m.endDate,
    },
  }),
  address: (a: AddressRecord) => ({
    AddressInfo: {
      customerInternalId: a.customerId,
      addressType: a.addressType,
      country: a.country,
      district: a.district,
      city: a.city,
      streetName: a.streetName,
      streetNo: a.streetNo,
      buildingNo: a.buildingNo,
      floorNo: a.floorNo,
      apartmentNo: a.apartmentNo,
      postalCode: a.postalCode,
    },
  }),
  agreement: (a: AgreementRecord) => ({
    customerInternalId: a.customerId,
    agreementType: a.agreementType,
    startDate: a.startDate,
    endDate: a.endDate,
    sourceId: a.sourceId,
    contractNo: a.contractNo,
    externalId: a.externalId,
  }),
  application: (a: ApplicationRecord) => ({
    customerInternalId: a.customerId,
    url: a.url,
    name: a.name,
    bankingProduct: a.bankingProduct,
    source: a.source,
    businessStatus: a.businessStatus,
    externalId: a.externalId,
    amount: a.amount,
    currency: a.currency,
  }),
  representative: (r: RepresentativeRecord) => ({
    CustomerRepresentativeInfo: {
      customerInternalId: r.customerId,
      customerRepresentativeNo: r.representativeId,
      accountRelationType: r.relationType,
    },
  }),
};
