/**
 * The per-system sections of the Markdown report: unclassified contacts, inbound, outbound and
 * re-engagement health. Each system stands on its own: no figure here blends two systems.
 */
import { markdownTable, type TableCell } from "../../report/markdown";
import type { AuditReport, SlaCounts, UnclassifiedGroup, UnownedCounts } from "../model";
import { formatChange, formatCredit, formatRate, formatStats, formatTrend } from "./format";
import { examplesCell } from "./markdown-cells";
import { barChart, pieChart } from "./mermaid";

const right = "right" as const;

export function unclassifiedMarkdown(report: AuditReport): string[] {
  const section = report.unclassified;
  const lines = ["## Unclassified contacts", ""];
  lines.push(
    `Contacts created in the window without a Routing Source Type: ${formatTrend(section.trend)}. ` +
      "They fall through the classification layer: find the form, import or integration that created them and give it a source type.",
    "",
  );
  if (section.groups.length === 0) return lines;
  lines.push(
    markdownTable(
      ["Original source", "Drill-down 1", "Drill-down 2", "This window", "Previous", "Change", "Examples"],
      section.groups.map((group) => [
        group.source ?? "(unknown)",
        group.detail1 ?? "",
        group.detail2 ?? "",
        group.trend.current,
        group.trend.previous,
        formatChange(group.trend),
        examplesCell(group.examples),
      ]),
      { align: ["left", "left", "left", right, right, right, "left"] },
    ),
  );
  if (section.otherGroups.contacts > 0) {
    lines.push(`...and ${section.otherGroups.contacts} more in ${section.otherGroups.groups} smaller group(s).`, "");
  }
  if (section.trend.current > 0) {
    const slices = section.groups.map((group) => ({ label: groupLabel(group), value: group.trend.current }));
    slices.push({ label: "other", value: section.otherGroups.contacts });
    lines.push(pieChart("Unclassified contacts by original source", slices));
  }
  return lines;
}

function groupLabel(group: UnclassifiedGroup): string {
  return [group.source ?? "unknown", group.detail1, group.detail2].filter((part) => part).join(" / ");
}

export function inboundMarkdown(report: AuditReport): string[] {
  const s = report.inbound;
  const [median, p90] = formatStats(s.speedToLead);
  const lines = [
    "## Inbound routing health",
    "",
    `${s.leads} inbound lead(s). ${unownedLine(s.unowned)}`,
    "",
    "### Speed to lead",
    "",
    `Median ${median}, 90th percentile ${p90} (business time, ${s.speedToLead.count} engaged lead(s); ` +
      `${s.speedToLead.notEngaged} not engaged yet; ${s.speedToLead.notMeasurable} engaged before routing).`,
    "",
  ];
  if (s.speedToLead.count > 0) {
    lines.push(
      barChart(
        "Inbound speed to lead",
        s.speedToLead.buckets.map((bucket) => bucket.label),
        s.speedToLead.buckets.map((bucket) => bucket.count),
        "leads",
      ),
    );
  }
  lines.push(
    markdownTable(
      ["Source type", "Engaged", "Median", "90th percentile"],
      s.speedBySourceType.map((row) => [{ code: row.sourceType }, row.stats.count, ...formatStats(row.stats)]),
      { align: ["left", right, right, right] },
    ),
    "### SLA compliance by source type",
    "",
    slaTable(
      s.slaBySourceType.map((row) => ({ label: { code: row.sourceType }, sla: row.sla })),
      s.sla,
    ),
    "### Conversion to opportunity by source type",
    "",
    markdownTable(
      ["Source type", "Leads", "Opportunities", "Conversion"],
      [
        ...s.conversionBySourceType.map((row): TableCell[] => [
          { code: row.sourceType },
          row.conversion.denominator,
          row.conversion.numerator,
          formatRate(row.conversion),
        ]),
        ["All inbound", s.conversion.denominator, s.conversion.numerator, formatRate(s.conversion)],
      ],
      { align: ["left", right, right, right] },
    ),
  );
  return lines;
}

export function outboundMarkdown(report: AuditReport): string[] {
  const s = report.outbound;
  const f = s.followUp;
  const lines = [
    "## Outbound routing health",
    "",
    `${s.leads} outbound lead(s). ${unownedLine(s.unowned)}`,
    "",
    "### Sequence reply response time by rep",
    "",
  ];
  lines.push(
    s.replyResponseByRep.length === 0
      ? "No sequence replies in the window.\n"
      : markdownTable(
          ["Rep", "Replies", "Answered", "Awaiting", "Median", "90th percentile"],
          s.replyResponseByRep.map((rep) => [
            rep.name,
            rep.replies,
            rep.stats.count,
            rep.awaiting,
            ...formatStats(rep.stats),
          ]),
          { align: ["left", right, right, right, right, right] },
        ),
    `### No follow-up within ${f.businessDays} business days`,
    "",
    `${f.withoutFollowUp} outbound lead(s) had no engagement or sequence enrollment within ${f.businessDays} business days ` +
      `of routing (${formatRate(f.missed)} of those whose window has ended); ${f.withFollowUp} were followed up; ` +
      `${f.pending} still inside the window.`,
    "",
  );
  if (f.examples.length > 0) {
    lines.push(markdownTable(["Examples"], [[examplesCell(f.examples)]]));
  }
  lines.push(
    "### Meetings booked",
    "",
    markdownTable(
      ["Rep", "Contacts", "Meetings", "Conversion"],
      s.meetingsByRep.map((rep) => [
        rep.name,
        rep.conversion.denominator,
        rep.conversion.numerator,
        formatRate(rep.conversion),
      ]),
      { align: ["left", right, right, right] },
    ),
    markdownTable(
      ["Territory", "Contacts", "Meetings", "Conversion"],
      s.meetingsByTerritory.map((row) => [
        { code: row.territory },
        row.conversion.denominator,
        row.conversion.numerator,
        formatRate(row.conversion),
      ]),
      { align: ["left", right, right, right] },
    ),
    "### Outbound SLA",
    "",
    slaTable([], s.sla),
  );
  return lines;
}

export function reengagementMarkdown(report: AuditReport): string[] {
  const s = report.reengagement;
  const a = s.attribution;
  const lines = [
    "## Re-engagement",
    "",
    `${s.leads} re-engagement lead(s). ${unownedLine(s.unowned)} Conversion ${formatRate(s.conversion)}, ` +
      `against ${formatRate(s.pureInboundConversion)} for pure inbound leads.`,
    "",
  ];
  if (s.byMonth.length > 0) {
    lines.push(
      markdownTable(
        ["Month (UTC)", "Leads"],
        s.byMonth.map((month) => [month.month, month.leads]),
        { align: ["left", right] },
      ),
    );
  }
  lines.push(
    `Conversion credit: ${a.originalRep}% to the original outbound rep, ${a.handler}% to the rep who handled the lead.`,
    "",
  );
  if (a.credits.length > 0) {
    lines.push(
      markdownTable(
        ["Rep", "As original rep", "As handler", "Credited conversions"],
        a.credits.map((credit) => [
          credit.name,
          formatCredit(credit.asOriginalRep),
          formatCredit(credit.asHandler),
          formatCredit(credit.total),
        ]),
        { align: ["left", right, right, right] },
      ),
    );
  }
  lines.push("### Re-engagement SLA", "", slaTable([], s.sla));
  return lines;
}

function unownedLine(unowned: UnownedCounts): string {
  return (
    `Unowned: ${unowned.total} (${unowned.noOwner} without an owner, ${unowned.deactivatedOwner} with a deactivated owner)` +
    (unowned.nurture > 0 ? `; ${unowned.nurture} in nurture, which has no owner by design.` : ".")
  );
}

function slaTable(rows: { label: TableCell; sla: SlaCounts }[], total: SlaCounts): string {
  const cells = (sla: SlaCounts): TableCell[] => [
    sla.met,
    sla.breached,
    sla.pending,
    sla.noSla,
    sla.notMeasurable,
    formatRate(sla.compliance),
  ];
  return markdownTable(
    ["", "Met", "Breached", "Pending", "No SLA", "Not measurable", "Compliance"],
    [...rows.map((row) => [row.label, ...cells(row.sla)]), ["All", ...cells(total)]],
    { align: ["left", right, right, right, right, right, right] },
  );
}
