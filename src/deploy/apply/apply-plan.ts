/**
 * Applies a plan through a `DeployPort`, one write at a time, in the order of `deployWrites`.
 * It stops at the first write that fails and says what was applied and what was not. Every write
 * leaves the portal in a state a plain re-run converges from: flows are created disabled and
 * enabled last, objects are found again by name (a created flow carries the managed marker from
 * its first write), and nothing is created twice.
 */
import type { Plan } from "../plan/types";
import type { DeployPort, WrittenFlow } from "./port";
import { DeployPlanError, deployWrites, type DeployWrite } from "./writes";

/** Told after each write that succeeded. */
export interface AppliedWrite {
  /** 1-based position among the plan's writes. */
  index: number;
  total: number;
  write: DeployWrite;
  /** The flow's id and new revision, for flow creates, updates and enables. */
  flow?: WrittenFlow;
}

export interface ApplyOptions {
  onWrite?: (applied: AppliedWrite) => void;
}

export interface ApplyResult {
  /** Every write was made. */
  ok: boolean;
  /** The plan's writes, in order. */
  writes: DeployWrite[];
  applied: DeployWrite[];
  /** The failed write first, then the ones never attempted. */
  notApplied: DeployWrite[];
  /** The write that failed and the error it raised (a `HubSpotError` from the adapter, usually). */
  failed: { write: DeployWrite; error: unknown } | null;
  /** Flows written by this deploy, by name: id and current revision. */
  flows: Record<string, WrittenFlow>;
}

/** Makes the plan's writes in order; never throws for a failed write (see `ApplyResult.failed`). */
export async function applyPlan(plan: Plan, port: DeployPort, options: ApplyOptions = {}): Promise<ApplyResult> {
  const writes = deployWrites(plan);
  const flows: Record<string, WrittenFlow> = {};
  const applied: DeployWrite[] = [];
  for (const [index, write] of writes.entries()) {
    let flow: WrittenFlow | undefined;
    try {
      flow = await perform(write, port, flows);
    } catch (error) {
      return { ok: false, writes, applied, notApplied: writes.slice(index), failed: { write, error }, flows };
    }
    if (flow) flows[write.key] = flow;
    applied.push(write);
    options.onWrite?.({ index: index + 1, total: writes.length, write, ...(flow ? { flow } : {}) });
  }
  return { ok: true, writes, applied, notApplied: [], failed: null, flows };
}

async function perform(
  write: DeployWrite,
  port: DeployPort,
  written: Record<string, WrittenFlow>,
): Promise<WrittenFlow | undefined> {
  switch (write.op) {
    case "create-group":
      return void (await port.createPropertyGroup(write.group));
    case "update-group":
      return void (await port.updatePropertyGroup(write.group));
    case "create-properties":
      return void (await port.createProperties(write.properties));
    case "update-property":
      return void (await port.updateProperty(write.property));
    case "archive-property":
      return void (await port.archiveProperty(write.key));
    case "create-flow":
      return port.createFlow(write.body);
    case "update-flow":
      return port.replaceFlow(write.id, write.body, write.revisionId);
    case "delete-flow":
      return void (await port.deleteFlow(write.id));
    case "enable-flow": {
      // A flow this deploy wrote is at the revision HubSpot just answered, not the planned one.
      const id = written[write.key]?.id ?? write.id;
      const revisionId = written[write.key]?.revisionId ?? write.revisionId;
      if (id === undefined || revisionId === undefined) {
        throw new DeployPlanError(`workflow "${write.key}" cannot be enabled: the plan has no id or revision for it`);
      }
      return port.replaceFlow(id, write.body, revisionId);
    }
  }
}
