export * from "./examples";
export * from "./run-action";
export * from "./seed-actions";
