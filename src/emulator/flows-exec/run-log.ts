/**
 * What the workflow executor leaves behind for tests and people to read: one entry per flow run
 * (the actions it went through, branch by branch), and the side effects HubSpot would have had
 * outside the contact record (tasks, notifications, sequence enrolments).
 */

/** What enrolled the contact: an event occurrence (event-based flows) or meeting the list filter. */
export type RunTrigger =
  { type: "event"; eventTypeId: string; occurrenceId: string } | { type: "list" } | { type: "manual" };

/** One action a run went through. */
export interface RunStep {
  actionId: string;
  /** `SINGLE_CONNECTION <actionTypeId>`, `LIST_BRANCH` or `STATIC_BRANCH`. */
  action: string;
  /** Epoch ms the action ran at. */
  at: number;
  /** What happened, in words: `set routeops_rule = "inbound-fallback"`, `took branch "na-east"`. */
  outcome: string;
  /** The action failed (HubSpot logs the error and goes on with the next action). */
  error?: string;
}

/**
 * `completed`: the path ended. `waiting`: parked on a delay until `wakeAt`. `stopped`: ended early
 * (loop guard, a missing action, a flow disabled or deleted while the run waited; see `reason`).
 * `unenrolled`: a waiting run whose contact no longer met a list filter that un-enrols.
 */
export type RunStatus = "completed" | "waiting" | "stopped" | "unenrolled";

/** One enrolment of one contact in one flow, and what the run did. */
export interface FlowRun {
  id: string;
  flowId: string;
  flowName: string;
  contactId: string;
  trigger: RunTrigger;
  /**
   * How many enrolments led to this one: 0 for an event or an outside change, n + 1 for a
   * list-based enrolment that followed a run at depth n.
   */
  depth: number;
  startedAt: number;
  endedAt?: number;
  status: RunStatus;
  /** Why the run stopped, or why an enrolment was refused (`loop guard: ...`). */
  reason?: string;
  /** When a waiting run resumes (epoch ms). */
  wakeAt?: number;
  steps: RunStep[];
}

/** Where a recorded action came from. */
interface ActionOrigin {
  runId: string;
  flowId: string;
  actionId: string;
  contactId: string;
  /** Epoch ms the action ran at. */
  at: number;
}

/** A task (`0-3`) on the contact. */
export interface RecordedTask extends ActionOrigin {
  kind: "task";
  subject: string;
  body: string;
  taskType: string;
  priority: string;
  /** Owner id the task is assigned to; null when the owner property was empty. */
  ownerId: string | null;
  /** Due instant (epoch ms) from `due_time`, or null. */
  dueAt: number | null;
}

/** An internal email (`0-8`) or in-app notification (`0-9`). */
export interface RecordedNotification extends ActionOrigin {
  kind: "email_notification" | "in_app_notification";
  subject: string;
  body: string;
  /** Owner ids notified (from `owner_properties` and `user_ids`); empty: nobody was notified. */
  recipients: string[];
}

/** An enrolment in a sequence (`0-46510720`). */
export interface RecordedSequenceEnrollment extends ActionOrigin {
  kind: "sequence_enrollment";
  sequenceId: string;
  /** The sender: the contact's owner (or the named user's owner); null when there is none. */
  senderOwnerId: string | null;
}

/** A side effect of a flow action outside the contact record. */
export type RecordedAction = RecordedTask | RecordedNotification | RecordedSequenceEnrollment;

/** The run log and the recorded actions, oldest first. */
export class RunLog {
  readonly runs: FlowRun[] = [];
  readonly actions: RecordedAction[] = [];
  private nextRun = 1;

  open(run: Omit<FlowRun, "id" | "steps">): FlowRun {
    const opened: FlowRun = { id: String(this.nextRun++), ...run, steps: [] };
    this.runs.push(opened);
    return opened;
  }

  record(action: RecordedAction): void {
    this.actions.push(action);
  }

  clear(): void {
    this.runs.length = 0;
    this.actions.length = 0;
    this.nextRun = 1;
  }
}
