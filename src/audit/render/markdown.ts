/**
 * The audit report as GitHub Markdown (issue body, step summary, report.md): drift first, then
 * the unified view, then each system's own figures. Everything that came from HubSpot records is
 * escaped by src/report/markdown.ts; charts go through `mermaid.ts`.
 */
import { operationsMarkdown } from "./operations";
import { escapeMarkdown, markdownTable, type TableCell } from "../../report/markdown";
import { AUDIT_SYSTEMS, type AuditReport } from "../model";
import { formatInstant, formatPercent, formatTrend, SYSTEM_LABELS } from "./format";
import { inboundMarkdown, outboundMarkdown, reengagementMarkdown, unclassifiedMarkdown } from "./markdown-sections";
import { barChart } from "./mermaid";

/** Drift rows listed before the rest is summarised in one line (an issue body has a size limit). */
const DRIFT_ROW_LIMIT = 50;

export interface MarkdownOptions {
  /** A hidden line placed first (the issue marker), written verbatim: never pass untrusted text. */
  marker?: string;
}

export function renderMarkdown(report: AuditReport, options: MarkdownOptions = {}): string {
  const parts: string[] = [];
  if (options.marker) parts.push(options.marker, "");
  parts.push(...header(report), ...drift(report), ...unified(report));
  parts.push(...unclassifiedMarkdown(report), ...inboundMarkdown(report), ...outboundMarkdown(report));
  parts.push(...reengagementMarkdown(report));
  if (report.operations) parts.push(...operationsMarkdown(report.operations));
  parts.push(...method());
  return (
    parts
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

/** The title of the audit issue and of the report. */
export function reportTitle(report: AuditReport): string {
  const portal = report.portalId === null ? "HubSpot" : `portal ${report.portalId}`;
  return `RouteOps audit: ${portal}`;
}

function header(report: AuditReport): string[] {
  const f = report.findings;
  const findings =
    f.drift + f.unclassified + f.slaBreaches === 0
      ? "no drift, no unclassified contacts, no SLA breaches"
      : `${f.drift} drift item(s), ${f.unclassified} unclassified contact(s), ${f.slaBreaches} SLA breach(es)`;
  return [
    `# ${reportTitle(report)}`,
    "",
    `Window ${formatInstant(report.window.from)} to ${formatInstant(report.window.to)} ` +
      `(compared with ${formatInstant(report.window.previousFrom)} to ${formatInstant(report.window.previousTo)}). ` +
      `Config version ${escapeMarkdown(report.configVersion)}. Generated ${formatInstant(report.generatedAt)} ` +
      `from ${report.contactsRead} contacts.`,
    "",
    `**Findings:** ${findings}.`,
    "",
  ];
}

function drift(report: AuditReport): string[] {
  const lines = ["## Drift: changes made outside RouteOps", ""];
  if (!report.drift.checked) {
    lines.push(
      `Managed properties and workflows were not compared (owners were): ${escapeMarkdown(report.drift.uncheckedReason ?? "not asked for")}.`,
      "",
    );
  }
  const items = report.drift.items;
  if (items.length === 0) {
    lines.push(
      report.drift.checked
        ? "No drift: HubSpot matches what `routing/` would deploy, and every active rep is an active owner."
        : "Every active rep is an active HubSpot owner.",
      "",
    );
    return lines;
  }
  lines.push(
    `${items.length} difference(s) between HubSpot and \`routing/\`. Run \`routeops plan\` to see the changes a deploy would make to put them back.`,
    "",
  );
  const rows: TableCell[][] = items
    .slice(0, DRIFT_ROW_LIMIT)
    .map((item) => [item.object.replace("_", " "), { code: item.name }, item.change, item.details.join("; ")]);
  lines.push(markdownTable(["Object", "Name", "Change", "Details"], rows));
  if (items.length > DRIFT_ROW_LIMIT)
    lines.push(`...and ${items.length - DRIFT_ROW_LIMIT} more (see report.json).`, "");
  return lines;
}

function unified(report: AuditReport): string[] {
  const u = report.unified;
  const columns = [...u.systems.map((s) => SYSTEM_LABELS[s.system]), "Total"];
  const all = [...u.systems, { system: "total" as const, ...u.totals }];
  const row = (label: string, cell: (figures: (typeof all)[number]) => TableCell): TableCell[] => [
    label,
    ...all.map(cell),
  ];
  const table = markdownTable(
    ["", ...columns],
    [
      row("Leads routed", (s) => s.volume.current),
      row("Previous window", (s) => s.volume.previous),
      row("Unowned", (s) => s.unowned),
      row("SLA met", (s) => s.sla.met),
      row("SLA breached", (s) => s.sla.breached),
      row("SLA pending", (s) => s.sla.pending),
      row("SLA compliance", (s) => formatPercent(s.sla.compliance.rate)),
      row("Opportunities", (s) => s.opportunities),
    ],
    { align: ["left", ...columns.map(() => "right" as const)] },
  );
  const lines = [
    "## Unified view",
    "",
    "Each system's figures side by side; totals are sums, and the total SLA compliance is over the summed counts.",
    "",
    table,
    `Total lead volume ${formatTrend(u.totals.volume)}. Contacts created in the window that routing never ran on: ${u.notRouted}.`,
    "",
    ...volumeCharts(report),
  ];
  return lines;
}

/** Bars a chart shows; longer windows are charted by 7-day periods. */
const CHART_BARS = 62;

function volumeCharts(report: AuditReport): string[] {
  const days = report.volume.days;
  if (days.length === 0) return [];
  const weekly = days.length > CHART_BARS;
  const periods = weekly ? sevenDayPeriods(days) : days.map((day) => ({ label: day.day.slice(5), days: [day] }));
  const unit = weekly ? "7 days" : "day";
  const lines = [`### Leads per ${unit} (UTC)`, ""];
  for (const system of AUDIT_SYSTEMS) {
    const values = periods.map((period) => period.days.reduce((sum, day) => sum + day[system], 0));
    if (values.every((value) => value === 0)) continue;
    lines.push(
      barChart(
        `${SYSTEM_LABELS[system]} leads per ${unit}`,
        periods.map((period) => period.label),
        values,
        "leads",
      ),
    );
  }
  if (lines.length === 2) lines.push("No leads were routed in the window.", "");
  return lines;
}

/** Consecutive 7-day periods from the window's first day, labelled by their first day. */
function sevenDayPeriods<T extends { day: string }>(days: T[]): { label: string; days: T[] }[] {
  const periods: { label: string; days: T[] }[] = [];
  for (let start = 0; start < days.length; start += 7) {
    const slice = days.slice(start, start + 7);
    periods.push({ label: slice[0]!.day, days: slice });
  }
  return periods;
}

function method(): string[] {
  return [
    "## How these figures are computed",
    "",
    "- Leads are contacts whose Routing routed-at falls in the window; unclassified contacts are those created in the window without a Routing Source Type.",
    "- Durations are business time on the lead's calendar (its pool's, else its queue's, else its owner's, else the default), from routed-at to HubSpot's first sales engagement; median and 90th percentile by nearest rank.",
    "- SLA: met when first engaged by the due time RouteOps recorded; breached when engaged later or not engaged and past due; pending when not engaged and not yet due (reported apart).",
    "- Conversion: lifecycle stage opportunity or customer. Outbound meetings: a meeting booked after routed-at.",
    "",
  ];
}
