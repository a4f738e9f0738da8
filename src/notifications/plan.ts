/**
 * Which Slack messages a routing decision or an escalation step sends, and where: pure, from the
 * config, the lead and the engine's decision. A rep is reached by direct message (their
 * `slackUserId`) when the connection can post to people; otherwise in the connection's channel,
 * with a mention. Channels come from `notifications.channels`.
 */
import type { RoutingConfig } from "../config/types";
import { assignee } from "../engine/route";
import type { Decision, EscalationStepRun, RouteInput } from "../engine/types";
import { escalationMessage, leadMessage, type Recipient, type SlackMessage } from "./message";

/** A message and where it goes: a Slack channel or member id, or null for the connection's default. */
export interface PlannedNotification {
  /** Why it is sent, for the decision log: `lead` or `escalation:<action>`. */
  kind: string;
  channel: string | null;
  message: SlackMessage;
}

function recipient(config: RoutingConfig, email: string | null): Recipient {
  if (email === null) return { email: null, name: null, slackUserId: null };
  const rep = config.reps.find((r) => r.email.toLowerCase() === email.trim().toLowerCase());
  return { email, name: rep?.name ?? null, slackUserId: rep?.slackUserId ?? null };
}

/** `Mon 22 Jun 09:30` in the time zone, with its short name. */
export function formatDue(at: number | null, timeZone: string | null | undefined): string | null {
  if (at === null || !Number.isFinite(at)) return null;
  try {
    return new Intl.DateTimeFormat("en-GB", {
      timeZone: timeZone ?? "UTC",
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
      timeZoneName: "short",
    }).format(new Date(at));
  } catch {
    return new Date(at).toISOString();
  }
}

function describeAction(input: RouteInput): string {
  const e = input.event;
  switch (e.kind) {
    case "form_submission":
      return `submitted the ${e.formId ?? "a"} form${e.pageUrl ? ` on ${e.pageUrl}` : ""}`;
    case "meeting_booked":
      return `booked a meeting${e.meetingType ? ` (${e.meetingType})` : ""}`;
    case "chat_completed":
      return `finished a chat${e.qualified ? " and qualified" : ""}`;
    case "sequence_reply":
      return `replied to the sequence${e.sequence ? ` ${e.sequence}` : ""}`;
    case "call_logged":
      return `was called${e.outcome ? ` (${e.outcome})` : ""}`;
    case "list_import":
      return `was imported from ${e.importSource ?? "a list"}`;
    default:
      return "appeared in HubSpot";
  }
}

function contactName(input: RouteInput): string | null {
  const p = input.contact.properties ?? {};
  const name = [p.firstname, p.lastname].filter((x) => typeof x === "string" && x.trim() !== "").join(" ");
  return name === "" ? null : name;
}

/** Where a rep's message goes: their member id (direct message) with a bot token, else the default channel. */
function repChannel(who: Recipient, directMessages: boolean): string | null {
  return directMessages && who.slackUserId ? who.slackUserId : null;
}

export interface PlanOptions {
  /** The connection can post to people (bot token): reps get direct messages. */
  directMessages: boolean;
  /** `https://app.hubspot.com/contacts/<portal>/record/0-1/<id>` or null. */
  contactUrl?: string | null;
}

/** The notification of a routed lead, in the decision's style; none for `notification: none`. */
export function planLeadNotification(
  config: RoutingConfig,
  input: RouteInput,
  decision: Decision,
  options: PlanOptions,
): PlannedNotification[] {
  if (decision.notification === "none") return [];
  const ownerEmail = assignee(decision);
  if (ownerEmail === null) return [];
  const owner = recipient(config, ownerEmail);
  const source = config.sources.find((s) => s.id === decision.sourceType);
  const rule = [...config.systems.inbound.rules, ...config.systems.outbound.rules].find((r) => r.id === decision.rule);
  const company = input.contact.company;
  const place = [decision.country, decision.state].filter(Boolean).join(", ");
  const context = [
    company?.properties?.numberofemployees
      ? `${company.properties.numberofemployees} employees (${decision.segment ?? "no segment"})`
      : null,
    decision.territory ? `territory ${decision.territory}` : null,
    ...(input.contact.history ?? [])
      .slice(-3)
      .map(
        (touch) =>
          `earlier ${touch.kind.replace("_", " ")} by ${touch.owner} on ${new Date(touch.at).toISOString().slice(0, 10)}`,
      ),
    decision.originalRep ? `originally worked by ${decision.originalRep}` : null,
  ].filter((x): x is string => x !== null);
  const message = leadMessage({
    style: decision.notification === "urgent" ? "urgent" : "calm",
    owner,
    contact: {
      name: contactName(input),
      email: input.contact.email ?? null,
      company: company?.domain ?? null,
      place: place === "" ? null : `${place}${decision.territory ? ` (${decision.territory})` : ""}`,
    },
    source: source?.label ?? decision.sourceType ?? "Unclassified",
    action: describeAction(input),
    fields: input.event.kind === "form_submission" ? { ...(input.event.fields ?? {}) } : {},
    rule: decision.rule,
    why: rule?.description ?? `rule ${decision.rule}`,
    slaDue: formatDue(decision.slaDueAt, decision.slaTimeZone),
    context,
    contactUrl: options.contactUrl ?? null,
  });
  return [{ kind: "lead", channel: repChannel(owner, options.directMessages), message }];
}

/** The message of one escalation step that has come due. */
export function planEscalationNotification(
  config: RoutingConfig,
  input: RouteInput,
  decision: Decision,
  step: EscalationStepRun,
  options: PlanOptions,
): PlannedNotification[] {
  const owner = recipient(config, assignee(decision));
  const overdueMinutes = Math.max(0, Math.round((step.dueAt - (decision.slaDueAt ?? step.dueAt)) / 60_000));
  const base = {
    style: step.style,
    action: step.action,
    owner,
    contact: { name: contactName(input), email: input.contact.email ?? null },
    slaPolicy: decision.slaPolicy ?? "",
    slaDue: formatDue(decision.slaDueAt, decision.slaTimeZone) ?? "",
    overdue: overdueMinutes === 0 ? "just" : `${overdueMinutes} minutes`,
    contactUrl: options.contactUrl ?? null,
  };
  switch (step.action) {
    case "notify_rep":
      return [
        {
          kind: "escalation:notify_rep",
          channel: repChannel(owner, options.directMessages),
          message: escalationMessage({ ...base, target: null }),
        },
      ];
    case "notify_manager": {
      const manager = recipient(config, step.target);
      return [
        {
          kind: "escalation:notify_manager",
          channel: repChannel(manager, options.directMessages),
          message: escalationMessage({ ...base, target: manager }),
        },
      ];
    }
    case "notify_channel": {
      const channel = config.notifications?.channels.find((c) => c.id === step.target);
      return [
        {
          kind: "escalation:notify_channel",
          channel: channel?.slackChannel ?? null,
          message: escalationMessage({ ...base, target: null }),
        },
      ];
    }
    default: {
      const to = step.reassignment ? recipient(config, assignee(step.reassignment)) : null;
      return [
        {
          kind: "escalation:reassign",
          channel: to ? repChannel(to, options.directMessages) : null,
          message: escalationMessage({ ...base, target: to }),
        },
      ];
    }
  }
}
