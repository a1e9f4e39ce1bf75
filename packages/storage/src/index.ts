export * from "./database";
export * from "./ingest/ingest-store";
export * from "./open-database";
export { DirectoryInUseError } from "./pglite-lock";
export * from "./repositories/users";
export { addressFingerprint, agreementFingerprint } from "./repositories/write-tables";
export * as schema from "./schema";
export * from "./sources";
export type { Db } from "./sql/db";
