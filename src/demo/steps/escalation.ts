/**
 * Router mode: one SLA escalation and the Slack messages it sends, through the local Slack
 * stand-in (a Slack Web API over HTTP). The reps work every routed lead but one (their first
 * engagement is recorded in HubSpot, as a logged activity would record it); the demo's clock moves
 * past that lead's escalation steps, the router's next cycle runs them (each recorded in the
 * decision log, a reassignment routed again by the engine) and posts the escalation messages.
 */
import type { RoutingConfig } from "../../config/types";
import type { RunningEmulator } from "../../emulator";
import { compileRouting, scheduleEscalation } from "../../engine";
import type { Decision } from "../../engine/types";
import { escalationLog, pendingNotifications, type RunningRouter, type RouterDatabase } from "../../router";
import type { SlackStandin } from "../../slack";
import type { DemoClock } from "../clock";
import { plural, type StepOutcome } from "./step";

export interface EscalationStepOptions {
  config: RoutingConfig;
  router: RunningRouter;
  database: RouterDatabase;
  emulator: RunningEmulator;
  clock: DemoClock;
  slack: SlackStandin;
  routed: readonly { contactId: string; pool: string | null }[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Runs router cycles until the burst's lead notifications are all sent (none pending in the
 * outbox), so the messages counted before the breach are the lead messages, not a cycle's worth.
 */
async function settleLeadMessages(options: EscalationStepOptions): Promise<void> {
  for (let cycle = 0; cycle < 20; cycle++) {
    if ((await pendingNotifications(options.database)) === 0 && options.slack.messages.length > 0) return;
    await options.router.cycle();
  }
}

export async function escalationStep(options: EscalationStepOptions): Promise<StepOutcome> {
  const withSteps = options.config.slaPolicies.filter((p) => (p.escalation?.length ?? 0) > 0);
  if (withSteps.length === 0) {
    return {
      status: "ok",
      summary: "nothing to escalate: no SLA policy in this routing has escalation steps",
      details: [
        "add `escalation` steps to an SLA policy (docs/engine.md, SLA escalation) and the demo breaches one lead's SLA",
      ],
    };
  }
  const compiled = compileRouting(options.config);
  await settleLeadMessages(options);
  const leadMessages = options.slack.messages.length;
  const logged = [];
  for (const lead of options.routed) {
    const newest = (await options.router.why(lead.contactId))[0];
    if (newest) logged.push({ contactId: lead.contactId, entry: newest, decision: newest.decision as Decision });
  }
  const chosen = logged.find((l) => scheduleEscalation(compiled, l.decision).length > 0);
  if (!chosen) {
    return { status: "failed", summary: "no routed lead has an SLA policy with escalation steps" };
  }
  const steps = scheduleEscalation(compiled, chosen.decision);
  // Every other lead was worked at once: HubSpot records the first engagement on the contact.
  const now = options.clock.now();
  for (const other of logged) {
    if (other === chosen) continue;
    const contact = options.emulator.portal.contacts.get(other.contactId);
    if (contact && !contact.properties.hs_sa_first_engagement_date) {
      options.emulator.portal.contacts.update(contact, { hs_sa_first_engagement_date: iso(now) }, now, "event");
    }
  }
  const last = steps[steps.length - 1]!.dueAt;
  if (last >= options.clock.now()) options.clock.advance(last - options.clock.now() + 60_000);
  // The router's next cycles run the steps that came due and post their messages.
  await options.router.cycle();
  await options.router.cycle();
  const key = { contactId: chosen.contactId, requestedAt: chosen.entry.requestedAt, round: chosen.entry.round };
  const ran = await escalationLog(options.database, key);
  const messages = options.slack.messages.slice(leadMessages);
  const lines = [
    `contact ${chosen.contactId}: SLA ${chosen.decision.slaPolicy} due ${iso(chosen.decision.slaDueAt!)}, not touched; the demo clock moved to ${iso(options.clock.now())}`,
    ...ran.map((s) => `step ${s.index + 1} ${s.action} due ${iso(s.dueAt)} -> ${s.target ?? "(nobody)"}`),
    `Slack stand-in: ${plural(leadMessages, "lead message")} while the burst was routed, then ${plural(messages.length, "escalation message")}`,
    ...options.slack.messages.slice(0, 1).map((m) => `first lead message, to ${m.channel}: ${m.text.split("\n")[0]}`),
    ...messages.map((m) => `escalation message, to ${m.channel}: ${m.text.split("\n")[0]}`),
  ];
  const ok = ran.length > 0 && messages.length > 0;
  return {
    status: ok ? "ok" : "failed",
    summary: ok
      ? `${plural(ran.length, "escalation step")} run for contact ${chosen.contactId} (${ran.map((s) => s.action).join(", ")}), ${plural(messages.length, "Slack message")} posted`
      : `the router ran ${plural(ran.length, "escalation step")} and posted ${plural(messages.length, "Slack message")}`,
    details: lines,
    reports: [
      { name: "escalation.txt", text: lines.join("\n") + "\n" },
      { name: "slack-messages.json", text: JSON.stringify(options.slack.messages, null, 2) + "\n" },
    ],
    figures: {
      contactId: chosen.contactId,
      steps: ran.map((s) => ({ action: s.action, dueAt: iso(s.dueAt), target: s.target })),
      leadMessages,
      escalationMessages: messages.length,
    },
  };
}
