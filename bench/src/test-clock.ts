import { readDatesOf } from "./widgets";

/** The bench tests' now: data sets are anchored on its day and the widgets read as of it. */
export const TEST_NOW = new Date("2026-03-15T10:00:00Z");

/** The read dates of TEST_NOW. */
export const testDates = readDatesOf(TEST_NOW);
