import { type Access, AppError, type AppErrorCode, isAppError } from "@account360/core";
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { canCall } from "../auth/roles";
import type { Context } from "../context";

export const trpcCodeOf: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

const appCodeOf = Object.fromEntries(
  Object.entries(trpcCodeOf).map(([app, trpc]) => [trpc, app as AppErrorCode]),
) as Partial<Record<TRPC_ERROR_CODE_KEY, AppErrorCode>>;

/**
 * Turns whatever a procedure threw into the one shape both transports read: an AppError code, a
 * safe sentence and the field errors. Anything unexpected becomes INTERNAL with no detail.
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (!(error instanceof TRPCError)) {
    return new AppError("INTERNAL", "An unexpected error occurred; quote the request id to support.");
  }
  const cause = error.cause;
  if (isAppError(cause)) return cause;
  if (error.code === "PARSE_ERROR") return new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  const code = appCodeOf[error.code];
  // tRPC's own refusals (unknown procedure, wrong method, body too large) keep their code and text;
  // anything else, driver errors included, is internal and says nothing more.
  if (code && code !== "INTERNAL") return new AppError(code, error.message);
  return new AppError("INTERNAL", "An unexpected error occurred; quote the request id to support.");
}

/** What a procedure declares about itself; the HTTP route reads it before the body (see trpc-calls). */
export interface ProcedureMeta {
  /** The access a caller needs; absent for public procedures. */
  need?: Access;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const app = toAppError(error);
      return {
        ...shape,
        message: app.message,
        data: { ...shape.data, stack: undefined, appCode: app.code, fieldErrors: app.fieldErrors },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** AppErrors thrown by use cases become tRPC errors with the matching code, the AppError kept as cause. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) {
    const app = result.error.cause;
    throw new TRPCError({ code: trpcCodeOf[app.code], message: app.message, cause: app });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapAppErrors);

function authorized(need: Access) {
  return publicProcedure.meta({ need }).use(async ({ ctx, next }) => {
    const { token, claimedUserName } = ctx.credentials;
    if (!token) throw new AppError("UNAUTHORIZED", "A bearer token is required.");
    const principal = await ctx.deps.auth.authenticate(token, claimedUserName ?? undefined);
    if (!canCall(principal, need)) {
      throw new AppError(
        "FORBIDDEN",
        `User ${principal.userName} may not call this (${need} access needed).`,
      );
    }
    return next({ ctx: { principal, actor: { userName: principal.userName } } });
  });
}

/** The procedure every action of this access is built on: the token checked, the role required. */
export const procedureFor = {
  read: authorized("read"),
  write: authorized("write"),
  admin: authorized("admin"),
} satisfies Record<Access, unknown>;
