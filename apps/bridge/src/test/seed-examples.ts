import { TEST_PASSWORD } from "@account360/api/testing";

/**
 * The write examples of the endpoint document (shared/seed), filled in: the documented field
 * names in the documented order. A placeholder the caller has no value for (an identifier on
 * create) is sent empty, as a system filling the template in does.
 */
export const seedExamples = {
  customer: (customerInternalId: string, firstName: string, uniqueId: string) => ({
    CustomerInfo: {
      customerInternalId,
      firstName,
      lastName: "Popescu",
      emailAddressType: "Personal",
      phoneNumberType: "Mobile",
      UniqueID: uniqueId,
      email: `${firstName.toLowerCase()}.popescu@example.ro`,
      mobilePhone: "+40712345678",
    },
  }),
  // The document's `"addressType":"<addressType> "` carries a trailing space; callers copy it.
  address: (addressIdentifier: string, customerInternalId: string, addressType = "Home Address ") => ({
    AddressInfo: {
      addressIdentifier,
      customerInternalId,
      addressType,
      country: "Romania",
      district: "Sector 1",
      city: "Bucuresti",
      streetName: "Calea Victoriei",
      streetNo: "12",
      buildingNo: "A",
      floorNo: "3",
      apartmentNo: "7",
      postalCode: "010061",
    },
  }),
  representative: (
    customerInternalId: string,
    customerRepresentativeIdentifier: string,
    customerRepresentativeNo: string,
  ) => ({
    CustomerRepresentativeInfo: {
      customerInternalId,
      customerRepresentativeIdentifier,
      customerRepresentativeNo,
      accountRelationType: "Relative",
    },
  }),
  application: (customerInternalId: string) => ({
    customerInternalId,
    url: "https://loans.example.ro/applications/APP-1",
    name: "Personal loan",
    bankingProduct: "Personal Loan",
    source: "LOS",
    businessStatus: "In review",
    externalId: "APP-1",
    amount: "1250.00",
    currency: "RON",
  }),
  agreement: (customerInternalId: string, AgreementId: string, startDate: string) => ({
    customerInternalId,
    agreementType: "Marketing Consent",
    startDate,
    sourceId: "WEB",
    contractNo: "CUR-1",
    AgreementId,
    externalId: "AGR-1",
  }),
};

/** Logs in through POST /api/Authorize/GetToken as an integrator does; answers the ApiInfo to send. */
export async function getToken(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/Authorize/GetToken`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: TEST_PASSWORD, client_id: "crm" }),
  });
  const token = (await login.json()) as { access_token: string; token_type: string; expires_in: number };
  if (login.status !== 200 || token.token_type !== "Bearer" || !(token.expires_in > 0)) {
    throw new Error(`GetToken answered ${login.status}: ${JSON.stringify(token)}`);
  }
  return { UserName: username, Token: token.access_token };
}
