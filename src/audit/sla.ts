/**
 * SLA outcome of one lead, judged against the due instant RouteOps stored when it routed the lead
 * (`routeops_sla_due_at`, computed by the engine on the lead's calendar), and the audit's "now".
 */
import { engagementOf, type RoutedLead } from "./lead";
import type { SlaTally } from "./statistics";

export type SlaOutcome = keyof SlaTally;

/**
 * `met`: first engagement at or before the due instant. `breached`: engaged after it, or not
 * engaged and `now` is past it. `pending`: not engaged, not yet due. `noSla`: nothing was due.
 * `notMeasurable`: the only engagement on record predates the routing.
 */
export function slaOutcome(lead: RoutedLead, now: number): SlaOutcome {
  if (lead.slaDueAt === null) return "noSla";
  const engagement = engagementOf(lead);
  if (engagement.kind === "before_routing") return "notMeasurable";
  if (engagement.kind === "none") return now > lead.slaDueAt ? "breached" : "pending";
  return engagement.at <= lead.slaDueAt ? "met" : "breached";
}
