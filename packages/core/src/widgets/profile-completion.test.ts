import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { DEFAULT_PROFILE_WEIGHTS, DEFAULT_SETTINGS, settingsOf } from "../settings";
import { runAction } from "../testing/run-action";
import {
  type ProfileFacts,
  profileBandOf,
  profileComplete,
  profileCompleteOutput,
  profileCompletionOf,
  readProfileComplete,
} from "./profile-completion";

const complete: ProfileFacts = {
  firstName: "Ana",
  lastName: "Popescu",
  uniqueId: "1960101123456",
  email: "ana@example.ro",
  mobilePhone: "+40712345678",
  emailAddressType: "Personal",
  phoneNumberType: "Mobile",
  addressCount: 1,
  hasPicture: true,
  hasActiveAgreement: true,
};

describe("profile completion with the default weights", () => {
  it.each([
    // missing: address 15, agreement 15, emailAddressType 5, phoneNumberType 5, picture 5
    [
      55,
      "red",
      {
        addressCount: 0,
        hasActiveAgreement: false,
        emailAddressType: null,
        phoneNumberType: null,
        hasPicture: false,
      },
      "address",
    ],
    // missing: address 15, agreement 15, picture 5
    [65, "yellow", { addressCount: 0, hasActiveAgreement: false, hasPicture: false }, "address"],
    // missing: agreement 15, picture 5
    [80, "yellow", { hasActiveAgreement: false, hasPicture: false }, "agreement"],
    // missing: picture 5
    [95, "green", { hasPicture: false }, "picture"],
    [100, "green", {}, null],
  ] as const)("%i%% is %s and names the heaviest missing entry next", (percentage, band, gaps, next) => {
    const result = profileCompletionOf({ ...complete, ...gaps }, DEFAULT_PROFILE_WEIGHTS);
    expect(result.percentage).toBe(percentage);
    expect(result.band).toBe(band);
    expect(result.filledWeight).toBe(percentage);
    expect(result.totalWeight).toBe(100);
    expect(result.next?.field ?? null).toBe(next);
    expect(result.missing.reduce((sum, m) => sum + m.weight, 0)).toBe(100 - percentage);
  });

  it("lists missing entries heaviest first, ties in the declared order, with labels", () => {
    const result = profileCompletionOf(
      { ...complete, email: " ", addressCount: 0, hasActiveAgreement: false, phoneNumberType: "" },
      DEFAULT_PROFILE_WEIGHTS,
    );
    expect(result.missing).toEqual([
      { field: "address", label: "At least one address", weight: 15 },
      { field: "agreement", label: "An active agreement", weight: 15 },
      { field: "email", label: "E-mail address", weight: 10 },
      { field: "phoneNumberType", label: "Phone number type", weight: 5 },
    ]);
    expect(result.next).toEqual(result.missing[0]);
    expect(result.percentage).toBe(55);
  });

  it("puts the band boundaries at 60 and 85", () => {
    expect([59, 60, 84, 85, 0, 100].map(profileBandOf)).toEqual([
      "red",
      "yellow",
      "yellow",
      "green",
      "red",
      "green",
    ]);
  });

  it("scores with configured weights", () => {
    const settings = settingsOf({ profileWeights: { picture: 25, agreement: 5, address: 5 } });
    const result = profileCompletionOf({ ...complete, hasPicture: false }, settings.profileWeights);
    expect(result.percentage).toBe(75);
    expect(result.next).toEqual({ field: "picture", label: "Picture", weight: 25 });
  });
});

describe("settingsOf", () => {
  it("refuses weights that do not sum to 100, negative or fractional weights, unknown fields, empty lists", () => {
    expect(() => settingsOf({ profileWeights: { picture: 10 } })).toThrow(/sum to 100/);
    expect(() => settingsOf({ profileWeights: { picture: -5, agreement: 25 } })).toThrow(/whole number/);
    expect(() => settingsOf({ profileWeights: { picture: 2.5, agreement: 17.5 } })).toThrow(/whole number/);
    expect(() => settingsOf({ profileWeights: { nickname: 0 } as never })).toThrow(/Unknown profile weight/);
    expect(() => settingsOf({ consentTypes: [" "] })).toThrow(/at least one/);
    expect(settingsOf()).toEqual(DEFAULT_SETTINGS);
  });
});

describe("readProfileComplete", () => {
  const id = "0b6f4c1e-2f43-4c6a-9a43-5b8f1b2f7d10";
  const ctx = { now: new Date("2025-06-30T10:00:00Z"), settings: DEFAULT_SETTINGS };

  it("answers the score with asOf, asking the source for today's UTC date", async () => {
    const asked: unknown[] = [];
    const source = {
      profileFacts: async (query: unknown) => {
        asked.push(query);
        return complete;
      },
    };
    const result = await runAction(
      profileComplete,
      { profileComplete: source },
      { customerInternalId: id.toUpperCase() },
      ctx,
    );
    expect(asked).toEqual([{ customerId: id, today: "2025-06-30" }]);
    expect(result).toMatchObject({ customerInternalId: id, percentage: 100, band: "green", next: null });
    expect(result.asOf).toBe("2025-06-30T10:00:00.000Z");
    expect(profileCompleteOutput.parse(result)).toEqual(result);
  });

  it("is 400 naming customerInternalId when it is missing and 404 when no customer has it", async () => {
    const source = { profileFacts: async () => null };
    const missing = await runAction(profileComplete, { profileComplete: source }, {}, ctx).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(AppError);
    expect(missing).toMatchObject({ code: "BAD_REQUEST", fieldErrors: [{ field: "customerInternalId" }] });
    const unknown = await readProfileComplete(source, { customerInternalId: id }, ctx).catch(
      (e: unknown) => e,
    );
    expect(unknown).toMatchObject({ code: "NOT_FOUND" });
  });
});
