/**
 * A decision in words, for a RevOps person: where the lead went first, then the SLA (UTC and the
 * calendar's local time), then every step of the trace with ✓ or ✗ and the reason.
 */
import { formatLocal } from "./business-time";
import { createZoneClock, instantText } from "./time-zone";
import type { Decision } from "./types";

/** Options of `formatDecision`. */
export interface FormatDecisionOptions {
  /** Time zone to show the SLA due time in. Default: the SLA calendar's (`decision.slaTimeZone`). */
  timeZone?: string;
}

function headline(d: Decision): string {
  let where: string;
  if (d.nurture !== null) where = `nurture sequence ${d.nurture} (no owner)`;
  else if (d.pool !== null && d.owner !== null) where = `${d.owner} (only available member of pool ${d.pool})`;
  else if (d.pool !== null) where = `pool ${d.pool}, rotation picked ${d.rotationPick ?? "nobody"}`;
  else if (d.queue !== null) where = `queue ${d.queue}, owner ${d.owner ?? "none"}`;
  else if (d.owner !== null) where = d.owner;
  else where = "nobody";
  return `Routed to ${where} by rule ${d.rule} (${d.system})`;
}

function offsetText(offset: number): string {
  const sign = offset < 0 ? "-" : "+";
  const minutes = Math.round(Math.abs(offset) / 60_000);
  return `UTC${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function slaLine(d: Decision, timeZone: string | null | undefined): string {
  if (d.slaPolicy === null) return "SLA: none";
  if (d.slaDueAt === null) return `SLA: ${d.slaPolicy}, no due time could be computed`;
  const utc = instantText(d.slaDueAt).replace(".000Z", "Z");
  let local = "";
  if (timeZone) {
    try {
      const offset = createZoneClock(timeZone).offsetAt(d.slaDueAt);
      local = ` = ${formatLocal(d.slaDueAt, offset)} ${timeZone} (${offsetText(offset)})`;
    } catch {
      local = ` (time zone ${timeZone} is unknown)`;
    }
  }
  const calendar = d.slaCalendar ? `, on calendar ${d.slaCalendar}` : "";
  return `SLA: ${d.slaPolicy}, due ${utc}${local}${calendar}`;
}

/** The decision as readable text (several lines, ending with a newline). */
export function formatDecision(decision: Decision, options?: FormatDecisionOptions): string {
  const d = decision;
  const lines = [headline(d)];
  lines.push(
    d.sourceType === null
      ? "Source type: none (unclassified)"
      : `Source type: ${d.sourceType}${d.intent ? `, intent ${d.intent}` : ""}`,
  );
  if (d.reengagement) {
    const collaborator = d.collaborator ? `, collaborator ${d.collaborator}` : "";
    lines.push(`Re-engagement: original rep ${d.originalRep ?? "unknown"}${collaborator}`);
  }
  const place = d.country === null ? "no country" : `${d.country}${d.state ? `, ${d.state}` : ""}`;
  lines.push(`Territory: ${d.territory ?? "none"} (${place}); segment: ${d.segment ?? "none"}`);
  lines.push(slaLine(d, options?.timeZone ?? d.slaTimeZone));
  lines.push(`Notification: ${d.notification}`);
  if ((d.trace ?? []).length > 0) {
    lines.push("Trace:");
    for (const step of d.trace ?? [])
      lines.push(`  ${step.matched ? "✓" : "✗"} ${step.stage} ${step.id}: ${step.reason}`);
  }
  return lines.join("\n") + "\n";
}
