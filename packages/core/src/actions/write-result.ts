import { z } from "zod";

/** `unchanged`: the request matched the stored record exactly and nothing was written. */
export const writeOperation = z.enum(["created", "updated", "unchanged"]);

/** What a write answers: the record's identifier under its own name, then what was done. */
export const writeResult = <Identifier extends string>(identifier: Identifier) =>
  z.object({ [identifier]: z.string(), operation: writeOperation } as Record<Identifier, z.ZodString> & {
    operation: typeof writeOperation;
  });
