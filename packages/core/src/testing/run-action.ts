import type { z } from "zod";
import type { AnyAction } from "../actions/action";
import type { Sources } from "../ports/sources";
import { parseInput } from "../rules/edge-input";
import { DEFAULT_SETTINGS, type Settings } from "../settings";

export interface RunOptions {
  now?: Date;
  settings?: Settings;
  userName?: string;
}

/**
 * Runs an action as every door does: the input validated at the edge by the action's schema, the
 * use case run, and the answer checked against the output schema (so a use case drifting from
 * its declared answer fails the test that ran it).
 */
export async function runAction<A extends AnyAction>(
  action: A,
  sources: Partial<Sources>,
  input: unknown,
  options: RunOptions = {},
): Promise<z.output<A["output"]>> {
  const parsed = parseInput(action.input, input);
  const output = await action.run(
    {
      sources: sources as Sources,
      actor: { userName: options.userName ?? "tester" },
      now: options.now ?? new Date(),
      settings: options.settings ?? DEFAULT_SETTINGS,
    },
    parsed,
  );
  return action.output.parse(output) as z.output<A["output"]>;
}
