import { envSchema } from "@account360/api";
import { optionalText, parseEnv } from "@account360/env";
import { z } from "zod";

/**
 * What `pnpm start` reads: everything the API server reads (it runs in this process by default)
 * and the bridge's own API_URL. Nothing else in the bridge reads process.env.
 */
export const bridgeEnvSchema = envSchema.extend({
  /** Run the bridge apart: forward callAction and the per-action endpoints to the API server here. */
  API_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: "API_URL must be an http(s):// URL" }).optional(),
  ),
});

export type BridgeEnv = z.infer<typeof bridgeEnvSchema>;

export function loadBridgeEnv(source: NodeJS.ProcessEnv = process.env): BridgeEnv {
  return parseEnv(bridgeEnvSchema, source);
}
