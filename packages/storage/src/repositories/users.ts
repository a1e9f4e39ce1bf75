import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { type Executor, rowsOf } from "../database";
import { apiTokens, loginFailures, users } from "../schema/users";
import type { Db } from "../sql/db";
import { readStatement } from "../sql/statement";

export type UserRecord = typeof users.$inferSelect;

const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** The user whose name matches case-insensitively, disabled or not. */
export async function findUserByUsername(db: Executor, username: string): Promise<UserRecord | null> {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Creates the user, or updates the one whose name matches case-insensitively (keeping its
 * stored spelling) and enables it again.
 */
export async function upsertUser(
  db: Executor,
  user: { username: string; passwordHash: string; roles: readonly string[] },
  now: Date,
): Promise<{ id: string; created: boolean }> {
  const roles = sql.join(
    user.roles.map((role) => sql`${role}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    insert into users (username, password_hash, roles, disabled, created_at, updated_at)
    values (${user.username}, ${user.passwordHash}, array[${roles}]::text[], false, ${ts(now)}, ${ts(now)})
    on conflict ((lower(username))) do update
      set password_hash = excluded.password_hash,
          roles = excluded.roles,
          disabled = false,
          updated_at = excluded.updated_at
    returning id::text as id, (xmax = 0) as created`);
  const row = rowsOf<{ id: string; created: boolean }>(result)[0];
  if (!row) throw new Error("upsert into users returned no row");
  return { id: row.id, created: row.created };
}

export async function setUserPasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Marks the user disabled and revokes every token it holds, in one transaction. */
export async function disableUserAndRevokeTokens(
  db: Executor,
  username: string,
  now: Date,
): Promise<{ userId: string; username: string; revokedTokens: number } | null> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ disabled: true, updatedAt: now })
      .where(sql`lower(${users.username}) = lower(${username})`)
      .returning({ id: users.id, username: users.username });
    if (!user) return null;
    const revokedTokens = await revokeTokensOfUser(tx, user.id, now);
    return { userId: user.id, username: user.username, revokedTokens };
  });
}

/** Revokes every live token of the user; answers how many. */
export async function revokeTokensOfUser(db: Executor, userId: string, now: Date): Promise<number> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length;
}

export async function insertApiToken(
  db: Executor,
  token: { tokenHash: string; userId: string; clientId: string | null; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(apiTokens).values(token);
}

export interface TokenWithUser {
  tokenId: string;
  userId: string;
  username: string;
  roles: string[];
  disabled: boolean;
  expiresAt: Date;
  revokedAt: Date | null;
}

const tokenWithUserStatement = readStatement<{ tokenHash: string }>(
  "token with its user",
  (p) => sql`select t.id::text as "tokenId", u.id::text as "userId", u.username, u.roles, u.disabled,
                    t.expires_at as "expiresAt", t.revoked_at as "revokedAt"
               from ${apiTokens} t join ${users} u on u.id = t.user_id
              where t.token_hash = ${p.tokenHash}
              limit 1`,
);

/**
 * The token with this hash and its user, whatever their state; the caller judges validity. A
 * prepared statement: every request whose token is not in the server's short cache runs it.
 */
export async function findTokenWithUser(db: Db, tokenHash: string): Promise<TokenWithUser | null> {
  type Row = Omit<TokenWithUser, "expiresAt" | "revokedAt"> & {
    expiresAt: Date | string;
    revokedAt: Date | string | null;
  };
  const [row] = await db.run<Row, { tokenHash: string }>(tokenWithUserStatement, { tokenHash });
  if (!row) return null;
  // Timestamps arrive as text over postgres.js (drizzle's driver leaves their parsing to drizzle).
  return {
    ...row,
    expiresAt: new Date(row.expiresAt),
    revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
  };
}

export interface LoginReservation {
  key: string;
  windowStart: Date;
}

export type ReserveLoginResult =
  | { allowed: true; reservations: LoginReservation[] }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one login attempt against every key before the password is checked, so concurrent
 * guesses cannot slip past the limit; a window that has ended starts afresh. `refuse` is given
 * each key's failures in its window before this attempt and names the keys that refuse it (by
 * default those that already reached `maxFailures`); then nothing is counted and the attempt is
 * refused. A successful login gives its count back with `releaseLoginAttempt`.
 */
export async function reserveLoginAttempt(
  db: Executor,
  options: {
    keys: readonly string[];
    now: Date;
    windowSeconds: number;
    maxFailures?: number;
    refuse?: (failuresBefore: ReadonlyMap<string, number>) => readonly string[];
  },
): Promise<ReserveLoginResult> {
  const { now, windowSeconds } = options;
  const maxFailures = options.maxFailures ?? Number.POSITIVE_INFINITY;
  const refuse =
    options.refuse ??
    ((before: ReadonlyMap<string, number>) =>
      [...before].filter(([, n]) => n >= maxFailures).map(([k]) => k));
  // Sorted so that two attempts lock the same rows in the same order and never deadlock.
  const keys = [...new Set(options.keys)].sort();
  const windowOpenedAfter = new Date(now.getTime() - windowSeconds * 1000);
  const refused = new Error("refused");
  let retryAfterSeconds = 0;
  try {
    return await db.transaction(async (tx) => {
      const rows = await tx
        .insert(loginFailures)
        .values(keys.map((key) => ({ key, failures: 1, windowStart: now })))
        .onConflictDoUpdate({
          target: loginFailures.key,
          set: {
            failures: sql`case when ${loginFailures.windowStart} <= ${ts(windowOpenedAfter)} then 1 else ${loginFailures.failures} + 1 end`,
            windowStart: sql`case when ${loginFailures.windowStart} <= ${ts(windowOpenedAfter)} then ${ts(now)} else ${loginFailures.windowStart} end`,
          },
        })
        .returning({
          key: loginFailures.key,
          failures: loginFailures.failures,
          windowStart: loginFailures.windowStart,
        });
      const refusing = new Set(refuse(new Map(rows.map((row) => [row.key, row.failures - 1]))));
      const over = rows.filter((row) => refusing.has(row.key));
      if (over.length > 0) {
        const windowEnds = Math.max(...over.map((row) => row.windowStart.getTime() + windowSeconds * 1000));
        retryAfterSeconds = Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000));
        throw refused; // rolls the counts back: a refused attempt never checks a password
      }
      return {
        allowed: true as const,
        reservations: rows.map(({ key, windowStart }) => ({ key, windowStart })),
      };
    });
  } catch (error) {
    if (error === refused) return { allowed: false, retryAfterSeconds };
    throw error;
  }
}

/** Gives back the counts a successful login reserved, unless their window has started afresh. */
export async function releaseLoginAttempt(
  db: Executor,
  reservations: readonly LoginReservation[],
): Promise<void> {
  for (const { key, windowStart } of reservations) {
    await db
      .update(loginFailures)
      .set({ failures: sql`greatest(${loginFailures.failures} - 1, 0)` })
      .where(and(eq(loginFailures.key, key), eq(loginFailures.windowStart, windowStart)));
  }
}

/** The failures counted against these keys in windows still open at `now`. */
export async function loginFailureCounts(
  db: Executor,
  keys: readonly string[],
  now: Date,
  windowSeconds: number,
): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({
      key: loginFailures.key,
      failures: loginFailures.failures,
      windowStart: loginFailures.windowStart,
    })
    .from(loginFailures)
    .where(inArray(loginFailures.key, [...keys]));
  const open = rows.filter((row) => row.windowStart.getTime() > now.getTime() - windowSeconds * 1000);
  return new Map(open.map((row) => [row.key, row.failures]));
}

/** Deletes tokens that expired before `tokensExpiredBefore` and throttling windows opened before the cutoff. */
export async function pruneAuthData(
  db: Executor,
  cutoffs: { tokensExpiredBefore: Date; windowsOpenedBefore: Date },
): Promise<{ tokens: number; loginFailures: number }> {
  const tokens = await db
    .delete(apiTokens)
    .where(lt(apiTokens.expiresAt, cutoffs.tokensExpiredBefore))
    .returning({ id: apiTokens.id });
  const failures = await db
    .delete(loginFailures)
    .where(lt(loginFailures.windowStart, cutoffs.windowsOpenedBefore))
    .returning({ key: loginFailures.key });
  return { tokens: tokens.length, loginFailures: failures.length };
}
