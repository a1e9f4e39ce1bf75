import { z } from "zod";
import { type Check, invalid, optional, required, valid } from "./field";
import { documentedAsUuid } from "./ids";

const uuid = z.uuid();

/**
 * The `systemId` rule as a check, so optional identifiers share the absent/null/blank handling:
 * the value trimmed and lowercased must be a UUID. One schema for every call, none built per value.
 */
export const systemIdentifier: Check<string> = (value, label) => {
  const canonical = value.trim().toLowerCase();
  return uuid.safeParse(canonical).success
    ? valid(canonical)
    : invalid(`${label} must be a UUID this system created`);
};

/** A mandatory identifier field: `required` with `systemIdentifier`, documented as a UUID. */
export const requiredId = (label: string) => required(label, systemIdentifier).meta(documentedAsUuid);

/** An optional identifier field: `optional` with `systemIdentifier`, documented as a UUID. */
export const optionalId = (label: string) => optional(label, systemIdentifier).meta(documentedAsUuid);
