import { AppError } from "@account360/core";
import { describe, expect, it } from "vitest";
import { guarded, toAppError } from "./database-errors";

/** Shaped like drizzle's DrizzleQueryError wrapping a driver error, which carries the SQL and its parameters. */
const wrapped = (driver: Record<string, unknown>) =>
  Object.assign(new Error("Failed query: insert into customers ... params: 1960523123456"), {
    cause: driver,
  });

describe("toAppError", () => {
  it("names the field of a known constraint, whichever driver property carries its name", () => {
    const postgresJs = toAppError(
      wrapped({ code: "23505", constraint_name: "customer_unique_ids_unique_id_pk" }),
    );
    const pglite = toAppError(wrapped({ code: "23505", constraint: "customer_unique_ids_unique_id_pk" }));
    for (const error of [postgresJs, pglite]) {
      expect(error.code).toBe("CONFLICT");
      expect(error.fieldErrors).toEqual([
        { field: "UniqueID", message: "UniqueID belongs to another customer" },
      ]);
    }
    expect(
      toAppError(wrapped({ code: "23503", constraint: "representatives_customer_id_customers_id_fk" })),
    ).toMatchObject({ code: "NOT_FOUND", fieldErrors: [{ field: "customerInternalId" }] });
  });

  it("answers other unique and reference violations as 409 and 404 without naming a field", () => {
    expect(toAppError(wrapped({ code: "23505", constraint: "something_else" }))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: [],
    });
    expect(toAppError(wrapped({ code: "23503" }))).toMatchObject({ code: "NOT_FOUND", fieldErrors: [] });
  });

  it("turns anything else into a 500 whose logged cause names the statement, never its parameters", () => {
    const original = wrapped({ code: "42P01", message: "relation does not exist" });
    const error = toAppError(original, "account header");
    expect(error.code).toBe("INTERNAL");
    expect(error.message).toBe("The database could not complete the request.");
    expect(error.message).not.toMatch(/insert|1960523123456/);
    expect(error.cause).toMatchObject({ name: "DatabaseError", statement: "account header", code: "42P01" });
    expect(JSON.stringify(error.cause)).not.toMatch(/1960523123456/);
    expect(String((error.cause as Error).stack)).not.toMatch(/1960523123456/);
    expect(toAppError(new TypeError("socket closed")).code).toBe("INTERNAL");
  });

  it("answers a lost connection as 503: the database cannot be reached right now", () => {
    for (const code of ["57P01", "08006", "ECONNREFUSED", "CONNECTION_CLOSED"]) {
      expect(toAppError(wrapped({ code }))).toMatchObject({ code: "UNAVAILABLE" });
    }
  });

  it("passes an AppError through untouched", async () => {
    const appError = new AppError("NOT_FOUND", "No such customer.");
    await expect(guarded(() => Promise.reject(appError))).rejects.toBe(appError);
    await expect(guarded(() => Promise.reject(new Error("x")))).rejects.toBeInstanceOf(AppError);
  });
});
