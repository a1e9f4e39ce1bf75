import { z } from "zod";

/** An optional setting: unset, empty or only spaces is undefined; the rest is trimmed. */
export const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** A whole number above 0, `fallback` when unset. */
export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The one way an app reads its environment: its own schema, parsed once at start-up, every
 * problem named in one error (`Invalid environment: PORT: …; MAX_INFLIGHT: …`).
 */
export function parseEnv<Schema extends z.ZodType>(
  schema: Schema,
  source: Record<string, string | undefined>,
): z.infer<Schema> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** The variables a schema reads: what turbo.json must declare for a task to pass them on. */
export const variablesOf = (schema: z.ZodObject): string[] => Object.keys(schema.shape);
