/** The simulation as plain text for a terminal: aligned tables, both traces of each example. */
import { formatDecision } from "../../engine";
import { TRANSITION_DIMENSIONS } from "../compare";
import { describeInput } from "./input-summary";
import type { RepLoad, SimulationReport, Transition, TransitionDimension } from "../types";
import {
  count,
  DIMENSION_WORDS,
  duration,
  FIELD_WORDS,
  headline,
  NONE_WORDS,
  OWNER_NOTE,
  percent,
  plural,
  rotationNote,
  signed,
  type SimulationContext,
} from "./words";

/** Columns padded to their widest cell; columns after the first listed in `right` are right-aligned. */
export function textTable(headers: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string[] {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (right.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

const indent = (lines: string[]) => lines.map((line) => (line === "" ? "" : `  ${line}`));

function transitionLines(rows: Transition[], dimension: TransitionDimension, maxRows: number): string[] {
  const none = NONE_WORDS[dimension];
  const shown = rows.slice(0, maxRows);
  const lines = textTable(
    ["from", "to", "contacts"],
    shown.map((t) => [t.from ?? `(${none})`, t.to ?? `(${none})`, count(t.count)]),
    new Set([2]),
  );
  if (rows.length > shown.length) lines.push(`... and ${count(rows.length - shown.length)} more`);
  return lines;
}

function loadLines(rows: RepLoad[], total?: { before: number; after: number }): string[] {
  const headers = total ? ["rep", "before", "share", "after", "share", "change"] : ["rep", "before", "after", "change"];
  return textTable(
    headers,
    rows.map((row) => [
      row.rep ?? "(nobody: nurture)",
      count(row.before),
      ...(total ? [percent(row.before, total.before)] : []),
      count(row.after),
      ...(total ? [percent(row.after, total.after)] : []),
      signed(row.after - row.before),
    ]),
    new Set(headers.map((_, i) => i).slice(1)),
  );
}

/** The report as text, ending with a newline. `maxRows` caps each from → to table (default 15). */
export function renderSimulationText(
  report: SimulationReport,
  context: SimulationContext,
  options: { maxRows?: number } = {},
): string {
  const maxRows = Math.max(1, options.maxRows ?? 15);
  const out: string[] = [
    `Impact simulation: ${plural(report.contacts, "contact")} (${context.contacts})`,
    `  base: ${context.base} (version ${report.base.version})`,
    `  head: ${context.head} (version ${report.head.version})`,
  ];
  for (const note of context.notes ?? []) out.push(`  note: ${note}`);
  out.push("", headline(report.contacts, report.changed));
  if (report.rotationOnly > 0) out.push(rotationNote(report.rotationOnly));
  if (report.changed > 0) {
    const fields = Object.entries(report.fieldChanges).filter(([, n]) => n > 0);
    out.push(
      `Changed: ${fields.map(([f, n]) => `${FIELD_WORDS[f as keyof typeof FIELD_WORDS]} ${count(n)}`).join(", ")}`,
    );
    out.push(OWNER_NOTE);
    for (const dimension of TRANSITION_DIMENSIONS) {
      const rows = report.transitions[dimension];
      if (rows.length > 0)
        out.push("", `${DIMENSION_WORDS[dimension]}:`, ...indent(transitionLines(rows, dimension, maxRows)));
    }
    const touched = report.bySourceType.filter((row) => row.changed > 0);
    out.push(
      "",
      "By source type (as the base classified them):",
      ...indent(
        textTable(
          ["source type", "contacts", "changed"],
          touched.map((row) => [row.sourceType ?? "(unclassified)", count(row.contacts), count(row.changed)]),
          new Set([1, 2]),
        ),
      ),
    );
  }
  out.push("", "Load per rep:");
  if (report.load.every((row) => row.before === row.after)) out.push("  Every rep gets the same number of leads.");
  else out.push(...indent(loadLines(report.load)));
  for (const pool of report.pools) {
    if (pool.before === pool.after && pool.members.every((m) => m.before === m.after)) continue;
    out.push(
      "",
      `Pool ${pool.pool}: ${count(pool.before)} -> ${count(pool.after)} leads`,
      ...indent(loadLines(pool.members, pool)),
    );
  }
  const { policyChanges, dueShift } = report.sla;
  if (policyChanges.length > 0)
    out.push("", "SLA policy:", ...indent(transitionLines(policyChanges, "slaPolicy", maxRows)));
  if (dueShift.moved > 0) {
    out.push(
      "",
      `SLA due times move for ${count(dueShift.moved)} of ${count(dueShift.compared)} leads with an SLA in both ` +
        `(${count(dueShift.earlier)} earlier, ${count(dueShift.later)} later; mean ${duration(dueShift.meanMinutes ?? 0)}, ` +
        `from ${duration(dueShift.minMinutes ?? 0)} to ${duration(dueShift.maxMinutes ?? 0)}):`,
      ...indent(
        textTable(
          ["move", "leads"],
          dueShift.buckets.map((b) => [b.label, count(b.count)]),
          new Set([1]),
        ),
      ),
    );
  }
  if (dueShift.gained > 0) out.push("", `${plural(dueShift.gained, "lead")} gain an SLA due time.`);
  if (dueShift.lost > 0) out.push("", `${plural(dueShift.lost, "lead")} lose their SLA due time.`);
  report.examples.forEach((example, i) => {
    const title = example.label ?? `contact #${example.index + 1}`;
    out.push(
      "",
      `Example ${i + 1}: ${title}: ${example.before.rule} -> ${example.after.rule} (changed: ${example.fields.map((f) => FIELD_WORDS[f]).join(", ")})`,
      `  ${describeInput(example.input)}`,
      "  Base:",
      ...indent(indent(formatDecision(example.before).trimEnd().split("\n"))),
      "  Head:",
      ...indent(indent(formatDecision(example.after).trimEnd().split("\n"))),
    );
  });
  return out.join("\n") + "\n";
}
