/** Step 5: a burst of realistic leads through the deployed workflows, checked against the engine. */
import type { RoutingConfig } from "../../config/types";
import { looksLikeManagedFlowName } from "../../deploy/managed-names";
import { createHubSpotAdapter } from "../../hubspot";
import { redactSecrets } from "../../secrets";
import type { DemoClock } from "../clock";
import { sendBurst } from "../leads/burst";
import { burstDetails, burstFigures, burstHeadline } from "../leads/burst-report";
import { emulatorHttp, type Sleep } from "../leads/emulator-http";
import type { DemoLead } from "../leads/lead-inputs";
import { plural, type StepOutcome } from "./step";

/** What the step needs. */
export interface LeadsStepOptions {
  config: RoutingConfig;
  leads: readonly DemoLead[];
  baseUrl: string;
  token: string;
  clock: DemoClock;
  sleep: Sleep;
  /** Lets waiting workflow steps finish once every event was raised (see `sendBurst`). */
  afterEvents?: () => Promise<void>;
}

/** Sends the burst; fails unless every lead was routed by the workflows. */
export async function leadsStep(options: LeadsStepOptions): Promise<StepOutcome> {
  const hubspot = createHubSpotAdapter({ accessToken: options.token, baseUrl: options.baseUrl });
  const http = emulatorHttp(options.baseUrl, options.token, options.sleep);
  let result;
  let workflows: number;
  try {
    workflows = (await hubspot.listFlows()).filter((f) => looksLikeManagedFlowName(f.name) && f.isEnabled).length;
    result = await sendBurst({
      ...options,
      http,
      hubspot,
      ...(options.afterEvents ? { afterEvents: options.afterEvents } : {}),
    });
  } catch (error) {
    const message = redactSecrets(error instanceof Error ? error.message : String(error), [options.token]);
    return { status: "failed", summary: `the leads could not be sent: ${message}` };
  }
  const figures = burstFigures(result);
  const report = {
    name: "leads.json",
    text:
      JSON.stringify({ schema: "routeops.demo-leads/1", ...figures, outcomes: result.leads.map(leadJson) }, null, 2) +
      "\n",
  };
  const created = `${plural(figures.leads, "lead")} created over HTTP`;
  if (figures.routed === 0) {
    const why =
      workflows === 0
        ? "the portal has no enabled RouteOps workflows (the deploy step did not put them there)"
        : "the emulator did not run the deployed workflows (this build has no workflow executor, src/emulator/flows-exec)";
    return {
      status: "failed",
      summary: `${created}, none routed: ${why}`,
      reports: [report],
      figures: { ...figures, workflows },
    };
  }
  return {
    status: figures.routed + figures.notDeployable === figures.leads ? "ok" : "failed",
    summary: burstHeadline(figures),
    details: [
      `${created}; history: ${plural(figures.enrollments, "sequence enrolment")}, ${plural(figures.lastTouches, "latest outbound touch", "latest outbound touches")}`,
      ...burstDetails(figures),
    ],
    reports: [report],
    figures: { ...figures, workflows },
  };
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
      owner: d.owner,
      pool: d.pool,
      queue: d.queue,
      nurture: d.nurture,
      slaPolicy: d.slaPolicy,
      notification: d.notification,
    },
    differences: lead.differences,
  };
}
