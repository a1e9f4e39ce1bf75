import { AppError } from "@account360/core";
import { bearerToken } from "../context";
import { inProcessCaller } from "../trpc/call-in-process";
import { sendJson, sendJsonError } from "./respond";
import type { HttpRoute } from "./route";
import { requireDeps } from "./server";

const eventsPath = /^\/api\/events\/?$/i;
const call = inProcessCaller();

/** A query parameter as the feed's input: a whole number stays a number, anything else as sent. */
const limitOf = (value: string | null) =>
  value === null ? undefined : /^\d{1,9}$/.test(value) ? Number(value) : value;

/**
 * CONTRACT §9's feed over plain HTTP: `GET /api/events?after=&limit=&customerId=` with a bearer
 * token of role `reader`, answering what tRPC `events.list` answers (it runs that procedure).
 */
export const eventsRoute: HttpRoute = {
  name: "events",
  matches: (method, path) => method === "GET" && eventsPath.test(path),
  async handle(req, res, scope) {
    const deps = requireDeps(scope);
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new AppError("UNAUTHORIZED", "A bearer token is required.");
    const query = scope.url.searchParams;
    const input = {
      after: query.get("after") ?? undefined,
      limit: limitOf(query.get("limit")),
      customerId: query.get("customerId") ?? undefined,
    };
    const unknown = [...query.keys()].filter((key) => !(key in input));
    if (unknown.length > 0) {
      throw new AppError(
        "BAD_REQUEST",
        `Unknown query parameter ${unknown[0]}; the feed takes after, limit and customerId.`,
        unknown.map((key) => ({ field: key, message: `${key} is not a parameter of the feed` })),
      );
    }
    const page = await call(deps, "events.list", input, { token, claimedUserName: null }, scope.requestId);
    sendJson(res, 200, page);
  },
  sendError(res, error, scope) {
    sendJsonError(res, error, scope.requestId);
  },
};
