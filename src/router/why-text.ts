/** The decision log of a lead for people: what `routeops why` prints and the demo shows. Pure. */
import { formatDecision, type Decision } from "../engine";
import type { LoggedDecision } from "./store";

/** One routing of the contact: the request, when and with which config it was decided, then the decision and its trace. */
export function formatLoggedDecision(logged: LoggedDecision): string {
  const header =
    `Contact ${logged.contactId}${logged.email ? ` (${logged.email})` : ""}: request of ${new Date(logged.requestedAt).toISOString()}, ` +
    `decided ${new Date(logged.decidedAt).toISOString()} with config ${logged.configVersion}, ` +
    `${logged.status === "done" ? "written to HubSpot" : "writes pending"}.`;
  return `${header}\n${formatDecision(logged.decision as Decision)}`;
}

/** Every routing of the contact, newest first, as `routeops why` prints them. */
export function formatDecisionLog(decisions: readonly LoggedDecision[]): string {
  return decisions.map(formatLoggedDecision).join("\n");
}
