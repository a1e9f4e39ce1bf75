import { type Check, invalid, valid } from "./field";
import { systemId } from "./ids";

/** The `systemId` rule as a check, so optional identifiers share the absent/null/blank handling. */
export const systemIdentifier: Check<string> = (value, label) => {
  const parsed = systemId(label).safeParse(value);
  if (parsed.success) return valid(parsed.data);
  return invalid(parsed.error.issues[0]?.message ?? `${label} must be a UUID this system created`);
};
