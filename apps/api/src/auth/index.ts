export * from "./auth-service";
export * from "./roles";
