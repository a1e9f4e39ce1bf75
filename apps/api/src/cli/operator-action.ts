import { parseInput } from "@account360/core";
import type { AppDeps } from "../context";

/**
 * Runs an action of the registry for an operator at the machine (a command such as `pnpm
 * webhook`): the same input schema, use case and output schema as every door, the operator
 * standing in for a signed-in admin. Throws an AppError as the doors would answer it.
 */
export async function runOperatorAction(
  deps: Pick<AppDeps, "actions" | "sources" | "settings" | "now">,
  procedure: string,
  input: unknown,
  operator: string,
): Promise<unknown> {
  const action = deps.actions.byProcedure(procedure);
  if (!action) throw new Error(`no action is procedure ${procedure}`);
  const output = await action.run(
    { sources: deps.sources, actor: { userName: operator }, now: deps.now(), settings: deps.settings },
    parseInput(action.input, input),
  );
  return action.output.parse(output);
}
