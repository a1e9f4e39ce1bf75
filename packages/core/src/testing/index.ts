export * from "./examples";
export * from "./run-action";
