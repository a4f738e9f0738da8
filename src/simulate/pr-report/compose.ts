/**
 * The pull-request comment: one Markdown body with a hidden marker (so that every push updates
 * the same comment), a summary table, then validation, fixture tests, the plan, the impact
 * simulation and the routing graph. Each part arrives already worked out, or with the reason it
 * is missing; nothing here reads a file, git, GitHub or HubSpot.
 */
import { countDiagnostics, type Diagnostic } from "../../config/diagnostics";
import type { Plan } from "../../deploy";
import { escapeMarkdown, inlineCode, markdownTable } from "../../report/markdown";
import { renderSimulationMarkdown } from "../render/markdown";
import { count, plural, type SimulationContext } from "../render/words";
import type { SimulationReport } from "../types";
import { planSection, planSummaryText } from "./plan-file";
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
  const out = ["### Fixture tests", ""];
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

/** The whole comment, starting with the marker and ending with a newline. */
export function renderPullRequestReport(report: PullRequestReport): string {
  const e = escapeMarkdown;
  const version = report.head.version === null ? "" : ` (version ${inlineCode(report.head.version)})`;
  const out = [
    PR_REPORT_MARKER,
    "## RouteOps: routing check",
    "",
    `Config ${inlineCode(report.head.config)}${version}, compared with ${inlineCode(report.base)}.`,
    "",
  ];
  const rows: [string, string, string][] = [
    ["Validation", ...validationRow(report.validation)],
    ["Fixture tests", ...testsRow(report.tests)],
    ["Plan against HubSpot", ...partRow(report.plan, (p) => planSummaryText(p.plan))],
    [
      "Impact simulation",
      ...partRow(report.simulation, (s) => {
        const { contacts, changed } = s.report;
        const what = changed === 0 ? "no decision changes" : `${count(changed)} of ${count(contacts)} decisions change`;
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
  out.push(markdownTable(["Check", "", "Result"], rows, { align: ["left", "center", "left"] }).trimEnd(), "");

  out.push("### Validation", "");
  if (report.validation.length === 0) out.push("The config validates with no findings.", "");
  else out.push(diagnosticsTable(report.validation), "");

  out.push(...testsSection(report.tests));

  if (report.plan.status === "ok") out.push(planSection(report.plan.plan).trimEnd(), "");
  else out.push("### RouteOps plan", "", e(report.plan.reason), "");

  if (report.simulation.status === "ok") {
    out.push(renderSimulationMarkdown(report.simulation.report, report.simulation.context).trimEnd(), "");
  } else out.push("### Impact simulation", "", e(report.simulation.reason), "");

  if (report.graph.status === "ok") out.push(report.graph.markdown.trimEnd(), "");
  else out.push("### Routing graph", "", e(report.graph.reason), "");

  return out.join("\n").replace(/\n+$/, "") + "\n";
}
