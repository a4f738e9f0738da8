/**
 * The emulator's workflow executor: it listens to the portal's event bus and runs the portal's
 * enabled contact flows as HubSpot would (docs/deploy.md, "Flow format", is the contract):
 * event-based flows enrol a contact once per matching event occurrence, list-based flows enrol it
 * when it meets their filter after a run completes or after a change from outside (re-enrolment
 * only when `shouldReEnroll` and a re-enrolment trigger turned true). Runs are synchronous: they
 * finish inside the request that caused them, so a test can read the result right after.
 */
import type { ContactEvent } from "../portal/events";
import type { Flow } from "../portal/flows";
import type { Portal } from "../portal/portal";
import type { CrmRecord, PropertyChange } from "../portal/records";
import { EnrollmentHistory, OutsideChanges, WaitingRuns, type RunState } from "./bookkeeping";
import { criteriaOf, eventTriggers, listVerdict, liveContactFlows } from "./criteria";
import { FlowFormatError } from "./filters";
import { enrollmentOccurrence, eventOccurrence, type EventOccurrence } from "./occurrence";
import { RotationPositions } from "./rotation";
import { RunLog, type FlowRun, type RecordedAction, type RunTrigger } from "./run-log";
import { filterScope, walk, type WalkEnd } from "./walk";

/** Limits that keep a flow setup that feeds itself from running forever. */
export interface FlowExecutorOptions {
  /**
   * Longest chain of enrolments one change may start: a run that makes the contact meet a
   * list-based flow's filter enrols it one level deeper. Default 10.
   */
  maxDepth?: number;
  /** Most actions one run may go through (GOTO cycles, delays of zero). Default 1000. */
  maxActionsPerRun?: number;
  /**
   * Where each rotate action stood, keyed `flowId/actionId` (as `rotationPositions()` gives them,
   * from a state file): rotations continue from there. Default: every rotation at its first owner.
   */
  rotationPositions?: Record<string, number>;
}

export const DEFAULT_MAX_DEPTH = 10;
export const DEFAULT_MAX_ACTIONS_PER_RUN = 1000;

export class FlowExecutor {
  private readonly log = new RunLog();
  private readonly positions: RotationPositions;
  private readonly history = new EnrollmentHistory();
  private readonly waiting = new WaitingRuns();
  private readonly outside = new OutsideChanges();
  private readonly pendingOccurrences: EventOccurrence[] = [];
  /** Above zero while a run executes: its own writes are not changes from outside. */
  private busy = 0;
  private settling = false;
  private subscriptions: (() => void)[] = [];
  private readonly maxDepth: number;
  private readonly maxActions: number;

  constructor(
    private readonly portal: Portal,
    options: FlowExecutorOptions = {},
  ) {
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxActions = options.maxActionsPerRun ?? DEFAULT_MAX_ACTIONS_PER_RUN;
    this.positions = new RotationPositions(options.rotationPositions);
  }

  /** Every run, oldest first (waiting ones, and enrolments the loop guard refused, included). */
  get runs(): readonly FlowRun[] {
    return this.log.runs;
  }

  /** Tasks, notifications and sequence enrolments the runs made, oldest first. */
  get actions(): readonly RecordedAction[] {
    return this.log.actions;
  }

  /** The runs of one contact, oldest first. */
  runsOf(contactId: string): FlowRun[] {
    return this.log.runs.filter((run) => run.contactId === contactId);
  }

  /** The recorded actions of one contact, oldest first. */
  actionsOf(contactId: string): RecordedAction[] {
    return this.log.actions.filter((action) => action.contactId === contactId);
  }

  /** How many times each rotate action handed out an owner, keyed `flowId/actionId`. */
  rotationPositions(): Record<string, number> {
    return this.positions.snapshot();
  }

  /** Rotation turns handed out since the executor started; it only grows (the server persists when it moves). */
  get rotationTurns(): number {
    return this.positions.turnsTaken;
  }

  /**
   * Enrols a contact in a flow by hand, whatever its enrolment criteria say (HubSpot's manual
   * enrolment); the flow must exist. Returns the run.
   */
  enroll(flowId: string, contactId: string): FlowRun {
    const flow = this.portal.flows.get(flowId);
    const contact = this.portal.contacts.get(contactId);
    if (!flow) throw new Error(`flow ${flowId} does not exist`);
    if (!contact) throw new Error(`contact ${contactId} does not exist`);
    return this.startRun(flow, contact, { type: "manual" }, 0, undefined, this.portal.now());
  }

  /** Subscribes to the portal's event bus (idempotent). */
  start(): void {
    if (this.subscriptions.length > 0) return;
    this.subscriptions = [
      this.portal.onEvent((event) => this.onEvent(event)),
      this.portal.onPropertyChange((change) => this.onChange(change)),
    ];
  }

  stop(): void {
    for (const unsubscribe of this.subscriptions) unsubscribe();
    this.subscriptions = [];
  }

  /** Forgets runs, rotation positions, enrolment history and waiting runs (the portal was reset). */
  reset(): void {
    this.log.clear();
    this.positions.clear();
    this.history.clear();
    this.waiting.clear();
    this.outside.clear();
    this.pendingOccurrences.length = 0;
  }

  /**
   * Catches up: delivers sequence enrolments as events, resumes runs whose delay is over (at the
   * instant they were due), and evaluates list-based enrolment for contacts changed from outside a
   * run. The server calls it before and after every request; call it after writing through the
   * portal object directly or after moving the clock.
   */
  settle(): void {
    if (this.settling || this.busy > 0) return;
    this.settling = true;
    try {
      for (;;) {
        const occurrence = this.pendingOccurrences.shift();
        if (occurrence) {
          this.deliver(occurrence);
          continue;
        }
        const due = this.waiting.nextDue(this.portal.now());
        if (due) {
          this.resume(due);
          continue;
        }
        const contactId = this.outside.first();
        if (contactId === undefined) break;
        const before = this.outside.take(contactId) ?? {};
        this.enrollByList(contactId, before, 0, this.portal.now());
      }
    } finally {
      this.settling = false;
    }
  }

  private onEvent(event: ContactEvent): void {
    const occurrence = eventOccurrence(event, this.portal.owners);
    if (occurrence) this.deliver(occurrence);
  }

  private onChange(change: PropertyChange): void {
    if (this.busy > 0 || change.source === "seed" || change.objectType !== "contacts") return;
    if (change.property === "hs_sequences_enrolled_count" && change.source === "event") {
      // A new sequence enrolment: HubSpot raises its "enrolled in sequence" event. The newest id is the new one.
      const newest = [...this.portal.enrollments.forContact(change.objectId)].sort(
        (a, b) => Number(b.id) - Number(a.id),
      )[0];
      if (newest) this.pendingOccurrences.push(enrollmentOccurrence(newest, this.portal.owners));
    }
    this.outside.note(change, this.portal.contacts.get(change.objectId)?.properties);
  }

  /** Records an enrolment the executor could not start (bad criteria, loop guard). */
  private refuse(flow: Flow, contactId: string, trigger: RunTrigger, depth: number, at: number, reason: string) {
    this.log.open({
      flowId: flow.id,
      flowName: flow.name,
      contactId,
      trigger,
      depth,
      startedAt: at,
      endedAt: at,
      status: "stopped",
      reason,
    });
  }

  /** Enrols the contact in every enabled event-based flow the occurrence triggers. */
  private deliver(occurrence: EventOccurrence): void {
    const contact = this.portal.contacts.get(occurrence.contactId);
    if (!contact) return;
    const trigger: RunTrigger = { type: "event", eventTypeId: occurrence.eventTypeId, occurrenceId: occurrence.id };
    for (const flow of liveContactFlows(this.portal)) {
      const criteria = criteriaOf(flow, "EVENT_BASED");
      if (!criteria) continue;
      let triggered: boolean;
      try {
        triggered = eventTriggers(flow, criteria, occurrence);
      } catch (error) {
        if (!(error instanceof FlowFormatError)) throw error;
        this.refuse(flow, contact.id, trigger, 0, this.portal.now(), `enrollment criteria: ${error.message}`);
        continue;
      }
      if (!triggered || this.waiting.of(flow.id, contact.id)) continue;
      if (this.history.times(flow.id, contact.id) > 0 && criteria.shouldReEnroll !== true) continue;
      this.startRun(flow, contact, trigger, 0, occurrence, this.portal.now());
    }
  }

  private startRun(
    flow: Flow,
    contact: CrmRecord,
    trigger: RunTrigger,
    depth: number,
    occurrence: EventOccurrence | undefined,
    at: number,
  ): FlowRun {
    this.history.add(flow.id, contact.id);
    const run = this.log.open({
      flowId: flow.id,
      flowName: flow.name,
      contactId: contact.id,
      trigger,
      depth,
      startedAt: at,
      status: "completed",
    });
    const before = { ...contact.properties };
    const state: RunState = {
      run,
      flowId: flow.id,
      contactId: contact.id,
      next: flow.startActionId,
      wakeAt: at,
      occurrence,
      depth,
      before,
    };
    this.continueRun(state, flow, contact);
    return run;
  }

  /** Runs a stretch of a run from `state.next` at `state.wakeAt`; parks it on a delay or finishes it. */
  private continueRun(state: RunState, flow: Flow, contact: CrmRecord): void {
    const { run } = state;
    this.busy += 1;
    let end: WalkEnd;
    try {
      end = walk(state.next, {
        portal: this.portal,
        flow,
        run,
        contact,
        occurrence: state.occurrence,
        rotation: this.positions,
        log: this.log,
        now: state.wakeAt,
        maxActions: this.maxActions,
      });
    } catch (error) {
      end = { status: "stopped", reason: `the executor failed: ${(error as Error).message}` };
    } finally {
      this.busy -= 1;
    }
    if (end.status === "waiting") {
      run.status = "waiting";
      run.wakeAt = end.wakeAt;
      this.waiting.add({ ...state, next: end.next, wakeAt: end.wakeAt });
      return;
    }
    run.status = end.status;
    if (end.status === "stopped") run.reason = end.reason;
    this.finish(run, state.wakeAt);
    // Changes from outside since the last evaluation count as well: compare with the older state.
    const before = this.outside.take(contact.id) ?? state.before;
    this.enrollByList(contact.id, before, state.depth, state.wakeAt);
  }

  private finish(run: FlowRun, at: number): void {
    run.endedAt = at;
    delete run.wakeAt;
  }

  private resume(due: RunState): void {
    this.waiting.remove(due);
    const flow = this.portal.flows.get(due.flowId);
    const contact = this.portal.contacts.get(due.contactId);
    const reason = !flow
      ? "the flow was deleted while the run waited"
      : !flow.isEnabled
        ? "the flow was turned off while the run waited"
        : !contact
          ? "the contact was deleted while the run waited"
          : undefined;
    if (reason !== undefined || !flow || !contact) {
      Object.assign(due.run, { status: "stopped", reason });
      this.finish(due.run, due.wakeAt);
      return;
    }
    this.continueRun(due, flow, contact);
  }

  /** Evaluates every enabled list-based flow for a contact whose properties moved from `before`. */
  private enrollByList(contactId: string, before: Record<string, string>, depth: number, at: number): void {
    const contact = this.portal.contacts.get(contactId);
    if (!contact) return;
    const now = filterScope(this.portal, contact, contact.properties, at);
    const then = filterScope(this.portal, contact, before, at);
    const chosen: { flow: Flow; times: number }[] = [];
    for (const flow of liveContactFlows(this.portal)) {
      const criteria = criteriaOf(flow, "LIST_BASED");
      if (!criteria) continue;
      const waiting = this.waiting.of(flow.id, contactId);
      const times = this.history.times(flow.id, contactId);
      try {
        const verdict = listVerdict(flow, criteria, { now, before: then, timesEnrolled: times, waiting: !!waiting });
        if (verdict === "enroll") chosen.push({ flow, times });
        if (verdict === "unenroll" && waiting) this.unenroll(waiting, at);
      } catch (error) {
        if (!(error instanceof FlowFormatError)) throw error;
        this.refuse(flow, contactId, { type: "list" }, depth + 1, at, `enrollment criteria: ${error.message}`);
      }
    }
    for (const { flow, times } of chosen) {
      // A run started in between (a deeper chain) may have enrolled the contact already.
      if (this.history.times(flow.id, contactId) !== times || this.waiting.of(flow.id, contactId)) continue;
      if (depth + 1 > this.maxDepth) {
        const reason = `loop guard: enrolment depth ${this.maxDepth} reached, the contact was not enrolled`;
        this.refuse(flow, contactId, { type: "list" }, depth + 1, at, reason);
        continue;
      }
      this.startRun(flow, contact, { type: "list" }, depth + 1, undefined, at);
    }
  }

  private unenroll(waiting: RunState, at: number): void {
    this.waiting.remove(waiting);
    Object.assign(waiting.run, { status: "unenrolled", reason: "no longer meets the enrollment criteria" });
    this.finish(waiting.run, at);
  }
}
