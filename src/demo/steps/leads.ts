/** The lead burst: realistic leads created over HTTP, routed (by the router or the workflows), checked against the engine. */
import type { RoutingConfig } from "../../config/types";
import { looksLikeManagedFlowName } from "../../deploy/managed-names";
import { assignee } from "../../engine";
import type { HubSpotAdapter } from "../../hubspot";
import { redactSecrets } from "../../secrets";
import type { DemoClock } from "../clock";
import { sendBurst, type BurstOptions } from "../leads/burst";
import { burstDetails, burstFigures, burstHeadline } from "../leads/burst-report";
import { emulatorHttp, type Sleep } from "../leads/emulator-http";
import type { DemoLead } from "../leads/lead-inputs";
import { plural, type StepOutcome } from "./step";

/** What the step needs. */
export interface LeadsStepOptions {
  config: RoutingConfig;
  leads: readonly DemoLead[];
  hubspot: HubSpotAdapter;
  baseUrl: string;
  token: string;
  clock: DemoClock;
  sleep: Sleep;
  /** Waits until what the events set off is done (workflow delays, webhooks, the router's writes). */
  afterEvents?: () => Promise<void>;
  routedBy: NonNullable<BurstOptions["routedBy"]>;
  /** Secrets besides the token that an error message must not show. */
  secrets?: readonly string[];
}

/** What the step found, and the leads that were routed (in burst order) for the steps after it. */
export interface LeadsStepResult {
  outcome: StepOutcome;
  routed: { contactId: string; pool: string | null }[];
}

/** Sends the burst; fails unless every lead was routed, and (router mode) exactly as the engine decides. */
export async function leadsStep(options: LeadsStepOptions): Promise<LeadsStepResult> {
  const { outcome, result } = await burstOutcome(options);
  const routed = (result?.leads ?? [])
    .filter((lead) => lead.routed)
    .map((lead) => ({ contactId: lead.contactId, pool: lead.decision.pool }));
  return { outcome, routed };
}

async function burstOutcome(
  options: LeadsStepOptions,
): Promise<{ outcome: StepOutcome; result?: Awaited<ReturnType<typeof sendBurst>> }> {
  const { hubspot } = options;
  const http = emulatorHttp(options.baseUrl, options.token, options.sleep);
  const router = options.routedBy.kind === "router";
  let result;
  let workflows: number;
  try {
    workflows = (await hubspot.listFlows()).filter((f) => looksLikeManagedFlowName(f.name) && f.isEnabled).length;
    result = await sendBurst({
      config: options.config,
      leads: options.leads,
      http,
      hubspot,
      clock: options.clock,
      routedBy: options.routedBy,
      ...(options.afterEvents ? { afterEvents: options.afterEvents } : {}),
    });
  } catch (error) {
    const message = redactSecrets(error instanceof Error ? error.message : String(error), [
      options.token,
      ...(options.secrets ?? []),
    ]);
    return { outcome: { status: "failed", summary: `the leads could not be sent: ${message}` } };
  }
  const figures = burstFigures(result);
  const report = {
    name: "leads.json",
    text:
      JSON.stringify(
        {
          schema: "routeops.demo-leads/1",
          routedBy: options.routedBy.kind,
          ...figures,
          outcomes: result.leads.map(leadJson),
        },
        null,
        2,
      ) + "\n",
  };
  const created = `${plural(figures.leads, "lead")} created over HTTP`;
  if (figures.routed === 0) {
    const why =
      workflows === 0
        ? "the portal has no enabled RouteOps workflows (the deploy step did not put them there)"
        : router
          ? "the router decided none of them (see router.log)"
          : "the emulator did not run the deployed workflows";
    return {
      result,
      outcome: {
        status: "failed",
        summary: `${created}, none routed: ${why}`,
        reports: [report],
        figures: { ...figures, workflows },
      },
    };
  }
  // The router must agree with the engine on every lead it routed; the workflows only where HubSpot can (docs/deploy.md).
  // Leads whose event HubSpot raises no workflow event for (chats, list imports) are not routed, by design.
  const exact = !router || figures.matched === figures.routed;
  const outcome: StepOutcome = {
    status: figures.routed + figures.notDeployable === figures.leads && exact ? "ok" : "failed",
    summary: burstHeadline(figures, options.routedBy.kind),
    details: [
      `${created}; history: ${plural(figures.enrollments, "sequence enrolment")}, ${plural(figures.lastTouches, "latest outbound touch", "latest outbound touches")}`,
      ...burstDetails(figures, options.routedBy.kind),
    ],
    reports: [report],
    figures: { ...figures, workflows, routedBy: options.routedBy.kind },
  };
  return { outcome, result };
}

function leadJson(lead: Awaited<ReturnType<typeof sendBurst>>["leads"][number]) {
  const d = lead.decision;
  return {
    lead: lead.index,
    contactId: lead.contactId,
    at: new Date(lead.input.at).toISOString(),
    event: lead.input.event,
    routed: lead.routed,
    hubspotSystem: lead.system,
    engine: {
      sourceType: d.sourceType,
      system: d.system,
      rule: d.rule,
      owner: assignee(d),
      pool: d.pool,
      queue: d.queue,
      nurture: d.nurture,
      slaPolicy: d.slaPolicy,
      slaDueAt: d.slaDueAt === null ? null : new Date(d.slaDueAt).toISOString(),
      notification: d.notification,
    },
    differences: lead.differences,
  };
}
