export { customerActionData } from "./action-data";
export {
  DEFAULT_MONTHS,
  DEFAULT_TRANSACTIONS_PER_CUSTOMER,
  type RunContext,
  runContext,
  SAMPLE_CUSTOMERS,
  type SeedOptions,
} from "./context";
export { type Columns, columnNames, copyText, tableColumns } from "./copy-format";
export { CopyWriter } from "./copy-writer";
export {
  type DatasetStep,
  datasetSteps,
  type GenerateOptions,
  generateCustomer,
  generateDataset,
  generateTransactions,
  sampleCustomerIdsOf,
  sampleLegalEntityIdsOf,
  transactionDrawOf,
} from "./dataset";
export { seedEnvSchema } from "./env";
export {
  generateHistory,
  HISTORY_FIRST_INDEX,
  HISTORY_YEARS,
  type HistoryOptions,
  historyCounts,
  historyCustomerIdOf,
} from "./history";
export {
  DATA_TABLES,
  SeedConflictError,
  type SeedDatabaseOptions,
  type SeedProgress,
  type SeedResult,
  seedDatabase,
} from "./load";
export { describeSeedProgress } from "./progress";
export * from "./records";
export { customerIdOf } from "./rng";
export { TRANSACTION_INDICATORS, TRANSACTION_KINDS, type TransactionKind } from "./transaction-kinds";
export {
  type TransactionDraw,
  transactionRowsOf,
  writeTransactionsCopy,
} from "./transactions";
export { PROFITABILITY_INDICATORS } from "./vocab";
