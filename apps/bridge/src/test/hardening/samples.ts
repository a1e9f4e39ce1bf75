/** Valid `Data` of each write action, as an integrator sends it; tests change what they need. */
export const samples = {
  customer: (uniqueId: string) => ({
    CustomerInfo: {
      firstName: "Ana",
      lastName: "Popescu",
      UniqueID: uniqueId,
      email: "ana.popescu@example.ro",
      mobilePhone: "+40712345678",
      emailAddressType: "Personal",
      phoneNumberType: "Mobile",
    } as Record<string, unknown>,
  }),
  address: (customerInternalId: string) => ({
    AddressInfo: {
      customerInternalId,
      addressType: "Home Address",
      country: "RO",
      district: "Sector 1",
      city: "Bucuresti",
      streetName: "Calea Victoriei",
      streetNo: "12",
      postalCode: "010061",
    } as Record<string, unknown>,
  }),
  representative: (customerInternalId: string, customerRepresentativeNo: string) => ({
    CustomerRepresentativeInfo: {
      customerInternalId,
      customerRepresentativeNo,
      accountRelationType: "Contact",
    } as Record<string, unknown>,
  }),
  application: (customerInternalId: string, externalId: string): Record<string, unknown> => ({
    customerInternalId,
    url: "https://loans.example.ro/a/1",
    name: "Personal loan",
    bankingProduct: "Personal Loan",
    source: "LOS",
    businessStatus: "In review",
    externalId,
    amount: "1250.00",
    currency: "RON",
  }),
  agreement: (customerInternalId: string, externalId?: string): Record<string, unknown> => ({
    customerInternalId,
    agreementType: "GDPR Consent",
    startDate: "2024-03-01",
    sourceId: "WEB",
    ...(externalId ? { externalId } : {}),
  }),
};
