/**
 * The end of every routing path: the SLA, the notification in the rule's style, and the hand-back
 * (routing no longer pending). Paths that end the same way share one tail in the flow.
 */
import type { CalendarConfig, NotificationStyle, SlaPolicyConfig } from "../../config/types";
import type { RoutingSystemId } from "../../engine/types";
import { MANAGED_PROPERTIES as P } from "../managed-names";
import {
  clearValue,
  createTask,
  notifyByEmail,
  notifyInApp,
  OWNER_PROPERTY,
  setExecutionTime,
  setValue,
} from "./actions";
import { relativeDue, slaDeadline } from "./sla";
import type { Step, StepScope } from "./steps";

export interface FinishSpec {
  system: RoutingSystemId;
  style: NotificationStyle;
  sla: { policy: SlaPolicyConfig; calendar: CalendarConfig } | null;
  /** A re-engagement's original rep collaborates and is notified too. */
  collaborator: boolean;
}

const BODY =
  "RouteOps routed this contact to you. Its Routing Source Type, Routing rule and SLA properties say why and by when.";
const COLLABORATOR_BODY =
  "A contact from your outbound work came back through an inbound channel. The inbound rep makes the first contact; you collaborate on the follow-up.";

/** " within 4 business hours (Standard inbound)", or nothing without an SLA. */
function deadline(spec: FinishSpec): string {
  return spec.sla ? ` ${slaDeadline(spec.sla.policy)} (${spec.sla.policy.label ?? spec.sla.policy.id})` : "";
}

function notifications(spec: FinishSpec): Step[] {
  if (spec.style === "none") return [];
  const due = spec.sla ? relativeDue(spec.sla.policy.target, spec.sla.calendar) : undefined;
  const within = deadline(spec);
  if (spec.style === "urgent") {
    const subject = `New ${spec.system === "reengagement" ? "re-engagement" : "lead"}: make first contact${within}`;
    return [
      createTask({ subject: `Contact this lead${within}`, body: BODY, priority: "HIGH", ...(due ? { due } : {}) }),
      notifyInApp(OWNER_PROPERTY, subject, BODY),
      notifyByEmail(OWNER_PROPERTY, subject, BODY),
      ...(spec.collaborator
        ? [
            notifyInApp(P.collaborator, "A contact you worked re-engaged", COLLABORATOR_BODY),
            notifyByEmail(P.collaborator, "A contact you worked re-engaged", COLLABORATOR_BODY),
          ]
        : []),
    ];
  }
  const subject = `Added to your pipeline: review and prioritise${spec.sla ? `, follow up${within}` : ""}`;
  return [
    createTask({
      subject: `Review and prioritise this contact${within}`,
      body: BODY,
      priority: "MEDIUM",
      ...(due ? { due } : {}),
    }),
    notifyInApp(OWNER_PROPERTY, subject, BODY),
    ...(spec.collaborator ? [notifyInApp(P.collaborator, "A contact you worked re-engaged", COLLABORATOR_BODY)] : []),
  ];
}

export function finish(spec: FinishSpec, scope: StepScope): Step[] {
  const calendarKey = spec.sla?.policy.target.unit === "end_of_business_day" ? `@${spec.sla.calendar.id}` : "";
  const key = `finish:${spec.system}:${spec.style}:${spec.sla?.policy.id ?? "no-sla"}${calendarKey}:${spec.collaborator}`;
  return scope.once(key, () => [
    ...(spec.sla
      ? [
          setValue(P.slaPolicy, spec.sla.policy.id),
          setExecutionTime(P.slaDueAt, relativeDue(spec.sla.policy.target, spec.sla.calendar)),
        ]
      : [clearValue(P.slaPolicy), clearValue(P.slaDueAt)]),
    setValue(P.notification, spec.style),
    ...notifications(spec),
    setValue(P.routingPending, "false"),
  ]);
}
