import { AppError } from "@account360/core";
import type { AnyRouter } from "@trpc/server";
import type { Need } from "../auth/roles";
import type { ProcedureMeta } from "../trpc/init";
import { echoName } from "./labels";

/**
 * One batch runs in one in-flight slot: 1,000 widget reads in one request took 2.4 s of it, so a
 * batch is capped like any other request size.
 */
export const MAX_BATCH_CALLS = 50;

export interface TrpcCall {
  path: string;
  /** The access the procedure needs; undefined for a public one. */
  need: Need | undefined;
}

type Procedures = Record<string, { _def: { meta?: ProcedureMeta } }>;

/**
 * The procedures a /trpc request names, as tRPC itself splits them (`?batch=1` and commas),
 * judged from the URL alone so nothing is read before they are known: a batch over
 * MAX_BATCH_CALLS is a 400, a name the router does not have a 404 that repeats it cut short.
 */
export function trpcCalls(url: URL, router: AnyRouter): TrpcCall[] {
  // Keyed by the dotted path, as tRPC looks them up.
  const procedures = router._def.procedures as unknown as Procedures;
  let joined: string;
  try {
    joined = decodeURIComponent(url.pathname.slice("/trpc/".length));
  } catch {
    throw new AppError("BAD_REQUEST", "The procedure path is not valid percent-encoding.");
  }
  const batch = url.searchParams.get("batch") === "1";
  const paths = batch ? joined.split(",") : [joined];
  if (paths.length > MAX_BATCH_CALLS) {
    throw new AppError(
      "BAD_REQUEST",
      `A batch may hold at most ${MAX_BATCH_CALLS} calls; this one holds ${paths.length}. Split it.`,
    );
  }
  const unknown = paths.filter((path) => !Object.hasOwn(procedures, path));
  if (unknown.length > 0) {
    const more = unknown.length > 1 ? ` (and ${unknown.length - 1} more)` : "";
    throw new AppError("NOT_FOUND", `No procedure ${echoName(unknown[0] as string)}${more}.`);
  }
  return paths.map((path) => ({ path, need: procedures[path]?._def.meta?.need }));
}
