import { isIP } from "node:net";
import { databaseEnvSchema, optionalText, parseEnv, positiveInt } from "@account360/env";
import { z } from "zod";

const list = (fallback: string[]) =>
  z
    .string()
    .optional()
    .transform((value) =>
      value === undefined || value.trim() === ""
        ? fallback
        : value
            .split(",")
            .map((item) => item.trim())
            .filter(Boolean),
    );

/** An IPv4 or IPv6 address, or one with a prefix length: `10.0.0.0/8`, `2001:db8::/32`, `192.0.2.7`. */
function isAddressOrCidr(entry: string): boolean {
  const [address = "", prefix, extra] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Weights to change, `name=20,industry=5`: each a whole number; the names and the sum of 100 are
 * checked by the core's settingsOf at start-up.
 */
const weights = z
  .string()
  .optional()
  .transform((value, ctx): Record<string, number> | undefined => {
    if (value === undefined || value.trim() === "") return undefined;
    const entries: [string, number][] = [];
    for (const pair of value.split(",")) {
      const [field = "", weight = "", extra] = pair.split("=").map((part) => part.trim());
      if (field === "" || extra !== undefined || !/^\d+$/.test(weight)) {
        ctx.addIssue({ code: "custom", message: `"${pair.trim()}" is not field=weight (a whole number)` });
        return z.NEVER;
      }
      entries.push([field, Number(weight)]);
    }
    return Object.fromEntries(entries);
  });

/**
 * Every variable the API server and its operator commands (`pnpm user`, `webhook`, `privacy`)
 * read, validated once at start-up: the shared database variables and the server's own. The
 * bridge's schema extends this one; nothing else in the api reads process.env.
 */
export const envSchema = databaseEnvSchema.extend({
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TOKEN_TTL_SECONDS: positiveInt(3600),
  MAX_BODY_BYTES: positiveInt(1024 * 1024),
  INGEST_MAX_BODY_BYTES: positiveInt(32 * 1024 * 1024),
  MAX_INFLIGHT: positiveInt(256),
  REQUEST_TIMEOUT_MS: positiveInt(30_000),
  DEFAULT_PHONE_REGION: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "DEFAULT_PHONE_REGION must be a two-letter region code")
    .default("RO")
    .transform((v) => v.toUpperCase()),
  CONSENT_TYPES: list(["GDPR Consent", "Marketing Consent", "Data Processing Consent"]),
  MARKETING_CONSENT_TYPES: list(["Marketing Consent"]),
  PROFILE_WEIGHTS: weights,
  LEGAL_ENTITY_PROFILE_WEIGHTS: weights,
  CORS_ORIGINS: list([]),
  TRUSTED_PROXIES: list([]).refine((entries) => entries.every(isAddressOrCidr), {
    message: "TRUSTED_PROXIES must be comma-separated IP addresses or CIDRs (10.0.0.0/8, 2001:db8::/32)",
  }),
  /** How long the change-event feed can be replayed (CONTRACT §9); the audit log keeps changes for good. */
  EVENT_RETENTION_DAYS: positiveInt(30),
  /** Years financial records are kept after the relationship ended, under the erased customer's pseudonym (CONTRACT §10). */
  RETENTION_YEARS_FINANCIAL: z.coerce
    .number()
    .int("RETENTION_YEARS_FINANCIAL must be a whole number of years")
    .min(1, "RETENTION_YEARS_FINANCIAL must be from 1 to 100 years")
    .max(100, "RETENTION_YEARS_FINANCIAL must be from 1 to 100 years")
    .default(10),
  /** NATS with JetStream to publish the change events to (`nats://host:4222`); unset: no NATS at all. */
  NATS_URL: optionalText.pipe(
    z.url({ protocol: /^(nats|tls|wss?)$/, error: "NATS_URL must be a nats:// URL" }).optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return parseEnv(envSchema, source);
}
