/**
 * The audit report for a terminal: the same sections as the Markdown report, as aligned plain
 * text without charts. Text from HubSpot records is reduced to one line of printable characters.
 */
import { toSingleLine } from "../../report/markdown";
import type { AuditReport, SlaCounts, UnownedCounts } from "../model";
import {
  formatChange,
  formatCredit,
  formatInstant,
  formatPercent,
  formatRate,
  formatStats,
  formatTrend,
  SYSTEM_LABELS,
} from "./format";
import { operationsText } from "./operations";
import { textTable, type TextCell } from "./text-table";

export function renderText(report: AuditReport): string {
  const out: string[] = [];
  const f = report.findings;
  out.push(
    `RouteOps audit${report.portalId === null ? "" : ` of portal ${report.portalId}`}`,
    `Window ${formatInstant(report.window.from)} to ${formatInstant(report.window.to)}, ` +
      `previous ${formatInstant(report.window.previousFrom)} to ${formatInstant(report.window.previousTo)}`,
    `Config ${toSingleLine(report.configVersion)}, ${report.contactsRead} contacts read, generated ${formatInstant(report.generatedAt)}`,
    `Findings: ${f.drift} drift, ${f.unclassified} unclassified, ${f.slaBreaches} SLA breaches`,
    "",
  );

  out.push("Drift (changes made outside RouteOps)");
  if (!report.drift.checked) {
    out.push(
      `  Managed properties and workflows were not compared (owners were): ${toSingleLine(report.drift.uncheckedReason ?? "not asked for")}.`,
    );
  }
  if (report.drift.items.length === 0) out.push("  No drift.", "");
  else {
    out.push(
      textTable(
        ["Object", "Name", "Change", "Details"],
        report.drift.items.map((item) => [item.object, item.name, item.change, item.details.join("; ")]),
        ["left", "left", "left", "left"],
      ),
    );
  }

  const u = report.unified;
  const all = [...u.systems, { system: "total" as const, ...u.totals }];
  const row = (label: string, cell: (s: (typeof all)[number]) => TextCell): TextCell[] => [label, ...all.map(cell)];
  out.push(
    "Unified view (per system; totals are sums)",
    textTable(
      ["", ...u.systems.map((s) => SYSTEM_LABELS[s.system]), "Total"],
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
    ),
    `  Created in the window but never routed: ${u.notRouted}`,
    "",
  );

  const un = report.unclassified;
  out.push(`Unclassified contacts: ${formatTrend(un.trend)}`);
  if (un.groups.length > 0) {
    out.push(
      textTable(
        ["Original source", "Drill-down 1", "Drill-down 2", "Now", "Before", "Change", "Example ids"],
        un.groups.map((g) => [
          g.source ?? "(unknown)",
          g.detail1 ?? "",
          g.detail2 ?? "",
          g.trend.current,
          g.trend.previous,
          formatChange(g.trend),
          g.examples.map((e) => e.id).join(", "),
        ]),
        ["left", "left", "left", "right", "right", "right", "left"],
      ),
    );
  }
  if (un.otherGroups.contacts > 0)
    out.push(`  ...and ${un.otherGroups.contacts} more in ${un.otherGroups.groups} group(s)`);
  out.push("");

  const inbound = report.inbound;
  const [median, p90] = formatStats(inbound.speedToLead);
  out.push(
    `Inbound: ${inbound.leads} leads; ${unowned(inbound.unowned)}`,
    `  Speed to lead: median ${median}, p90 ${p90} (${inbound.speedToLead.count} engaged, ${inbound.speedToLead.notEngaged} not yet)`,
    textTable(
      ["Source type", "Leads", "Median", "p90", "SLA met", "Breached", "Pending", "Compliance", "Conversion"],
      inbound.conversionBySourceType.map((row, i) => {
        const speed = inbound.speedBySourceType[i]?.stats;
        const sla = inbound.slaBySourceType[i]?.sla;
        return [
          row.sourceType,
          row.conversion.denominator,
          ...(speed ? formatStats(speed) : ["", ""]),
          ...(sla ? slaCells(sla) : ["", "", "", ""]),
          formatRate(row.conversion),
        ];
      }),
    ),
  );

  const outbound = report.outbound;
  out.push(
    `Outbound: ${outbound.leads} leads; ${unowned(outbound.unowned)}; SLA ${formatRate(outbound.sla.compliance)}`,
    `  No follow-up within ${outbound.followUp.businessDays} business days: ${outbound.followUp.withoutFollowUp} ` +
      `(${formatRate(outbound.followUp.missed)}), ${outbound.followUp.pending} pending`,
  );
  if (outbound.replyResponseByRep.length > 0) {
    out.push(
      textTable(
        ["Rep (sequence replies)", "Replies", "Awaiting", "Median", "p90"],
        outbound.replyResponseByRep.map((r) => [r.rep, r.replies, r.awaiting, ...formatStats(r.stats)]),
      ),
    );
  }
  out.push(
    textTable(
      ["Rep (meetings)", "Contacts", "Meetings", "Conversion"],
      outbound.meetingsByRep.map((r) => [
        r.rep,
        r.conversion.denominator,
        r.conversion.numerator,
        formatRate(r.conversion),
      ]),
    ),
    textTable(
      ["Territory (meetings)", "Contacts", "Meetings", "Conversion"],
      outbound.meetingsByTerritory.map((r) => [
        r.territory,
        r.conversion.denominator,
        r.conversion.numerator,
        formatRate(r.conversion),
      ]),
    ),
  );

  const re = report.reengagement;
  out.push(
    `Re-engagement: ${re.leads} leads; ${unowned(re.unowned)}; conversion ${formatRate(re.conversion)} ` +
      `vs pure inbound ${formatRate(re.pureInboundConversion)}; SLA ${formatRate(re.sla.compliance)}`,
    `  By month: ${re.byMonth.map((m) => `${m.month} ${m.leads}`).join(", ") || "none"}`,
    `  Credit: ${re.attribution.originalRep}% original rep, ${re.attribution.handler}% handler`,
  );
  if (re.attribution.credits.length > 0) {
    out.push(
      textTable(
        ["Rep", "As original", "As handler", "Total"],
        re.attribution.credits.map((c) => [
          c.rep,
          formatCredit(c.asOriginalRep),
          formatCredit(c.asHandler),
          formatCredit(c.total),
        ]),
      ),
    );
  }
  if (report.operations) out.push("", ...operationsText(report.operations));
  return out.join("\n").trimEnd() + "\n";
}

function slaCells(sla: SlaCounts): TextCell[] {
  return [sla.met, sla.breached, sla.pending, formatPercent(sla.compliance.rate)];
}

function unowned(counts: UnownedCounts): string {
  return `${counts.total} unowned (${counts.noOwner} no owner, ${counts.deactivatedOwner} deactivated owner)`;
}
