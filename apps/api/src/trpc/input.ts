import type { z } from "zod";

/**
 * Declares a procedure's input type from the core's schema without parsing it here: the use case
 * validates its own input (and names every bad field), so parsing twice would only cost time.
 */
export const checkedByUseCase =
  <S extends z.core.$ZodType>(_schema: S) =>
  (raw: unknown): z.input<S> =>
    raw as z.input<S>;
