import { describe, expect, it } from "vitest";
import { serializeError } from "./logging";

/** Shaped as drizzle wraps a driver error: its message lists every parameter, the cause is the driver's. */
function drizzleError(cause: object) {
  const error = new Error(
    "Failed query: insert into customers (unique_id, email) values ($1, $2)\nparams: RO-1234,ana@example.ro",
  );
  Object.assign(error, {
    query: "insert into customers (unique_id, email) values ($1, $2)",
    params: ["RO-1234", "ana@example.ro"],
    cause,
  });
  return error;
}

function driverError(fields: Record<string, unknown>) {
  const error = new Error(String(fields.message));
  error.name = "error";
  return Object.assign(error, fields);
}

describe("the error serializer", () => {
  it("keeps the statement, the SQLSTATE and the constraint, and drops every value", () => {
    const logged = serializeError(
      drizzleError(
        driverError({
          message: 'duplicate key value violates unique constraint "customer_unique_ids_unique_id_pk"',
          code: "23505",
          constraint: "customer_unique_ids_unique_id_pk",
          detail: "Key (unique_id)=(RO-1234) already exists.",
          parameters: ["RO-1234", "ana@example.ro"],
          where: "SQL statement with RO-1234",
        }),
      ),
    );
    expect(logged).toMatchObject({
      type: "Error",
      message: "Failed query: insert into customers (unique_id, email) values ($1, $2)",
      cause: { code: "23505", constraint: "customer_unique_ids_unique_id_pk" },
    });
    const text = JSON.stringify(logged);
    expect(text).not.toContain("RO-1234");
    expect(text).not.toContain("ana@example.ro");
    expect(logged.stack).toMatch(/^Error: Failed query: insert into customers .*\n\s+at /);
  });

  it("hides the value PostgreSQL quotes in a data exception", () => {
    const logged = serializeError(
      driverError({ message: 'invalid input syntax for type uuid: "ana@example.ro"', code: "22P02" }),
    );
    expect(logged.message).toBe('invalid input syntax for type uuid: "…"');
    expect(logged.code).toBe("22P02");
  });

  it("follows a chain of causes, and copes with odd values", () => {
    const inner = new Error("inner");
    const outer = new Error("outer", { cause: inner });
    expect(serializeError(outer)).toMatchObject({ message: "outer", cause: { message: "inner" } });
    expect(serializeError("text")).toEqual({ type: "string", message: "text" });
    const cyclic = new Error("loop") as Error & { cause?: unknown };
    cyclic.cause = cyclic;
    expect(serializeError(cyclic).cause).toBeUndefined();
  });
});
