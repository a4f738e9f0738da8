/**
 * The simulation as GitHub Markdown, for the pull-request comment and job summaries. Ids, emails
 * and labels come from configs and contacts a PR author controls, so every one of them is a code
 * span or escaped text; traces go into fenced blocks longer than any backtick run they hold.
 */
import { formatDecision } from "../../engine";
import { escapeMarkdown, inlineCode, markdownTable, toSingleLine, type TableCell } from "../../report/markdown";
import { TRANSITION_DIMENSIONS } from "../compare";
import { describeInput } from "./input-summary";
import type { RepLoad, SimulationExample, SimulationReport, Transition, TransitionDimension } from "../types";
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

/** Options of {@link renderSimulationMarkdown}. */
export interface SimulationMarkdownOptions {
  /** Level of the top heading (2 to 5). Default 3. */
  level?: number;
  /** Rows shown per table before "and N more". Default 15. */
  maxRows?: number;
  /** Heading text. Default `Impact simulation`. */
  title?: string;
}

const id = (value: string | null, none: string): TableCell => (value === null ? none : { code: value });

function more(total: number, shown: number): string[] {
  return total > shown ? [``, `… and ${count(total - shown)} more rows (see \`--format json\`).`] : [];
}

function transitionTable(rows: Transition[], dimension: TransitionDimension, maxRows: number): string[] {
  const none = NONE_WORDS[dimension];
  const shown = rows.slice(0, maxRows);
  const table = markdownTable(
    ["From", "To", "Contacts"],
    shown.map((t) => [id(t.from, none), id(t.to, none), count(t.count)]),
    { align: ["left", "left", "right"] },
  );
  return [table.trimEnd(), ...more(rows.length, shown.length)];
}

function loadTable(rows: RepLoad[], maxRows: number, total?: { before: number; after: number }): string[] {
  const shown = rows.slice(0, maxRows);
  const share = (n: number, whole: number | undefined) => (whole === undefined ? [] : [percent(n, whole)]);
  const headers = total ? ["Rep", "Before", "Share", "After", "Share", "Change"] : ["Rep", "Before", "After", "Change"];
  const table = markdownTable(
    headers,
    shown.map((row) => [
      id(row.rep, "nobody (nurture)"),
      count(row.before),
      ...share(row.before, total?.before),
      count(row.after),
      ...share(row.after, total?.after),
      signed(row.after - row.before),
    ]),
    { align: ["left", ...headers.slice(1).map(() => "right" as const)] },
  );
  return [table.trimEnd(), ...more(rows.length, shown.length)];
}

/** A fenced code block that nothing inside can close. */
export function fencedBlock(text: string, info = "text"): string {
  const lines = text.replace(/\n+$/, "").split("\n").map(toSingleLine);
  let longest = 2;
  for (const line of lines) for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  return [`${fence}${info}`, ...lines, fence].join("\n");
}

function exampleLines(example: SimulationExample, n: number): string[] {
  const { before, after } = example;
  const title = example.label === null ? `contact #${example.index + 1}` : example.label;
  const lines = [
    `**${n}. ${escapeMarkdown(title)}**: ${inlineCode(before.rule)} → ${inlineCode(after.rule)}; ${escapeMarkdown(describeInput(example.input))}`,
    "",
  ];
  const show = (value: unknown): TableCell => {
    if (value === null || value === undefined) return "none";
    if (typeof value === "number") return { code: new Date(value).toISOString().replace(".000Z", "Z") };
    return { code: String(value) };
  };
  const value = (decision: typeof before, field: SimulationExample["fields"][number]) =>
    field === "owner" ? (decision.owner ?? decision.rotationPick) : decision[field];
  lines.push(
    markdownTable(
      ["Changed", "Base", "Head"],
      example.fields.map((field) => [FIELD_WORDS[field], show(value(before, field)), show(value(after, field))]),
    ).trimEnd(),
    "",
    "<details><summary>Both decisions with their traces</summary>",
    "",
    "Base:",
    "",
    fencedBlock(formatDecision(before)),
    "",
    "Head:",
    "",
    fencedBlock(formatDecision(after)),
    "",
    "</details>",
    "",
  );
  return lines;
}

/** The report as Markdown, ending with a newline. */
export function renderSimulationMarkdown(
  report: SimulationReport,
  context: SimulationContext,
  options: SimulationMarkdownOptions = {},
): string {
  const level = Math.min(5, Math.max(2, options.level ?? 3));
  const h = "#".repeat(level);
  const h2 = "#".repeat(level + 1);
  const maxRows = Math.max(1, options.maxRows ?? 15);
  const out: string[] = [`${h} ${escapeMarkdown(options.title ?? "Impact simulation")}`, ""];
  out.push(
    `Replayed ${plural(report.contacts, "contact")} (${escapeMarkdown(context.contacts)}) through the base ` +
      `${inlineCode(context.base)} (version ${inlineCode(report.base.version)}) and the head ` +
      `${inlineCode(context.head)} (version ${inlineCode(report.head.version)}), rotation carried through the replay.`,
    "",
  );
  for (const note of context.notes ?? []) out.push(`> ${escapeMarkdown(note)}`, "");
  const rotation = rotationNote(report.rotationOnly);
  out.push(
    `**${escapeMarkdown(headline(report.contacts, report.changed))}**${rotation ? ` ${escapeMarkdown(rotation)}` : ""}`,
    "",
  );
  if (report.changed > 0) {
    const fields = Object.entries(report.fieldChanges).filter(([, n]) => n > 0);
    out.push(
      `Changed: ${fields.map(([field, n]) => `${FIELD_WORDS[field as keyof typeof FIELD_WORDS]} ${count(n)}`).join(", ")}. ${OWNER_NOTE}`,
      "",
    );
    out.push(`${h2} How decisions move`, "");
    for (const dimension of TRANSITION_DIMENSIONS) {
      const rows = report.transitions[dimension];
      if (rows.length === 0) continue;
      out.push(`**${DIMENSION_WORDS[dimension]}**`, "", ...transitionTable(rows, dimension, maxRows), "");
    }
    const touched = report.bySourceType.filter((row) => row.changed > 0);
    out.push(
      `${h2} By source type`,
      "",
      markdownTable(
        ["Source type (base)", "Contacts", "Changed"],
        touched.map((row) => [id(row.sourceType, "unclassified"), count(row.contacts), count(row.changed)]),
        { align: ["left", "right", "right"] },
      ).trimEnd(),
      "",
    );
  }
  const moved = report.load.filter((row) => row.before !== row.after);
  out.push(`${h2} Load per rep`, "");
  if (report.load.length === 0) out.push("No leads in either config.", "");
  else if (moved.length === 0) out.push("Every rep gets the same number of leads.", "");
  else out.push(...loadTable(report.load, Math.max(maxRows, 30)), "");
  const shifted = report.pools.filter(
    (pool) => pool.before !== pool.after || pool.members.some((m) => m.before !== m.after),
  );
  if (shifted.length > 0) {
    out.push(`${h2} Pool shares`, "");
    for (const pool of shifted) {
      out.push(
        `${inlineCode(pool.pool)}: ${count(pool.before)} → ${count(pool.after)} leads`,
        "",
        ...loadTable(pool.members, maxRows, pool),
        "",
      );
    }
  }
  out.push(...slaLines(report, h2, maxRows));
  if (report.examples.length > 0) {
    out.push(`${h2} Examples`, "");
    report.examples.forEach((example, i) => out.push(...exampleLines(example, i + 1)));
  }
  return out.join("\n").replace(/\n+$/, "") + "\n";
}

function slaLines(report: SimulationReport, h2: string, maxRows: number): string[] {
  const { policyChanges, dueShift } = report.sla;
  if (policyChanges.length === 0 && dueShift.moved === 0 && dueShift.gained === 0 && dueShift.lost === 0) return [];
  const out = [`${h2} SLA`, ""];
  if (policyChanges.length > 0) out.push(...transitionTable(policyChanges, "slaPolicy", maxRows), "");
  if (dueShift.moved > 0) {
    out.push(
      `Due times move for ${count(dueShift.moved)} of ${count(dueShift.compared)} leads with an SLA in both ` +
        `(${count(dueShift.earlier)} earlier, ${count(dueShift.later)} later; mean ${duration(dueShift.meanMinutes ?? 0)}, ` +
        `from ${duration(dueShift.minMinutes ?? 0)} to ${duration(dueShift.maxMinutes ?? 0)}).`,
      "",
      markdownTable(
        ["Move", "Leads"],
        dueShift.buckets.map((b) => [b.label, count(b.count)]),
        { align: ["left", "right"] },
      ).trimEnd(),
      "",
    );
  }
  if (dueShift.gained > 0) out.push(`${plural(dueShift.gained, "lead")} gain an SLA due time.`, "");
  if (dueShift.lost > 0) out.push(`${plural(dueShift.lost, "lead")} lose their SLA due time.`, "");
  return out;
}
