import { sql } from "drizzle-orm";
import type { Executor } from "../database";
import { users } from "../schema/users";

export interface UserCounts {
  /** Every API user, disabled ones included. */
  all: number;
  /** Users who may sign in. */
  enabled: number;
}

/** How many API users exist: the server's ready message tells a newcomer how to add the first. */
export async function countUsers(db: Executor): Promise<UserCounts> {
  const [row] = await db
    .select({
      all: sql<number>`count(*)::int`,
      enabled: sql<number>`(count(*) filter (where not ${users.disabled}))::int`,
    })
    .from(users);
  return { all: Number(row?.all ?? 0), enabled: Number(row?.enabled ?? 0) };
}
