/**
 * What the burst found, in figures: leads routed by system, how many the workflows routed exactly
 * as the engine decided, and where they differ, field by field with a few examples.
 */
import type { BurstResult, LeadOutcome } from "./burst";
import type { FieldDifference } from "./compare";
import { EVENT_TYPES } from "../../hubspot-contract/event-types";

/** A lead the workflows routed differently from the engine: every field that differs. */
export interface DifferingLead {
  lead: number;
  contactId: string;
  event: string;
  contact: string;
  differences: FieldDifference[];
}

/** The burst's figures (the `leads` part of summary.json). */
export interface BurstFigures {
  leads: number;
  routed: number;
  /** Routed leads by the system the workflows recorded. */
  bySystem: Record<string, number>;
  /** Routed leads on which the workflows and the engine agree in every compared field. */
  matched: number;
  /** Leads that differ, by field. */
  differencesByField: Record<string, number>;
  /** The first leads that differ, with every field that does. */
  differingLeads: DifferingLead[];
  /** Leads not routed, by event kind. */
  notRoutedByEvent: Record<string, number>;
  /**
   * Leads not routed because HubSpot raises no workflow event for their event (chats, list
   * imports: deploy warning event_kind_not_deployable). They are not a failure of the workflows.
   */
  notDeployable: number;
  enrollments: number;
  lastTouches: number;
}

const EXAMPLES = 5;

/** Tallies the burst's outcomes. */
export function burstFigures(result: BurstResult): BurstFigures {
  const routed = result.leads.filter((lead) => lead.routed);
  const bySystem: Record<string, number> = {};
  for (const lead of routed) bySystem[lead.system ?? "(none)"] = (bySystem[lead.system ?? "(none)"] ?? 0) + 1;
  const notRoutedByEvent: Record<string, number> = {};
  for (const lead of result.leads.filter((l) => !l.routed)) {
    notRoutedByEvent[lead.input.event.kind] = (notRoutedByEvent[lead.input.event.kind] ?? 0) + 1;
  }
  const notDeployable = result.leads.filter((l) => !l.routed && EVENT_TYPES[l.input.event.kind].eventTypeId === null);
  const differing = routed.filter((lead) => lead.differences.length > 0);
  const differencesByField: Record<string, number> = {};
  for (const lead of differing) {
    for (const d of lead.differences) differencesByField[d.field] = (differencesByField[d.field] ?? 0) + 1;
  }
  return {
    leads: result.leads.length,
    routed: routed.length,
    notDeployable: notDeployable.length,
    bySystem,
    matched: routed.length - differing.length,
    differencesByField,
    differingLeads: differing.slice(0, EXAMPLES).map((lead) => ({
      lead: lead.index,
      contactId: lead.contactId,
      event: describeEvent(lead),
      contact: describeContact(lead),
      differences: lead.differences,
    })),
    notRoutedByEvent,
    enrollments: result.enrollments,
    lastTouches: result.lastTouches,
  };
}

function describeEvent(lead: LeadOutcome): string {
  const e = lead.input.event;
  const parts: string[] = [e.kind];
  if (e.formId !== undefined) parts.push(`form ${JSON.stringify(e.formId)}`);
  if (e.pageUrl !== undefined) parts.push(`page ${JSON.stringify(e.pageUrl)}`);
  if (e.qualified !== undefined) parts.push(e.qualified ? "qualified" : "not qualified");
  if (e.outcome !== undefined) parts.push(`outcome ${JSON.stringify(e.outcome)}`);
  if (e.importSource !== undefined) parts.push(`source ${JSON.stringify(e.importSource)}`);
  if (e.owner !== undefined) parts.push(`by ${JSON.stringify(e.owner)}`);
  return parts.join(", ");
}

function describeContact(lead: LeadOutcome): string {
  const p = lead.input.contact.properties ?? {};
  const parts = [`country ${JSON.stringify(p.country ?? null)}`, `state ${JSON.stringify(p.state ?? null)}`];
  const company = lead.input.contact.company;
  if (company) {
    const size = company.properties?.numberofemployees;
    parts.push(`company of ${size === undefined ? "unknown size" : JSON.stringify(size)}`);
    if (company.owner) parts.push(`owned by ${company.owner}`);
  }
  const touches = (lead.input.contact.history ?? []).length;
  if (touches > 0) parts.push(`${touches} earlier ${touches === 1 ? "touch" : "touches"}`);
  return parts.join(", ");
}

/** The burst's one-line summary: routed by system and agreement with the engine. */
export function burstHeadline(figures: BurstFigures, routedBy: "router" | "workflows" = "workflows"): string {
  const systems = Object.entries(figures.bySystem)
    .sort((a, b) => b[1] - a[1])
    .map(([system, n]) => `${system} ${n}`)
    .join(", ");
  const by = routedBy === "router" ? "the router" : "the deployed workflows";
  const routed = `${figures.routed} of ${figures.leads} leads routed by ${by}`;
  if (figures.routed === 0) return routed;
  const exact =
    routedBy === "router"
      ? `${figures.matched} of ${figures.routed} exactly as the engine decided (owner, SLA due time, every property)`
      : `${figures.matched} of ${figures.routed} exactly as the engine decided`;
  return `${routed} (${systems}); ${exact}`;
}

/** Detail lines: how many leads differ in which field, the first few in full, and what was not routed. */
export function burstDetails(figures: BurstFigures, routedBy: "router" | "workflows" = "workflows"): string[] {
  const lines: string[] = [];
  if (routedBy === "router") {
    lines.push(
      "compared field by field with the engine, replayed in the router's decision order from one rotation state: " +
        "owner (rotation picks included), SLA due time, routed-at, config version and every routing property",
    );
  }
  const fields = Object.entries(figures.differencesByField).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (fields.length > 0) {
    lines.push(
      `differences from the engine, leads by field: ${fields.map(([field, n]) => `${field} ${n}`).join(", ")}`,
    );
    if (routedBy === "workflows" && figures.differencesByField.territory) {
      lines.push(
        "  (territory: the workflows match the spellings the deploy lists, the engine normalises any it knows; " +
          "see territory_spellings in docs/deploy.md)",
      );
    }
  }
  for (const lead of figures.differingLeads) {
    const what = lead.differences.map((d) => `${d.field} engine ${d.engine}, HubSpot ${d.hubspot}`).join("; ");
    lines.push(`lead ${lead.lead} (contact ${lead.contactId}; ${lead.event}; ${lead.contact}):`, `  ${what}`);
  }
  const shown = figures.differingLeads.length;
  const differing = figures.routed - figures.matched;
  if (differing > shown) lines.push(`... and ${differing - shown} more (leads.json has every lead)`);
  const notRouted = Object.entries(figures.notRoutedByEvent);
  if (notRouted.length > 0) lines.push(`not routed: ${notRouted.map(([kind, n]) => `${kind} ${n}`).join(", ")}`);
  if (figures.notDeployable > 0) {
    lines.push(
      `${figures.notDeployable} of them by design: HubSpot raises no workflow event for chats and list imports (warning event_kind_not_deployable)`,
    );
  }
  return lines;
}
