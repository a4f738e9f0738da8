/**
 * The "Routing operations" section of the audit (fairness and health from the router's decision
 * log): per pool, each member's leads against their weight share, capacity hits and absences
 * skipped; SLA met / breached / escalated per system; time to first touch by source type. Text for
 * the terminal, Markdown (with charts) for GitHub.
 */
import { markdownTable } from "../../report/markdown";
import { toSingleLine } from "../../report/markdown";
import type { OperationsSection } from "../operations";
import { formatMinutes, formatPercent } from "./format";
import { barChart } from "./mermaid";
import { textTable } from "./text-table";

const right = "right" as const;
const share = (value: number | null) => formatPercent(value);

function uncheckedLine(section: OperationsSection): string {
  return `Not measured: ${toSingleLine(section.uncheckedReason ?? "no decision log given")}.`;
}

/** A bar of `value` (0..1) in 20 cells, for the terminal. */
function bar(value: number | null): string {
  const cells = value === null ? 0 : Math.round(Math.max(0, Math.min(1, value)) * 20);
  return "#".repeat(cells).padEnd(20, ".");
}

export function operationsText(section: OperationsSection): string[] {
  const out = ["Routing operations (from the router's decision log)"];
  if (!section.checked) return [...out, `  ${uncheckedLine(section)}`, ""];
  out.push(`  ${section.leads} lead(s) routed by the router in the window.`, "");
  for (const pool of section.pools) {
    out.push(`  Pool ${toSingleLine(pool.label)} (${pool.pool}): ${pool.leads} lead(s)`);
    out.push(
      textTable(
        ["Rep", "Weight share", "Lead share", "Leads", "Capacity hits", "Absences skipped", "Lead share chart"],
        pool.members.map((m) => [
          toSingleLine(m.rep),
          share(m.weightShare),
          share(m.leadShare),
          m.leads,
          m.capacityHits,
          m.absencesSkipped,
          bar(m.leadShare),
        ]),
        ["left", right, right, right, right, right, "left"],
      ),
    );
    if (pool.elsewhere > 0) out.push(`  ${pool.elsewhere} lead(s) of the pool went to someone outside it.`);
    out.push("");
  }
  out.push("  SLA per system");
  out.push(
    textTable(
      ["System", "Leads with SLA", "Met", "Breached", "Escalated", "Pending"],
      section.sla.map((s) => [s.system, s.leads, s.met, s.breached, s.escalated, s.pending]),
      ["left", right, right, right, right, right],
    ),
    "",
  );
  out.push("  Time to first touch by source type");
  out.push(
    textTable(
      ["Source type", "Leads", "Touched", "Median", "p90", "Not touched"],
      section.firstTouch.map((t) => [
        toSingleLine(t.sourceType),
        t.leads,
        t.stats.count,
        formatMinutes(t.stats.medianMinutes),
        formatMinutes(t.stats.p90Minutes),
        t.notTouched,
      ]),
      ["left", right, right, right, right, right],
    ),
    "",
  );
  return out;
}

export function operationsMarkdown(section: OperationsSection): string[] {
  const lines = ["## Routing operations", ""];
  if (!section.checked) return [...lines, uncheckedLine(section), ""];
  lines.push(
    `${section.leads} lead(s) routed by the router in the window, from its decision log: who really got how many leads, ` +
      "who was skipped for capacity or absence, and how SLAs held.",
    "",
  );
  for (const pool of section.pools) {
    lines.push(`### Pool ${pool.label} (${pool.pool})`, "");
    lines.push(
      markdownTable(
        ["Rep", "Weight share", "Lead share", "Leads", "Capacity hits", "Absences skipped"],
        pool.members.map((m) => [
          m.rep,
          share(m.weightShare),
          share(m.leadShare),
          m.leads,
          m.capacityHits,
          m.absencesSkipped,
        ]),
        { align: ["left", right, right, right, right, right] },
      ),
    );
    if (pool.elsewhere > 0) lines.push(`${pool.elsewhere} lead(s) of the pool went to someone outside it.`, "");
    if (pool.leads > 0) {
      lines.push(
        barChart(
          `Leads per rep in ${pool.pool}`,
          pool.members.map((m) => m.rep),
          pool.members.map((m) => m.leads),
          "leads",
        ),
      );
    }
  }
  lines.push("### SLA per system", "");
  lines.push(
    markdownTable(
      ["System", "Leads with SLA", "Met", "Breached", "Escalated", "Pending"],
      section.sla.map((s) => [s.system, s.leads, s.met, s.breached, s.escalated, s.pending]),
      { align: ["left", right, right, right, right, right] },
    ),
  );
  lines.push("### Time to first touch by source type", "");
  lines.push(
    markdownTable(
      ["Source type", "Leads", "Touched", "Median", "p90", "Not touched"],
      section.firstTouch.map((t) => [
        t.sourceType,
        t.leads,
        t.stats.count,
        formatMinutes(t.stats.medianMinutes),
        formatMinutes(t.stats.p90Minutes),
        t.notTouched,
      ]),
      { align: ["left", right, right, right, right, right] },
    ),
  );
  return lines;
}
