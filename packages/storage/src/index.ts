export * from "./database";
export * from "./open-database";
export { DirectoryInUseError } from "./pglite-lock";
export * as schema from "./schema";
