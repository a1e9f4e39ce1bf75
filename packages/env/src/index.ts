export * from "./database-env";
export * from "./settings";
