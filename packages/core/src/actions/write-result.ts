import { z } from "zod";

/** `unchanged`: the request matched the stored record exactly and nothing was written. */
export const writeOperation = z.enum(["created", "updated", "unchanged"]);
