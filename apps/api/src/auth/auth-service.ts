import { AppError, type FieldError, hasUnsafeCharacters, unsafeCharactersMessage } from "@account360/core";
import {
  type DatabaseHandle,
  disableUserAndRevokeTokens,
  findTokenWithUser,
  findUserByUsername,
  insertApiToken,
  pruneAuthData,
  releaseLoginAttempt,
  reserveLoginAttempt,
  revokeTokensOfUser,
  setUserPasswordHash,
  upsertUser,
} from "@account360/storage";
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from "./passwords";
import { isRole, type Principal, ROLES, type Role } from "./roles";
import { DEFAULT_THROTTLE, refusingKeys, type ThrottleLimits, throttleKeys } from "./throttle";
import { TokenCache } from "./token-cache";
import { generateToken, hashToken, looksLikeToken } from "./tokens";

type ThrottleOptions = Partial<ThrottleLimits>;

export interface AuthServiceOptions {
  /** drizzle for sign-in and user management; the prepared-statement client for the token check. */
  database: Pick<DatabaseHandle, "db" | "sql">;
  tokenTtlSeconds: number;
  now?: () => Date;
  throttle?: ThrottleOptions;
  /** How long a verified token is trusted without asking the database; 0 turns it off, at most 5000. */
  tokenCacheTtlMs?: number;
}

interface IssueTokenRequest {
  username: string;
  password: string;
  clientId?: string | undefined;
  clientAddress: string;
}

interface IssuedToken {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
}

interface UserChange {
  userId: string;
  userName: string;
  roles: Role[];
  created: boolean;
  /** Tokens ended because the password changed. */
  revokedTokens: number;
}

export interface AuthService {
  issueToken(request: IssueTokenRequest): Promise<IssuedToken>;
  authenticate(token: string, claimedUserName?: string): Promise<Principal>;
  addOrUpdateUser(user: {
    username: string;
    password: string;
    roles: readonly string[];
  }): Promise<UserChange>;
  disableUser(username: string): Promise<{ userId: string; userName: string; revokedTokens: number }>;
  /** Deletes tokens expired over a day ago and ended throttling windows; also runs now and then on its own. */
  pruneExpired(): Promise<{ tokens: number; loginFailures: number }>;
}

const MAX_TOKEN_CACHE_TTL_MS = 5000;
const DEFAULT_TOKEN_CACHE_TTL_MS = 2000;
const PRUNE_EVERY_MS = 15 * 60 * 1000;
const KEEP_EXPIRED_TOKENS_MS = 24 * 60 * 60 * 1000;

const usernameShape = /^[A-Za-z0-9._@-]{1,64}$/;
const CLIENT_ID_MAX = 200;
/** Far above any username `addOrUpdateUser` accepts (64), so no user is ever refused by it. */
const USERNAME_MAX = 200;

// One sentence for an unknown user, a wrong password and a disabled user alike.
const badCredentials = () =>
  new AppError("UNAUTHORIZED", "Unauthorized - the username or password is not valid.");
const badToken = () => new AppError("UNAUTHORIZED", "Unauthorized - the access token is not valid.");

export function createAuthService(options: AuthServiceOptions): AuthService {
  const { tokenTtlSeconds } = options;
  const { db, sql } = options.database;
  const now = options.now ?? (() => new Date());
  const limits: ThrottleLimits = { ...DEFAULT_THROTTLE, ...options.throttle };
  const { windowSeconds } = limits;
  const cacheTtlMs = options.tokenCacheTtlMs ?? DEFAULT_TOKEN_CACHE_TTL_MS;
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds <= 0) {
    throw new Error("tokenTtlSeconds must be a positive whole number");
  }
  if (!(cacheTtlMs >= 0 && cacheTtlMs <= MAX_TOKEN_CACHE_TTL_MS)) {
    // A longer cache would let a revoked token live on in other processes for too long.
    throw new Error(`tokenCacheTtlMs must be between 0 and ${MAX_TOKEN_CACHE_TTL_MS}`);
  }
  const cache = new TokenCache(cacheTtlMs);
  let lastPrune = Number.NEGATIVE_INFINITY;

  async function pruneExpired() {
    const at = now();
    lastPrune = at.getTime();
    return pruneAuthData(db, {
      tokensExpiredBefore: new Date(at.getTime() - KEEP_EXPIRED_TOKENS_MS),
      windowsOpenedBefore: new Date(at.getTime() - windowSeconds * 1000),
    });
  }

  async function issueToken(request: IssueTokenRequest): Promise<IssuedToken> {
    const { username, password } = request;
    const clientId = request.clientId?.trim() || null;
    const problems: FieldError[] = [];
    if (typeof username !== "string" || username.trim() === "") {
      problems.push({ field: "username", message: "username is required" });
    }
    if (typeof password !== "string" || password === "") {
      problems.push({ field: "password", message: "password is required" });
    }
    // What a name may not hold is refused before any query: a NUL made PostgreSQL fail (a 500
    // whose log held the statement's parameters, a password typed into the username among them).
    if (typeof username === "string" && hasUnsafeCharacters(username)) {
      problems.push({ field: "username", message: unsafeCharactersMessage("username") });
    } else if (typeof username === "string" && username.length > USERNAME_MAX) {
      problems.push({ field: "username", message: `username must have at most ${USERNAME_MAX} characters` });
    }
    if (clientId !== null && clientId.length > CLIENT_ID_MAX) {
      problems.push({
        field: "client_id",
        message: `client_id must have at most ${CLIENT_ID_MAX} characters`,
      });
    } else if (clientId !== null && hasUnsafeCharacters(clientId)) {
      problems.push({ field: "client_id", message: unsafeCharactersMessage("client_id") });
    }
    if (problems.length > 0) {
      throw new AppError(
        "BAD_REQUEST",
        `Bad Request - ${problems.map((p) => p.message).join("; ")}.`,
        problems,
      );
    }

    const started = now();
    const keys = throttleKeys(username, request.clientAddress);
    const reserved = await reserveLoginAttempt(db, {
      keys: [keys.pair, keys.address, keys.username],
      now: started,
      windowSeconds,
      refuse: (failuresBefore) => refusingKeys(keys, limits, failuresBefore),
    });
    if (!reserved.allowed) throw new ThrottledError(reserved.retryAfterSeconds);

    const user = await findUserByUsername(db, username.trim());
    // Verified even for an unknown or disabled user, so all failures take the same time.
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? null);
    if (!user || user.disabled || !passwordOk) throw badCredentials(); // the reservation stays as a failure

    await releaseLoginAttempt(db, reserved.reservations);
    if (needsRehash(user.passwordHash)) {
      await setUserPasswordHash(db, user.id, await hashPassword(password));
    }
    const token = generateToken();
    const issuedAt = now();
    await insertApiToken(db, {
      tokenHash: hashToken(token),
      userId: user.id,
      clientId,
      createdAt: issuedAt,
      expiresAt: new Date(issuedAt.getTime() + tokenTtlSeconds * 1000),
    });
    if (issuedAt.getTime() - lastPrune >= PRUNE_EVERY_MS) {
      // Housekeeping must never cost anyone a login.
      await pruneExpired().catch(() => {});
    }
    return { access_token: token, token_type: "Bearer", expires_in: tokenTtlSeconds };
  }

  async function authenticate(token: string, claimedUserName?: string): Promise<Principal> {
    const presented = typeof token === "string" ? token.trim() : "";
    if (presented === "") {
      throw new AppError(
        "UNAUTHORIZED",
        "Unauthorized - an access token is required; get one from GetToken.",
      );
    }
    if (!looksLikeToken(presented)) throw badToken();
    const at = now().getTime();
    const tokenHash = hashToken(presented);
    let entry = cache.get(tokenHash, at);
    if (!entry) {
      const row = await findTokenWithUser(sql, tokenHash);
      if (!row || row.revokedAt !== null || row.disabled) throw badToken();
      entry = {
        principal: { userId: row.userId, userName: row.username, roles: row.roles.filter(isRole) },
        expiresAt: row.expiresAt.getTime(),
      };
      if (entry.expiresAt > at) cache.set(tokenHash, entry, at);
    }
    if (entry.expiresAt <= at) {
      throw new AppError("UNAUTHORIZED", "Unauthorized - the access token has expired; get a new one.");
    }
    const { principal } = entry;
    if (claimedUserName !== undefined && !sameUserName(claimedUserName, principal.userName)) {
      throw new AppError("UNAUTHORIZED", "Unauthorized - the access token was not issued to this UserName.");
    }
    return { userId: principal.userId, userName: principal.userName, roles: [...principal.roles] };
  }

  async function addOrUpdateUser(input: {
    username: string;
    password: string;
    roles: readonly string[];
  }): Promise<UserChange> {
    const username = typeof input.username === "string" ? input.username.trim() : "";
    const problems: FieldError[] = [];
    if (!usernameShape.test(username)) {
      problems.push({
        field: "username",
        message: "the username must have 1 to 64 letters, digits, '.', '_', '@' or '-'",
      });
    }
    const roles = [...new Set(input.roles.map((role) => role.trim().toLowerCase()))];
    const unknownRoles = roles.filter((role) => !isRole(role));
    if (roles.length === 0 || unknownRoles.length > 0) {
      problems.push({ field: "roles", message: `give at least one role of ${ROLES.join(", ")}` });
    }
    const weakness = passwordProblem(input.password);
    if (weakness) problems.push({ field: "password", message: weakness });
    if (problems.length > 0) {
      throw new AppError(
        "BAD_REQUEST",
        `Bad Request - ${problems.map((p) => p.message).join("; ")}.`,
        problems,
      );
    }
    const validRoles = ROLES.filter((role) => roles.includes(role));

    const passwordHash = await hashPassword(input.password);
    const existing = await findUserByUsername(db, username);
    // A new password ends the tokens the old one got: it is usually changed because it leaked.
    const passwordChanged =
      existing !== null && !(await verifyPassword(input.password, existing.passwordHash));
    const at = now();
    const result = await db.transaction(async (tx) => {
      const saved = await upsertUser(tx, { username, passwordHash, roles: validRoles }, at);
      const revokedTokens = passwordChanged ? await revokeTokensOfUser(tx, saved.id, at) : 0;
      return { ...saved, revokedTokens };
    });
    cache.forgetUser(result.id);
    return {
      userId: result.id,
      userName: existing?.username ?? username,
      roles: validRoles,
      created: result.created,
      revokedTokens: result.revokedTokens,
    };
  }

  async function disableUser(username: string) {
    const result = await disableUserAndRevokeTokens(db, String(username ?? "").trim(), now());
    if (!result) throw new AppError("NOT_FOUND", "Not Found - there is no user with that username.");
    cache.forgetUser(result.userId);
    return { userId: result.userId, userName: result.username, revokedTokens: result.revokedTokens };
  }

  return { issueToken, authenticate, addOrUpdateUser, disableUser, pruneExpired };
}

/** The 429 of a throttled login; `retryAfterSeconds` is for a `Retry-After` header. */
export class ThrottledError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(
      "TOO_MANY_REQUESTS",
      `Too Many Requests - too many failed logins; try again in ${retryAfterSeconds} seconds.`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Usernames match case-insensitively, as integrators expect. */
function sameUserName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.toLowerCase();
}
