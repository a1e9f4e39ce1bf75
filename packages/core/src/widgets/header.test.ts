import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings";
import {
  type AddressFacts,
  accountHeaderOutput,
  type HeaderFacts,
  initialsOf,
  maskUniqueId,
  primaryAddressOf,
  readAccountHeader,
} from "./header";

describe("maskUniqueId", () => {
  it("shows only the last 4 characters, keeping the length", () => {
    expect(maskUniqueId("1960101123456")).toBe("*********3456");
    expect(maskUniqueId("AB-12/34.5")).toBe("******34.5");
    expect(maskUniqueId("12345")).toBe("*2345");
  });

  it("hides an ID of 4 characters or fewer entirely", () => {
    expect(maskUniqueId("1234")).toBe("****");
    expect(maskUniqueId("AB")).toBe("**");
  });
});

describe("initialsOf", () => {
  it("takes the first letter of each name, upper-case, whole characters", () => {
    expect(initialsOf("ana", "popescu")).toBe("AP");
    expect(initialsOf(" ștefan", "Țurcanu")).toBe("ȘȚ");
    expect(initialsOf("𝒜lex", "b")).toBe("𝒜B");
  });
});

const address = (over: Partial<AddressFacts>): AddressFacts => ({
  addressIdentifier: "a",
  addressType: "Delivery address",
  country: "RO",
  district: "Sector 1",
  city: "Bucharest",
  streetName: "Strada Lalelelor",
  streetNo: "10",
  buildingNo: null,
  floorNo: null,
  apartmentNo: null,
  postalCode: "010101",
  ...over,
});

describe("primaryAddressOf", () => {
  it("prefers a primary, then a home address, else the oldest; and formats it on one line", () => {
    const picked = primaryAddressOf([
      address({ addressIdentifier: "1" }),
      address({
        addressIdentifier: "2",
        addressType: "Home Address",
        buildingNo: "A1",
        floorNo: "2",
        apartmentNo: "7",
      }),
      address({ addressIdentifier: "3", addressType: "Home Address" }),
    ]);
    expect(picked?.addressIdentifier).toBe("2");
    expect(picked?.formatted).toBe(
      "Strada Lalelelor 10, Bl. A1, Floor 2, Apt. 7, 010101 Bucharest, Sector 1, RO",
    );
    expect(
      primaryAddressOf([address({ addressIdentifier: "9", addressType: "Social address" })])
        ?.addressIdentifier,
    ).toBe("9");
    expect(primaryAddressOf([])).toBeNull();
  });
});

describe("readAccountHeader", () => {
  /** The header of a customer with these facts, read on 2025-06-30 with the default settings. */
  const headerOf = (customer: HeaderFacts) =>
    readAccountHeader(
      { headerFacts: async () => customer },
      { customerInternalId: "0b6f4c1e-2f43-4c6a-9a43-5b8f1b2f7d10" },
      { now: new Date("2025-06-30T08:00:00Z"), settings: DEFAULT_SETTINGS },
    );
  const facts: HeaderFacts = {
    firstName: "Ana",
    lastName: "Popescu",
    uniqueId: "1960101123456",
    email: "ana@example.ro",
    mobilePhone: "+40712345678",
    segment: "Retail",
    addresses: [address({ addressIdentifier: "x", addressType: "Primary address" })],
    activeProducts: 2,
    compliance: [{ code: "PEP", since: "2024-01-01", reference: "P1", note: null }],
    overdue: null,
    garnishments: null,
    consent: { hasActive: false, lastEndedOn: null },
    customerSince: "2019-05-02",
    profile: {
      firstName: "Ana",
      lastName: "Popescu",
      uniqueId: "1960101123456",
      email: "ana@example.ro",
      mobilePhone: "+40712345678",
      emailAddressType: null,
      phoneNumberType: null,
      addressCount: 1,
      hasPicture: false,
      hasActiveAgreement: false,
    },
    legalEntity: null,
    groups: [],
  };

  it("assembles the header from the customer, its flags and its profile score", async () => {
    const result = await headerOf(facts);
    expect(result).toMatchObject({
      customerInternalId: "0b6f4c1e-2f43-4c6a-9a43-5b8f1b2f7d10",
      fullName: "Ana Popescu",
      initials: "AP",
      uniqueIdMasked: "*********3456",
      email: "ana@example.ro",
      mobilePhone: "+40712345678",
      segment: "Retail",
      customerSince: "2019-05-02",
      activeProducts: 2,
      flagsCount: 2,
      flagCodes: ["PEP", "NO_CONSENT"],
      profileCompletion: 70,
      profileBand: "yellow",
      asOf: "2025-06-30T08:00:00.000Z",
    });
    expect(result.primaryAddress?.addressIdentifier).toBe("x");
    expect(accountHeaderOutput.parse(result)).toEqual(result);
  });

  it("shows a legal entity by its name, the initials of its first two words and its groups; weighs its own profile", async () => {
    const company: HeaderFacts = {
      ...facts,
      firstName: "",
      lastName: "",
      legalEntity: {
        name: "  carpați logistic SRL ",
        registrationNumber: "J40/1234/2015",
        industry: "TransportationStorage",
        accountType: "Company",
      },
      groups: [{ customerInternalId: "g1", name: "Carpați Group", role: "Subsidiary" }],
      profile: {
        ...facts.profile,
        firstName: null,
        lastName: null,
        legalEntity: {
          name: "carpați logistic SRL",
          registrationNumber: "J40/1234/2015",
          industry: null,
          representativeCount: 0,
        },
      },
    };
    const result = await headerOf(company);
    expect(result).toMatchObject({
      kind: "legalEntity",
      fullName: "carpați logistic SRL",
      initials: "CL",
      registrationNumber: "J40/1234/2015",
      accountType: "Company",
      groups: [{ customerInternalId: "g1", name: "Carpați Group", role: "Subsidiary" }],
      // name 15 + UniqueID 15 + registrationNumber 15 + email 10 + mobilePhone 10 + address 15 of 100
      profileCompletion: 80,
    });
    const group = await headerOf({
      ...company,
      legalEntity: { ...company.legalEntity!, accountType: "Group" },
    });
    expect(group.kind).toBe("group");
  });
});
