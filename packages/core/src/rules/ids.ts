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
