/**
 * The pull-request comment: one Markdown body with a hidden marker (so that every push updates
 * the same comment), a summary table, then validation, fixture tests, the plan, the impact
 * simulation and the routing graph. Each part arrives already worked out, or with the reason it
 * is missing; nothing here reads a file, git, GitHub or HubSpot.
 */
import { countDiagnostics, type Diagnostic } from "../../config/diagnostics";
import type { Plan } from "../../deploy";
import { planSectionBlock } from "../../deploy";
import { code, heading, paragraph, section, table, type Block, type ReportDocument } from "../../report/doc";
import { fitMarkdown, type FittedMarkdown } from "../../report/fit";
import { escapeMarkdown, inlineCode, markdownTable } from "../../report/markdown";
import { renderMarkdown } from "../../report/render-markdown";
import { routingReportBlocks, type PoolShareChange, type RoutingChanges } from "../../routing-changes";
import { simulationBlocks } from "../render/document";
import { plural, type SimulationContext } from "../render/words";
import type { SimulationReport } from "../types";
import { planSummaryText } from "./plan-file";
import type { TestResults } from "./test-results";

/** The marker GitHub comments are found by (`hiddenMarker("pr-report")` of the GitHub adapter). */
export const PR_REPORT_MARKER = "<!-- routeops:pr-report -->";

/** A part of the report, or why it is not there (`problem`: something went wrong; `skipped`: by design). */
export type ReportPart<T> = ({ status: "ok" } & T) | { status: "problem" | "skipped"; reason: string };

/** Everything the comment shows. */
export interface PullRequestReport {
  /** The head config as given (`routing/index.ts`) and its version when it loaded. */
  head: { config: string; version: string | null };
  /** How the base is named (`a1b2c3d`, `merge base with origin/main (a1b2c3d)`). */
  base: string;
  /** Diagnostics of the head config (errors stop the parts that need a valid config). */
  validation: Diagnostic[];
  /** The routing changes against the base, in the routing's words, with each rep's expected share. */
  routing: ReportPart<{ changes: RoutingChanges; shares: PoolShareChange[]; repName: (email: string) => string }>;
  tests: ReportPart<{ results: TestResults; source: string }>;
  plan: ReportPart<{ plan: Plan }>;
  simulation: ReportPart<{ report: SimulationReport; context: SimulationContext }>;
  /** The graph's Markdown (`graphMarkdown` with the base) and how many changes it highlights. */
  graph: ReportPart<{ markdown: string; changes: number | null }>;
}

const PASS = "✅";
const FAIL = "❌";
const NOTE = "➖";

function diagnosticsTable(diagnostics: readonly Diagnostic[]): string {
  return markdownTable(
    ["Severity", "Where", "Problem"],
    diagnostics.map((d) => [
      d.severity,
      d.file === undefined
        ? d.path === ""
          ? ""
          : { code: d.path }
        : { code: `${d.file}${d.line ? `:${d.line}` : ""}` },
      `${d.path === "" ? "" : `${d.path}: `}${d.message} [${d.code}]`,
    ]),
  ).trimEnd();
}

function validationRow(diagnostics: readonly Diagnostic[]): [string, string] {
  const { errors, warnings } = countDiagnostics(diagnostics);
  const words = `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
  return [errors > 0 ? FAIL : PASS, words];
}

function testsRow(part: PullRequestReport["tests"]): [string, string] {
  if (part.status !== "ok") return [part.status === "problem" ? FAIL : NOTE, part.reason];
  const results = part.results;
  if (results.kind === "invalid-config") return [FAIL, "not run: the config does not validate"];
  const { passed, failed, skipped } = results.summary;
  const text = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}; routing coverage ${results.coverage.percent}%`;
  return [results.ok ? PASS : FAIL, text];
}

function testsSection(part: PullRequestReport["tests"]): string[] {
  const out: string[] = [];
  if (part.status !== "ok") return [...out, escapeMarkdown(part.reason), ""];
  const results = part.results;
  if (results.kind === "invalid-config") {
    return [...out, "Not run: the config does not validate.", "", diagnosticsTable(results.diagnostics), ""];
  }
  const { coverage } = results;
  out.push(
    `${escapeMarkdown(testsRow(part)[1])} (${coverage.reached} of ${coverage.total} rules reached by a fixture${
      coverage.minimum === null ? "" : `, minimum ${coverage.minimum}%`
    }; ${escapeMarkdown(part.source)}).`,
    "",
  );
  if (coverage.unreached.length > 0) {
    out.push(`Rules no fixture reaches: ${coverage.unreached.map((rule) => inlineCode(rule)).join(", ")}.`, "");
  }
  if (results.failures.length > 0) {
    const shown = results.failures.slice(0, 30);
    out.push(
      markdownTable(
        ["Fixture", "Name", "What failed"],
        shown.map((f) => [
          { code: f.line === null ? f.file : `${f.file}:${f.line}` },
          f.name ?? "",
          f.details.join("; "),
        ]),
      ).trimEnd(),
      "",
    );
    if (results.failures.length > shown.length) {
      out.push(`… and ${results.failures.length - shown.length} more failing fixtures (see the job's log).`, "");
    }
  }
  return out;
}

function partRow<T>(part: ReportPart<T>, ok: (part: T) => string): [string, string] {
  if (part.status === "ok") return [PASS, ok(part)];
  return [part.status === "problem" ? FAIL : NOTE, part.reason];
}

/** `3 routing changes`, for the summary table. */
function routingRow(part: PullRequestReport["routing"]): [string, string] {
  if (part.status !== "ok") return [part.status === "problem" ? FAIL : NOTE, part.reason];
  const changes = part.changes.changes.length;
  const pools = new Set(part.shares.map((pool) => pool.pool)).size;
  return [
    PASS,
    changes === 0
      ? "no routing changes"
      : `${plural(changes, "routing change")}${pools > 0 ? `; expected shares move in ${plural(pools, "pool")}` : ""}`,
  ];
}

/** Markdown of a part rendered elsewhere, without its own top heading (the section gives one). */
function withoutHeading(markdown: string): string {
  return markdown.replace(/^#{1,6} [^\n]*\n+/, "");
}

/** The comment as a report document: the routing changes always in full, the rest folded as needed. */
export function pullRequestDocument(report: PullRequestReport): ReportDocument {
  const version = report.head.version === null ? [] : [" (version ", code(report.head.version), ")"];
  const rows: [string, string, string][] = [
    ["Validation", ...validationRow(report.validation)],
    ["Routing changes", ...routingRow(report.routing)],
    ["Fixture tests", ...testsRow(report.tests)],
    ["Plan against HubSpot", ...partRow(report.plan, (p) => planSummaryText(p.plan))],
    [
      "Impact simulation",
      ...partRow(report.simulation, (s) => {
        const { contacts, changed, decisionChanges } = s.report;
        const member = changed - decisionChanges;
        const what =
          changed === 0
            ? "no decision changes"
            : `${plural(decisionChanges, "decision change")}` +
              (member > 0 ? `, ${plural(member, "lead")} only to another member of the same pool` : "");
        return `${what} (${plural(contacts, "contact")}: ${s.context.contacts})`;
      }),
    ],
    [
      "Routing graph",
      ...partRow(report.graph, (g) =>
        g.changes === null
          ? "drawn without a base"
          : g.changes === 0
            ? "no routing changes"
            : `${plural(g.changes, "routing change")} highlighted`,
      ),
    ],
  ];
  const routing: Block[] =
    report.routing.status === "ok"
      ? routingReportBlocks(report.routing.changes, report.routing.shares, report.routing.repName, report.base)
      : [paragraph(report.routing.reason)];
  const prerendered = (markdown: string): Block => ({
    type: "prerendered",
    markdown: withoutHeading(markdown),
    text: markdown,
  });
  const blocks: Block[] = [
    heading(2, "RouteOps: routing check"),
    paragraph("Config ", code(report.head.config), ...version, ", compared with ", code(report.base), "."),
    table(["Check", "", "Result"], rows, ["left", "center", "left"]),
    section("routing", 3, "Routing changes", routing),
    section("validation", 3, "Validation", [
      report.validation.length === 0
        ? paragraph("The config validates with no findings.")
        : prerendered(diagnosticsTable(report.validation)),
    ]),
    section("tests", 3, "Fixture tests", [prerendered(testsSection(report.tests).join("\n"))], {
      fold: true,
      omittable: true,
    }),
    report.plan.status === "ok"
      ? planSectionBlock(report.plan.plan)
      : section("plan", 3, "RouteOps plan", [paragraph(report.plan.reason)]),
    report.simulation.status === "ok"
      ? section(
          "simulation",
          3,
          "Impact simulation",
          simulationBlocks(report.simulation.report, report.simulation.context, { level: 4, shares: false }),
          { fold: true, omittable: true },
        )
      : section("simulation", 3, "Impact simulation", [paragraph(report.simulation.reason)]),
    report.graph.status === "ok"
      ? section("graph", 3, "Routing graph", [prerendered(report.graph.markdown)], { fold: true, omittable: true })
      : section("graph", 3, "Routing graph", [paragraph(report.graph.reason)]),
  ];
  return { marker: PR_REPORT_MARKER, blocks };
}

/** The whole comment, starting with the marker and ending with a newline. */
export function renderPullRequestReport(report: PullRequestReport): string {
  return renderMarkdown(pullRequestDocument(report));
}

/** Where the full report is when the comment had to be shortened. */
export const FULL_REPORT_HINT =
  "The full report is in the job summary of the workflow run and in its routeops-pr-report artifact.";

/**
 * The comment within GitHub's 65,536 characters: the routing changes always in full; tests,
 * the HubSpot objects, the simulation and the graph folded, then left out (largest first) with
 * a note saying where the full report is.
 */
export function fitPullRequestReport(report: PullRequestReport, limit?: number): FittedMarkdown {
  return fitMarkdown(pullRequestDocument(report), {
    fullReportHint: FULL_REPORT_HINT,
    ...(limit !== undefined ? { limit } : {}),
  });
}
