import type { SQL } from "drizzle-orm";
import type { Db } from "./db";
import type { ReplicaState } from "./replica-lag";
import type { Statement } from "./statement";

export type ReadTarget = "primary" | "standby";
export type FallbackReason = "lag" | "down" | "error";

/** Told where each routed read went, and why one did not go to the standby (for /metrics). */
export interface ReadObserver {
  read(target: ReadTarget): void;
  fallback(reason: FallbackReason): void;
}

/**
 * A Db for the read ports (widgets, search): statements go to the standby while the probe finds it
 * usable, to the primary otherwise; a standby statement that fails, for whatever reason (gone,
 * cancelled by a recovery conflict), runs again on the primary at once and benches the standby
 * until the next probe, so a standby problem never reaches the caller. Transactions always run on
 * the primary.
 */
export function routedReadDb(
  primary: Db,
  standby: Db,
  replica: ReplicaState & { markDown(): void },
  observer: ReadObserver,
): Db {
  const route = async <R>(onStandby: (db: Db) => Promise<R>): Promise<R> => {
    if (!replica.usable) {
      observer.fallback(replica.lagMs === null ? "down" : "lag");
      observer.read("primary");
      return onStandby(primary);
    }
    try {
      const rows = await onStandby(standby);
      observer.read("standby");
      return rows;
    } catch {
      replica.markDown();
      observer.fallback("error");
      observer.read("primary");
      return onStandby(primary);
    }
  };
  return {
    kind: primary.kind,
    run: <R, P extends object>(statement: Statement<P>, params: P) =>
      route((db) => db.run<R, P>(statement, params)),
    execute: <R>(query: SQL, name: string) => route((db) => db.execute<R>(query, name)),
    transaction: (work) => primary.transaction(work),
  };
}
