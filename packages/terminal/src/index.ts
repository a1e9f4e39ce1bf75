export * from "./progress";
export * from "./shell-word";
