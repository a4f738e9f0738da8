/**
 * The simulation as a report document: the decision changes first, apart from the leads that only
 * went to another member of the same pool; each rep's expected share of leads per week before and
 * after; the leads each rep got in the replay; SLA moves; examples with a one-line "why" from
 * both sides. Text and Markdown are renderings of this one document (`src/report`), so every id,
 * email and contact value is escaped by the one routine there.
 */
import { formatDecision } from "../../engine";
import {
  code,
  codeBlock,
  details,
  heading,
  list,
  paragraph,
  section,
  strong,
  table,
  type Block,
  type Inline,
  type InlinePiece,
} from "../../report/doc";
import { percent as sharePercent } from "../../routing-changes/document";
import type { PoolShareChange } from "../../routing-changes/share-changes";
import { TRANSITION_DIMENSIONS, fieldValue } from "../compare";
import type { ChangeKind } from "../impact";
import type { RepLoad, RepShare, SimulationExample, SimulationReport, Transition, TransitionDimension } from "../types";
import { weeklyVolumes } from "../weekly-volume";
import { describeInput } from "./input-summary";
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
  signed,
  type SimulationContext,
} from "./words";

/** Options of {@link simulationBlocks}. */
export interface SimulationDocumentOptions {
  /** Level of the sections (2 to 4): 3 in a standalone report, 4 inside the PR comment. Default 3. */
  level?: 2 | 3 | 4;
  /** Rows shown per from → to table before "and N more". Default 15. */
  maxRows?: number;
  /** Show the expected shares (the PR comment shows them with the routing changes). Default true. */
  shares?: boolean;
}

/** What each kind of change is called in an example's title. */
export const KIND_WORDS: Record<ChangeKind, string> = {
  decision: "decision change",
  "pool-change": "pool change at work (only the member differs, in a changed pool)",
  rotation: "rotation reshuffle (only the member differs, in an unchanged pool)",
};

const id = (value: string | null, none: string): Inline => (value === null ? none : code(value));

function more(total: number, shown: number): Block[] {
  return total > shown ? [paragraph(`… and ${count(total - shown)} more rows (see --format json).`)] : [];
}

function transitionBlocks(rows: Transition[], dimension: TransitionDimension, maxRows: number): Block[] {
  const none = NONE_WORDS[dimension];
  const shown = rows.slice(0, maxRows);
  return [
    table(
      ["From", "To", "Contacts"],
      shown.map((t) => [id(t.from, none), id(t.to, none), count(t.count)]),
      ["left", "left", "right"],
    ),
    ...more(rows.length, shown.length),
  ];
}

function loadBlocks(rows: RepLoad[], maxRows: number, total?: { before: number; after: number }): Block[] {
  const shown = rows.slice(0, maxRows);
  const share = (n: number, whole: number | undefined) => (whole === undefined ? [] : [percent(n, whole)]);
  const headers = total ? ["Rep", "Before", "Share", "After", "Share", "Change"] : ["Rep", "Before", "After", "Change"];
  return [
    table(
      headers,
      shown.map((row) => [
        id(row.rep, "nobody (nurture)"),
        count(row.before),
        ...share(row.before, total?.before),
        count(row.after),
        ...share(row.after, total?.after),
        signed(row.after - row.before),
      ]),
      ["left", ...headers.slice(1).map(() => "right" as const)],
    ),
    ...more(rows.length, shown.length),
  ];
}

/** The breakdown under the headline: decision changes apart from pool changes and reshuffles. */
function breakdown(report: SimulationReport): Block[] {
  if (report.changed === 0) return [];
  const items: Inline[] = [
    [
      strong(plural(report.decisionChanges, "decision change")),
      ": another system, rule, pool or queue, SLA policy, source type or named owner.",
    ],
  ];
  if (report.poolMemberChanges > 0) {
    items.push([
      strong(`${plural(report.poolMemberChanges, "lead")} go to another member of the same pool`),
      " whose members, weights or members' availability changed: the pool change at work (see the expected shares).",
    ]);
  }
  if (report.rotationOnly > 0) {
    items.push([
      strong(plural(report.rotationOnly, "rotation reshuffle")),
      ": same rule and an unchanged pool; the rotation hands out leads in another order because other leads went elsewhere. Not a decision change.",
    ]);
  }
  return [list(items)];
}

function decisionBlocks(report: SimulationReport, level: 2 | 3 | 4, maxRows: number): Block[] {
  if (report.decisionChanges === 0) return [];
  const fields = Object.entries(report.fieldChanges).filter(([, n]) => n > 0);
  const blocks: Block[] = [
    paragraph(
      `Changed: ${fields.map(([field, n]) => `${FIELD_WORDS[field as keyof typeof FIELD_WORDS]} ${count(n)}`).join(", ")}. ${OWNER_NOTE}`,
    ),
  ];
  for (const dimension of TRANSITION_DIMENSIONS) {
    const rows = report.transitions[dimension];
    if (rows.length > 0)
      blocks.push(paragraph(strong(DIMENSION_WORDS[dimension])), ...transitionBlocks(rows, dimension, maxRows));
  }
  const touched = report.bySourceType.filter((row) => row.changed > 0);
  blocks.push(
    paragraph(strong("By source type"), " (as the base classified them)"),
    table(
      ["Source type", "Contacts", "Decision changes"],
      touched.map((row) => [id(row.sourceType, "unclassified"), count(row.contacts), count(row.changed)]),
      ["left", "right", "right"],
    ),
  );
  return [section("decisions", level, "Decision changes", blocks)];
}

function awayText(days: readonly string[]): string {
  return days.length === 0 ? "" : days.length === 1 ? days[0]! : `${days.length} days (${days[0]} to ${days.at(-1)})`;
}

/** Leads per week the replay sent to `pool` (before, after), when the replay spans at least a week. */
function weeklyVolume(report: SimulationReport, pool: string): { before: number; after: number } | null {
  const volumes = weeklyVolumes(report.span, report.pools);
  if (volumes === null) return null;
  return { before: volumes.before.get(pool) ?? 0, after: volumes.after.get(pool) ?? 0 };
}

const perWeek = (n: number): string => (n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10));

function sharePoolBlocks(pool: PoolShareChange, report: SimulationReport): Block[] {
  const names = report.expectedShares.names;
  const name = (email: string) => names[email] ?? email;
  const weight = (rep: PoolShareChange["reps"][number]) =>
    rep.before && rep.after && rep.before.weight !== rep.after.weight
      ? `${rep.before.weight} → ${rep.after.weight}`
      : String((rep.after ?? rep.before)!.weight);
  const volume = weeklyVolume(report, pool.pool);
  const leads = (rep: PoolShareChange["reps"][number]): Inline[] =>
    volume === null
      ? []
      : [
          `${rep.before ? perWeek(rep.before.share * volume.before) : "0"} → ${rep.after ? perWeek(rep.after.share * volume.after) : "0"}`,
        ];
  return [
    paragraph(
      strong(`Pool ${pool.pool}`),
      `, week of ${pool.from} to ${pool.to} (${plural(pool.days, "business day")})`,
    ),
    table(
      ["Rep", "Weight", "Before", "After", ...(volume ? ["Leads a week"] : []), "Away"],
      pool.reps.map((rep) => [
        name(rep.rep),
        weight(rep),
        rep.before ? sharePercent(rep.before.share) : "not a member",
        rep.after ? sharePercent(rep.after.share) : "not a member",
        ...leads(rep),
        [awayText(rep.after?.awayDays ?? []), cappedText(rep.after?.cappedDays ?? [])].filter((t) => t).join("; "),
      ]),
      ["left", "right", "right", "right", ...(volume ? (["right"] as const) : []), "left"],
    ),
    ...overCapacityNote(pool, volume),
  ];
}

function cappedText(days: readonly string[]): string {
  return days.length === 0 ? "" : `at capacity ${plural(days.length, "day")}`;
}

/** The pool's leads beyond its or its members' caps, when any. */
function overCapacityNote(pool: PoolShareChange, volume: { before: number; after: number } | null): Block[] {
  const { before, after } = pool.overCapacity;
  if (before < 0.0005 && after < 0.0005) return [];
  const leads = volume ? ` (${perWeek(before * volume.before)} → ${perWeek(after * volume.after)} a week)` : "";
  return [
    paragraph(
      `Beyond capacity: ${sharePercent(before)} → ${sharePercent(after)} of the pool's leads${leads} ` +
        "reach a cap and go to the rule's overflow.",
    ),
  ];
}

/** What "Leads a week" means, when the replay spans at least a week. */
function volumeNote(report: SimulationReport): Block[] {
  const { from, to } = report.span;
  if (weeklyVolumes(report.span, []) === null || from === null || to === null) return [];
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return [
    paragraph(
      `Leads a week: the share times the pool's average leads per week in the replay (${day(from)} to ${day(to)}), ` +
        "before → after.",
    ),
  ];
}

function shareSection(report: SimulationReport, level: 2 | 3 | 4): Block[] {
  const { weeks, pools } = report.expectedShares;
  if (weeks.length === 0) return [];
  const title = "Expected share of leads per week";
  if (pools.length === 0) {
    return [
      section("expected-shares", level, title, [
        paragraph(`No rep's expected share of a pool's leads changes in the weeks of ${weeks.join(" and ")}.`),
      ]),
    ];
  }
  return [
    section("expected-shares", level, title, [
      paragraph(
        "Each rep's expected share of the pool's leads over the week, before → after: weighted round robin " +
          "among the members available that business day (a rep out of office takes no leads that day), " +
          "after replacements; with a replay of at least a week, capacity caps apply to the pool's leads a week " +
          "(a rep at a cap takes no more that day or week, the others share the rest).",
      ),
      ...volumeNote(report),
      ...pools.flatMap((pool) => sharePoolBlocks(pool, report)),
    ]),
  ];
}

function reshuffleSection(report: SimulationReport, level: 2 | 3 | 4): Block[] {
  if (report.reshuffles.length === 0) return [];
  return [
    section("reshuffles", level, "Same pool, another member", [
      paragraph(
        "Leads that keep their rule and pool and only go to another member. In a changed pool that is the change " +
          "itself; in an unchanged pool the rotation only deals in another order.",
      ),
      table(
        ["Pool", "Leads", "Why"],
        report.reshuffles.map((row) => [
          code(row.pool),
          count(row.contacts),
          row.poolChanged ? "members, weights or availability changed" : "rotation order only (pool unchanged)",
        ]),
        ["left", "right", "left"],
      ),
    ]),
  ];
}

function loadSection(report: SimulationReport, level: 2 | 3 | 4, maxRows: number): Block[] {
  const moved = report.load.filter((row) => row.before !== row.after);
  const blocks: Block[] =
    report.load.length === 0
      ? [paragraph("No leads in either config.")]
      : moved.length === 0
        ? [paragraph("Every rep gets the same number of leads.")]
        : loadBlocks(report.load, Math.max(maxRows, 30));
  const out: Block[] = [section("load", level, "Leads per rep in the replay", blocks)];
  const shifted = report.pools.filter(
    (pool) => pool.before !== pool.after || pool.members.some((m) => m.before !== m.after),
  );
  if (shifted.length > 0) {
    out.push(
      section(
        "pool-shares",
        level,
        "Pool shares in the replay",
        shifted.flatMap((pool) => [
          paragraph(code(pool.pool), `: ${count(pool.before)} → ${count(pool.after)} leads`),
          ...fairnessBlocks(pool.shares, maxRows),
        ]),
      ),
    );
  }
  return out;
}

const pct = (value: number | null): string => (value === null ? "–" : `${value}%`);

/** Each member's leads, share of the pool's leads against share of its weight, and skips, before → after. */
function fairnessBlocks(rows: readonly RepShare[], maxRows: number): Block[] {
  const shown = rows.slice(0, Math.max(maxRows, 30));
  return [
    table(
      ["Rep", "Leads", "Lead share", "Weight share", "Skipped (away, capped)"],
      shown.map((row) => [
        code(row.rep),
        `${count(row.leads.before)} → ${count(row.leads.after)}`,
        `${pct(row.leadShare.before)} → ${pct(row.leadShare.after)}`,
        `${pct(row.weightShare.before)} → ${pct(row.weightShare.after)}`,
        `${count(row.skipped.before)} → ${count(row.skipped.after)}`,
      ]),
      ["left", "right", "right", "right", "right"],
    ),
    ...more(rows.length, shown.length),
  ];
}

function slaSection(report: SimulationReport, level: 2 | 3 | 4, maxRows: number): Block[] {
  const { policyChanges, dueShift } = report.sla;
  if (policyChanges.length === 0 && dueShift.moved === 0 && dueShift.gained === 0 && dueShift.lost === 0) return [];
  const blocks: Block[] = [];
  if (policyChanges.length > 0) blocks.push(...transitionBlocks(policyChanges, "slaPolicy", maxRows));
  if (dueShift.moved > 0) {
    blocks.push(
      paragraph(
        `Due times move for ${count(dueShift.moved)} of ${count(dueShift.compared)} leads with an SLA in both ` +
          `(${count(dueShift.earlier)} earlier, ${count(dueShift.later)} later; mean ${duration(dueShift.meanMinutes ?? 0)}, ` +
          `from ${duration(dueShift.minMinutes ?? 0)} to ${duration(dueShift.maxMinutes ?? 0)}).`,
      ),
      table(
        ["Move", "Leads"],
        dueShift.buckets.map((b) => [b.label, count(b.count)]),
        ["left", "right"],
      ),
    );
  }
  if (dueShift.gained > 0) blocks.push(paragraph(`${plural(dueShift.gained, "lead")} gain an SLA due time.`));
  if (dueShift.lost > 0) blocks.push(paragraph(`${plural(dueShift.lost, "lead")} lose their SLA due time.`));
  return [section("sla", level, "SLA", blocks)];
}

function shown(value: string | number | boolean | null): Inline {
  if (value === null) return "none";
  if (typeof value === "number") return code(new Date(value).toISOString().replace(".000Z", "Z"));
  return code(String(value));
}

function exampleBlocks(example: SimulationExample, n: number): Block[] {
  const { before, after } = example;
  const title = example.label === null ? `contact #${example.index + 1}` : example.label;
  const rule: InlinePiece[] =
    before.rule === after.rule
      ? [" (rule ", code(before.rule), ")"]
      : [": ", code(before.rule), " → ", code(after.rule)];
  return [
    paragraph(strong(`${n}. ${title}`), rule[0]!, ...rule.slice(1), ` — ${KIND_WORDS[example.kind]}`),
    paragraph(describeInput(example.input)),
    list([
      ["Before: ", example.why.before],
      ["After: ", example.why.after],
    ]),
    table(
      ["Changed", "Before", "After"],
      example.fields.map((field) => [
        FIELD_WORDS[field],
        shown(fieldValue(before, field)),
        shown(fieldValue(after, field)),
      ]),
    ),
    details("Both decisions with their traces", [
      paragraph("Before:"),
      codeBlock(formatDecision(before)),
      paragraph("After:"),
      codeBlock(formatDecision(after)),
    ]),
  ];
}

/** The simulation's blocks: the title as a heading one level above the sections, then the sections. */
export function simulationBlocks(
  report: SimulationReport,
  context: SimulationContext,
  options: SimulationDocumentOptions = {},
): Block[] {
  const level = options.level ?? 3;
  const maxRows = Math.max(1, options.maxRows ?? 15);
  const blocks: Block[] = [
    paragraph(
      `Replayed ${plural(report.contacts, "contact")} (${context.contacts}) through the base `,
      code(context.base),
      " (version ",
      code(report.base.version),
      ") and the head ",
      code(context.head),
      " (version ",
      code(report.head.version),
      "), rotation carried through the replay.",
    ),
    ...(context.notes ?? []).map((note) => paragraph("Note: ", note)),
    paragraph(strong(headline(report.contacts, report.changed))),
    ...breakdown(report),
    ...decisionBlocks(report, level, maxRows),
  ];
  if (options.shares !== false) blocks.push(...shareSection(report, level));
  blocks.push(
    ...reshuffleSection(report, level),
    ...loadSection(report, level, maxRows),
    ...slaSection(report, level, maxRows),
  );
  if (report.examples.length > 0) {
    blocks.push(
      section(
        "examples",
        level,
        "Examples",
        report.examples.flatMap((example, i) => exampleBlocks(example, i + 1)),
      ),
    );
  }
  return blocks;
}

/** The whole simulation report: a title, then {@link simulationBlocks}. */
export function simulationDocumentBlocks(
  report: SimulationReport,
  context: SimulationContext,
  options: SimulationDocumentOptions & { title?: string } = {},
): Block[] {
  const level = options.level ?? 3;
  return [
    heading((level - 1) as 1 | 2 | 3, options.title ?? "Impact simulation"),
    ...simulationBlocks(report, context, options),
  ];
}
