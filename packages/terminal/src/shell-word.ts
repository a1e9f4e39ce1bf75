/**
 * A word as a shell takes it: as it is when plain, else in single quotes. Messages that show a
 * command to copy (a path with a space, an argument with a quote) stay runnable as shown.
 */
export const shellWord = (word: string) =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
