import type { HardenedServer } from "./harness";

/**
 * Locks the customers table in a transaction of the server's own database until the answered
 * function is called: every request that reads a customer waits meanwhile, in flight. This holds
 * MAX_INFLIGHT slots the way real work does (a half-sent body no longer holds one).
 */
export async function lockCustomers(server: HardenedServer): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const transaction = server.deps.db.transaction(async (tx) => {
    await tx.execute("lock table customers in access exclusive mode");
    locked();
    await released;
  });
  await Promise.race([isLocked, transaction]);
  return async () => {
    release();
    await transaction;
  };
}
