import { randomUUID } from "node:crypto";
import type { Executor } from "../database";
import { customers } from "../schema";

/** Test data: a customer with just the mandatory fields; answers its customerInternalId. */
export async function insertTestCustomer(db: Executor): Promise<string> {
  const n = randomUUID().slice(0, 8).toUpperCase();
  const [row] = await db
    .insert(customers)
    .values({
      uniqueId: `T-${n}`,
      firstName: "Ana",
      lastName: "Pop",
      email: `${n}@example.ro`,
      mobilePhone: "+40712345678",
    })
    .returning({ id: customers.id });
  return row!.id;
}

/** A fresh external id for an ingested row. */
export const externalId = (): string => randomUUID();

/** A UUID that names no customer. */
export const unknownId = "00000000-0000-4000-8000-000000000000";
