export { type Columns, columnNames, copyText, tableColumns } from "./copy-format";
export { sampleCustomerIdsOf } from "./dataset";
export { seedEnvSchema } from "./env";
export { generateHistory, HISTORY_FIRST_INDEX, historyCounts, historyCustomerIdOf } from "./history";
export { type SeedProgress, type SeedResult, seedDatabase } from "./load";
export { describeSeedProgress } from "./progress";
export * from "./records";
export { customerIdOf } from "./rng";
export { PROFITABILITY_INDICATORS } from "./vocab";
