import { z } from "zod";

/**
 * What the JSON schema of an identifier says: a schema's input side stops before the `pipe` (or
 * the check in a transform) that refuses what is not a UUID, so the format is stated as metadata.
 */
export const documentedAsUuid = { format: "uuid" } as const;

/** An identifier the system created (customerInternalId, addressIdentifier, …): a UUID. */
export const systemId = (label: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a string`),
    })
    .trim()
    .toLowerCase()
    .pipe(z.uuid({ error: `${label} must be a UUID this system created` }))
    .meta(documentedAsUuid);

export const customerInternalIdField = systemId("customerInternalId");

/** The input of an action about one customer: `{ customerInternalId }` and nothing else. */
export const customerInput = z.strictObject({ customerInternalId: customerInternalIdField });
export type CustomerInput = z.output<typeof customerInput>;
