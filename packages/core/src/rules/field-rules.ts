/**
 * Every field rule and builder in one namespace (`fieldRules.amount`, `fieldRules.required`), so
 * their short names never clash with other exports of the package.
 */
export * from "./address";
export * from "./application";
export * from "./contact";
export * from "./dates";
export * from "./field";
export * from "./money";
export * from "./option-sets";
export * from "./system-id";
export * from "./text";
export * from "./validation";
