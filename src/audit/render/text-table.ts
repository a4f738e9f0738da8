/**
 * Aligned columns for a terminal. Cells pass through `toSingleLine`, which drops control
 * characters, so text from HubSpot records cannot move the cursor or recolour the terminal.
 */
import { toSingleLine } from "../../report/markdown";

export type TextCell = string | number;

/** Columns are right-aligned (figures) except the first; `align` says otherwise per column. */
export function textTable(headers: string[], rows: TextCell[][], align?: ("left" | "right")[]): string {
  const clean = (cell: TextCell): string => toSingleLine(String(cell));
  const all = [headers.map(clean), ...rows.map((row) => row.map(clean))];
  const widths = headers.map((_, column) => Math.max(...all.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]): string =>
    row
      .map((cell, column) =>
        (align?.[column] ?? (column === 0 ? "left" : "right")) === "right"
          ? cell.padStart(widths[column] ?? 0)
          : cell.padEnd(widths[column] ?? 0),
      )
      .join("  ")
      .trimEnd();
  return (
    all.map((row, index) => "  " + line(row) + (index === 0 ? "\n  " + "-".repeat(line(row).length) : "")).join("\n") +
    "\n"
  );
}
