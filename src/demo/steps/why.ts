/**
 * Router mode: "why did this lead go to X", answered from the router's decision log for one lead
 * of the burst, as `routeops why <contact>` answers it: the request, the config version, the
 * decision and its full trace.
 */
import { formatDecisionLog, type RunningRouter } from "../../router";
import { plural, type StepOutcome } from "./step";

/** The leads the burst routed, newest last, and the router that decided them. */
export interface WhyStepOptions {
  router: RunningRouter;
  /** Contact ids routed by the router, in burst order. */
  routed: readonly { contactId: string; pool: string | null }[];
}

/** Shows the decision log of one lead: the first routed by rotation in a pool (else the first routed). */
export async function whyStep(options: WhyStepOptions): Promise<StepOutcome> {
  const lead = options.routed.find((l) => l.pool !== null) ?? options.routed[0];
  if (!lead) return { status: "failed", summary: "no lead was routed, so there is no decision to explain" };
  const decisions = await options.router.why(lead.contactId);
  if (decisions.length === 0) {
    return { status: "failed", summary: `the decision log has no routing of contact ${lead.contactId}` };
  }
  const text = formatDecisionLog(decisions);
  const newest = decisions[0]!;
  const to = newest.ownerEmail ?? "no owner";
  return {
    status: "ok",
    summary:
      `routeops why ${lead.contactId}: ${plural(decisions.length, "decision")} in the log; ` +
      `rule ${newest.rule} (${newest.system}) gave the lead to ${to}, config ${newest.configVersion}`,
    details: text.trimEnd().split("\n"),
    reports: [{ name: "why.txt", text }],
    figures: { contactId: lead.contactId, decisions: decisions.length, rule: newest.rule, owner: newest.ownerEmail },
  };
}
