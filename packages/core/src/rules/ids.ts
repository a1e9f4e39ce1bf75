import { z } from "zod";

/** An identifier the system created (customerInternalId, addressIdentifier, …): a UUID. */
export const systemId = (label: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a string`),
    })
    .trim()
    .toLowerCase()
    .pipe(z.uuid({ error: `${label} must be a UUID this system created` }));

export const customerInternalIdField = systemId("customerInternalId");

/** The input of an action about one customer: `{ customerInternalId }` and nothing else. */
export const customerInput = z.strictObject({ customerInternalId: customerInternalIdField });
export type CustomerInput = z.output<typeof customerInput>;
