import type { z } from "zod";
import type { ApiClient } from "./api-client";

/** One callAction: its Data schema (the same zod schema tRPC validates with) and the typed call. */
export interface BridgeAction {
  name: string;
  /** null for actions that take no Data. */
  schema: z.core.$ZodType | null;
  call(client: ApiClient, input: unknown): Promise<unknown>;
  message(output: unknown): string;
  legacyOf?: { replacement: string; deprecatedSince: string };
}

export const actions: BridgeAction[] = [];

const byName = new Map(actions.map((action) => [action.name.toLowerCase(), action]));

/** Action names match case-insensitively, as integrators' tools differ in what they send. */
export function findAction(name: string): BridgeAction | undefined {
  return byName.get(name.toLowerCase());
}

export const actionNames = actions.map((a) => a.name);
