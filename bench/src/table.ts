/** Cells and plain-text tables for the printed report: one way to write a figure in every section. */

export const int = (n: number | null | undefined): string =>
  n == null || !Number.isFinite(n) ? "—" : Math.round(n).toLocaleString("en-US");

/** Milliseconds: two decimals below 10, one above. */
export const ms = (n: number | null | undefined): string =>
  n == null || !Number.isFinite(n) ? "—" : n.toFixed(n < 10 ? 2 : 1);

export const times = (n: number | null | undefined): string => (n == null ? "—" : `${n.toFixed(2)}×`);

export const cpu = (n: number | null | undefined): string =>
  n == null || !Number.isFinite(n) ? "—" : n.toFixed(2);

/** Columns padded to their widest cell: the first left-aligned (labels), the rest right-aligned (figures). */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "),
    )
    .join("\n");
}
