import { isSupportedCountry } from "libphonenumber-js/max";

/**
 * What an operator configures (from the environment, in the app) and the use cases are given as
 * arguments: which agreement types are consents, how much each profile entry weighs, and the
 * region a national phone number is read in.
 */

interface ProfileEntryDefaults {
  label: string;
  individual?: number;
  legalEntity?: number;
}

/**
 * Every entry a profile completion scores, each with its label and its default weight in the
 * profile of each kind of customer that has it (a legal entity's: CONTRACT §8). Within a kind,
 * entries are listed in this order when their weights tie.
 */
const PROFILE_ENTRIES = {
  firstName: { label: "First name", individual: 10 },
  lastName: { label: "Last name", individual: 10 },
  name: { label: "Name", legalEntity: 15 },
  UniqueID: { label: "Unique ID", individual: 15, legalEntity: 15 },
  registrationNumber: { label: "Registration number", legalEntity: 15 },
  industry: { label: "Industry", legalEntity: 10 },
  email: { label: "E-mail address", individual: 10, legalEntity: 10 },
  mobilePhone: { label: "Mobile phone", individual: 10, legalEntity: 10 },
  emailAddressType: { label: "E-mail address type", individual: 5 },
  phoneNumberType: { label: "Phone number type", individual: 5 },
  address: { label: "At least one address", individual: 15, legalEntity: 15 },
  picture: { label: "Picture", individual: 5 },
  agreement: { label: "An active agreement", individual: 15 },
  representative: { label: "At least one active representative", legalEntity: 10 },
} as const satisfies Record<string, ProfileEntryDefaults>;

type ProfileEntry = keyof typeof PROFILE_ENTRIES;
type CustomerKind = "individual" | "legalEntity";
/** The entries the profile of this kind of customer scores. */
type EntryOf<K extends CustomerKind> = {
  [F in ProfileEntry]: K extends keyof (typeof PROFILE_ENTRIES)[F] ? F : never;
}[ProfileEntry];

export type ProfileField = EntryOf<"individual">;
export type ProfileWeights = Record<ProfileField, number>;
export type LegalEntityProfileField = EntryOf<"legalEntity">;
export type LegalEntityProfileWeights = Record<LegalEntityProfileField, number>;

const defaultsOf = (entry: ProfileEntry): ProfileEntryDefaults => PROFILE_ENTRIES[entry];

const entriesOf = <K extends CustomerKind>(kind: K) =>
  (Object.keys(PROFILE_ENTRIES) as ProfileEntry[]).filter(
    (entry) => defaultsOf(entry)[kind] !== undefined,
  ) as EntryOf<K>[];

const defaultWeightsOf = <K extends CustomerKind>(kind: K): Readonly<Record<EntryOf<K>, number>> =>
  Object.freeze(
    Object.fromEntries(entriesOf(kind).map((entry) => [entry, defaultsOf(entry)[kind]])) as Record<
      EntryOf<K>,
      number
    >,
  );

/** What each entry is called in the widget, for a customer of either kind. */
export const PROFILE_ENTRY_LABELS: Readonly<Record<ProfileEntry, string>> = Object.freeze(
  Object.fromEntries(Object.entries(PROFILE_ENTRIES).map(([entry, { label }]) => [entry, label])) as Record<
    ProfileEntry,
    string
  >,
);

export const PROFILE_FIELDS = entriesOf("individual");
export const DEFAULT_PROFILE_WEIGHTS = defaultWeightsOf("individual");
export const LEGAL_ENTITY_PROFILE_FIELDS = entriesOf("legalEntity");
export const DEFAULT_LEGAL_ENTITY_PROFILE_WEIGHTS = defaultWeightsOf("legalEntity");

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
