import { isSupportedCountry } from "libphonenumber-js/max";

/**
 * What an operator configures (from the environment, in the app) and the use cases are given as
 * arguments: which agreement types are consents, how much each profile entry weighs, and the
 * region a national phone number is read in.
 */

/** The entries the profile completion scores, in the order they are listed when weights tie. */
export const PROFILE_FIELDS = [
  "firstName",
  "lastName",
  "UniqueID",
  "email",
  "mobilePhone",
  "emailAddressType",
  "phoneNumberType",
  "address",
  "picture",
  "agreement",
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export type ProfileWeights = Record<ProfileField, number>;

export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  firstName: "First name",
  lastName: "Last name",
  UniqueID: "Unique ID",
  email: "E-mail address",
  mobilePhone: "Mobile phone",
  emailAddressType: "E-mail address type",
  phoneNumberType: "Phone number type",
  address: "At least one address",
  picture: "Picture",
  agreement: "An active agreement",
};

export const DEFAULT_PROFILE_WEIGHTS: Readonly<ProfileWeights> = Object.freeze({
  firstName: 10,
  lastName: 10,
  UniqueID: 15,
  email: 10,
  mobilePhone: 10,
  emailAddressType: 5,
  phoneNumberType: 5,
  address: 15,
  picture: 5,
  agreement: 15,
});

/** The entries a legal entity's profile completion scores (CONTRACT §8), in tie order. */
export const LEGAL_ENTITY_PROFILE_FIELDS = [
  "name",
  "UniqueID",
  "registrationNumber",
  "industry",
  "email",
  "mobilePhone",
  "address",
  "representative",
] as const;
export type LegalEntityProfileField = (typeof LEGAL_ENTITY_PROFILE_FIELDS)[number];
export type LegalEntityProfileWeights = Record<LegalEntityProfileField, number>;

export const LEGAL_ENTITY_PROFILE_FIELD_LABELS: Record<LegalEntityProfileField, string> = {
  name: "Name",
  UniqueID: "Unique ID",
  registrationNumber: "Registration number",
  industry: "Industry",
  email: "E-mail address",
  mobilePhone: "Mobile phone",
  address: "At least one address",
  representative: "At least one active representative",
};

export const DEFAULT_LEGAL_ENTITY_PROFILE_WEIGHTS: Readonly<LegalEntityProfileWeights> = Object.freeze({
  name: 15,
  UniqueID: 15,
  registrationNumber: 15,
  industry: 10,
  email: 10,
  mobilePhone: 10,
  address: 15,
  representative: 10,
});

export interface Settings {
  /** The region a phone number without a country code is read in (DEFAULT_PHONE_REGION), upper-case. */
  phoneRegion: string;
  /** Agreement types that are consents (matched whole and case-insensitively). */
  consentTypes: readonly string[];
  /** Agreement types that are marketing consents. */
  marketingConsentTypes: readonly string[];
  profileWeights: Readonly<ProfileWeights>;
  /** RETENTION_YEARS_FINANCIAL: years financial records are kept after the relationship ended (CONTRACT §10). */
  retentionYearsFinancial: number;
  /** How much each entry of a legal entity's profile weighs (LEGAL_ENTITY_PROFILE_WEIGHTS). */
  legalEntityProfileWeights: Readonly<LegalEntityProfileWeights>;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  phoneRegion: "RO",
  consentTypes: Object.freeze(["GDPR Consent", "Marketing Consent", "Data Processing Consent"]),
  marketingConsentTypes: Object.freeze(["Marketing Consent"]),
  profileWeights: DEFAULT_PROFILE_WEIGHTS,
  retentionYearsFinancial: 10,
  legalEntityProfileWeights: DEFAULT_LEGAL_ENTITY_PROFILE_WEIGHTS,
});

export interface SettingsOverrides {
  phoneRegion?: string | undefined;
  consentTypes?: readonly string[] | undefined;
  marketingConsentTypes?: readonly string[] | undefined;
  /** Weights to change; the others keep their default. The result must still sum to 100. */
  profileWeights?: Partial<ProfileWeights> | undefined;
  retentionYearsFinancial?: number | undefined;
  legalEntityProfileWeights?: Partial<LegalEntityProfileWeights> | undefined;
}

/**
 * Settings from the defaults and what the operator changed. Throws (at start-up, not per request)
 * when the phone region is unknown, a weight is not a whole number ≥ 0, the weights do not sum to 100, or a type list is empty.
 */
export function settingsOf(overrides: SettingsOverrides = {}): Settings {
  const phoneRegion = (overrides.phoneRegion ?? DEFAULT_SETTINGS.phoneRegion).trim().toUpperCase();
  if (!isSupportedCountry(phoneRegion)) {
    throw new Error(`The phone region "${overrides.phoneRegion}" is not a known region code`);
  }
  const weights = weightsOf("profile", PROFILE_FIELDS, DEFAULT_PROFILE_WEIGHTS, overrides.profileWeights);
  const legalEntityWeights = weightsOf(
    "legal entity profile",
    LEGAL_ENTITY_PROFILE_FIELDS,
    DEFAULT_LEGAL_ENTITY_PROFILE_WEIGHTS,
    overrides.legalEntityProfileWeights,
  );
  const retentionYearsFinancial =
    overrides.retentionYearsFinancial ?? DEFAULT_SETTINGS.retentionYearsFinancial;
  if (
    !Number.isInteger(retentionYearsFinancial) ||
    retentionYearsFinancial < 1 ||
    retentionYearsFinancial > 100
  ) {
    throw new Error(
      `The financial retention must be a whole number of years from 1 to 100, not ${retentionYearsFinancial}`,
    );
  }
  const list = (name: string, value: readonly string[] | undefined, fallback: readonly string[]) => {
    const items = (value ?? fallback).map((item) => item.trim()).filter((item) => item !== "");
    if (items.length === 0) throw new Error(`${name} must name at least one agreement type`);
    return items;
  };
  return {
    phoneRegion,
    consentTypes: list("consentTypes", overrides.consentTypes, DEFAULT_SETTINGS.consentTypes),
    marketingConsentTypes: list(
      "marketingConsentTypes",
      overrides.marketingConsentTypes,
      DEFAULT_SETTINGS.marketingConsentTypes,
    ),
    profileWeights: weights,
    retentionYearsFinancial,
    legalEntityProfileWeights: legalEntityWeights,
  };
}

/** The defaults with the operator's changes, each a whole number ≥ 0, summing to 100. */
function weightsOf<F extends string>(
  name: string,
  fields: readonly F[],
  defaults: Readonly<Record<F, number>>,
  overrides: Partial<Record<F, number>> | undefined,
): Record<F, number> {
  const weights: Record<F, number> = { ...defaults, ...overrides };
  for (const field of fields) {
    const weight = weights[field];
    if (!Number.isInteger(weight) || weight < 0) {
      throw new Error(`The ${name} weight of ${field} must be a whole number of 0 or more, not ${weight}`);
    }
  }
  const unknown = Object.keys(overrides ?? {}).filter((key) => !(fields as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new Error(`Unknown ${name} weight ${unknown.join(", ")}; known: ${fields.join(", ")}`);
  }
  const total = fields.reduce((sum, field) => sum + weights[field], 0);
  if (total !== 100) throw new Error(`The ${name} weights must sum to 100, not ${total}`);
  return weights;
}

/** What every widget use case is given besides its source and input: the clock and the settings. */
export interface WidgetContext {
  /** "Now"; today is its UTC date. Injected so tests control it. */
  now: Date;
  settings: Settings;
}
