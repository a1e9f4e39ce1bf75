import { type Check, invalid, optional, required, valid } from "./field";
import { documentedAsUuid, systemId } from "./ids";

/** The `systemId` rule as a check, so optional identifiers share the absent/null/blank handling. */
export const systemIdentifier: Check<string> = (value, label) => {
  const parsed = systemId(label).safeParse(value);
  if (parsed.success) return valid(parsed.data);
  return invalid(parsed.error.issues[0]?.message ?? `${label} must be a UUID this system created`);
};

/** A mandatory identifier field: `required` with `systemIdentifier`, documented as a UUID. */
export const requiredId = (label: string) => required(label, systemIdentifier).meta(documentedAsUuid);

/** An optional identifier field: `optional` with `systemIdentifier`, documented as a UUID. */
export const optionalId = (label: string) => optional(label, systemIdentifier).meta(documentedAsUuid);
