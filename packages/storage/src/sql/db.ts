import type { PGlite, Transaction as PGliteTransaction } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type postgres from "postgres";
import type { DatabaseKind } from "../database";
import { isConnectionFailure, toAppError, wasRolledBack } from "../repositories/database-errors";
import { render, type Statement } from "./statement";

/**
 * The statement client of the hot paths, over either driver: runs Statements (prepared per
 * connection on PostgreSQL) and transactions. Every failure comes out as an AppError; one that
 * only says the connection was gone is a 503, after one retry for statements that only read.
 */
export interface Db {
  readonly kind: DatabaseKind;
  run<R, P extends object>(statement: Statement<P>, params: P): Promise<R[]>;
  /**
   * A statement whose text depends on its input (search, ingest batches): rendered per call and
   * not prepared, since a plan cached for one shape would not fit the next.
   */
  execute<R>(query: SQL, name: string): Promise<R[]>;
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
}

type Query = (text: string, values: unknown[], prepare: boolean) => Promise<unknown[]>;

const ATTEMPTS = 3;

/**
 * Runs `work` again when the server rolled it back whole (a deadlock), and, for `reads`, once when
 * the connection was already dead: a pooled connection the server had closed ran nothing, so a
 * read may go again on a fresh one. A write is never retried after a lost connection, since it
 * may have committed.
 */
async function withRetries<T>(work: () => Promise<T>, reads: boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const again =
        attempt < ATTEMPTS &&
        (wasRolledBack(error) || (reads && attempt === 1 && isConnectionFailure(error)));
      if (!again) throw error;
    }
  }
}

function dbOver(
  kind: DatabaseKind,
  query: Query,
  begin: Db["transaction"],
  inTransaction: boolean,
  retryReads = true,
): Db {
  return {
    kind,
    async execute<R>(sqlQuery: SQL, name: string): Promise<R[]> {
      const { text, values } = render(sqlQuery);
      try {
        return (await query(text, values, false)) as R[];
      } catch (error) {
        throw toAppError(error, name);
      }
    },
    async run<R, P extends object>(statement: Statement<P>, params: P): Promise<R[]> {
      const values = statement.valuesOf(params);
      const run = () => query(statement.text, values, true) as Promise<R[]>;
      try {
        // Inside a transaction only the whole transaction may run again.
        return await (inTransaction ? run() : withRetries(run, retryReads && statement.readOnly));
      } catch (error) {
        throw toAppError(error, statement.name);
      }
    },
    transaction: begin,
  };
}

/**
 * postgres.js: `unsafe` with the client's default `prepare: true` names and caches each text per
 * connection. `retryReads: false` for a standby, whose failed read goes to the primary instead.
 */
export function postgresDb(
  client: postgres.Sql | postgres.TransactionSql,
  inTransaction = false,
  retryReads = true,
): Db {
  const query: Query = (text, values, prepare) =>
    client.unsafe(text, values as postgres.ParameterOrJSON<never>[], { prepare });
  const begin = async <T>(work: (tx: Db) => Promise<T>): Promise<T> => {
    if (inTransaction) return work(postgresDb(client, true));
    try {
      return await withRetries(
        async () => (await (client as postgres.Sql).begin((tx) => work(postgresDb(tx, true)))) as T,
        false,
      );
    } catch (error) {
      throw toAppError(error, "transaction");
    }
  };
  return dbOver("postgres", query, begin, inTransaction, retryReads);
}

/** PGlite: one connection in the process, so each statement is parsed on its way (no round trip to save). */
export function pgliteDb(client: PGlite | PGliteTransaction, inTransaction = false): Db {
  const query: Query = async (text, values) => (await client.query(text, values)).rows;
  const begin = async <T>(work: (tx: Db) => Promise<T>): Promise<T> => {
    if (inTransaction) return work(pgliteDb(client, true));
    try {
      return await (client as PGlite).transaction((tx) => work(pgliteDb(tx, true)));
    } catch (error) {
      throw toAppError(error, "transaction");
    }
  };
  return dbOver("pglite", query, begin, inTransaction);
}
