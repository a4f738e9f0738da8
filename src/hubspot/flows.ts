/**
 * Workflows (automation v4 flows, beta). The official client has no methods for them, so these
 * are raw `apiRequest` calls; the call runner gives them the same limits, retries and errors.
 */
import { putRequestOf } from "../hubspot-contract/flows";
import type { HubSpotCalls } from "./client-calls";
import { FlowRevisionConflictError, HubSpotError } from "./errors";
import type { Flow, FlowBody, FlowSummary } from "./model";
import { chunks } from "./records";

const FLOWS = "/automation/v4/flows";
/** Flows per batch read request. */
const BATCH_READ_MAX = 100;
const LIST_PAGE = 100;

interface Paged<T> {
  results?: T[];
  paging?: { next?: { after?: string } };
}

export async function listFlows(calls: HubSpotCalls): Promise<FlowSummary[]> {
  const flows: FlowSummary[] = [];
  let after: string | undefined;
  do {
    const response = await calls.raw<Paged<Record<string, unknown>>>({
      endpoint: `GET ${FLOWS}`,
      method: "GET",
      path: FLOWS,
      query: { limit: String(LIST_PAGE), ...(after ? { after } : {}) },
    });
    flows.push(...(response.body?.results ?? []).map(toSummary));
    after = response.body?.paging?.next?.after;
  } while (after);
  return flows;
}

/** Full flows by id (batch read); ids HubSpot does not know are left out. */
export async function getFlows(calls: HubSpotCalls, ids: string[]): Promise<Flow[]> {
  const flows: Flow[] = [];
  for (const batch of chunks([...new Set(ids)], BATCH_READ_MAX)) {
    const response = await calls.raw<Paged<Flow>>({
      endpoint: `POST ${FLOWS}/batch/read`,
      method: "POST",
      path: `${FLOWS}/batch/read`,
      body: { inputs: batch.map((flowId) => ({ flowId, type: "FLOW_ID" })) },
    });
    flows.push(...(response.body?.results ?? []).map(normaliseFlow));
  }
  return flows;
}

export async function createFlow(calls: HubSpotCalls, body: FlowBody): Promise<Flow> {
  const spec = { endpoint: `POST ${FLOWS}`, method: "POST", path: FLOWS, idempotent: false };
  const response = await calls.raw<Flow>({ ...spec, body });
  return expectFlow(calls, spec, response.body);
}

/**
 * Replaces the whole flow. `revisionId` is the revision the new body was planned from: when the
 * flow changed in HubSpot since, this throws `FlowRevisionConflictError` and changes nothing.
 */
export async function replaceFlow(
  calls: HubSpotCalls,
  flowId: string,
  body: FlowBody,
  revisionId: string,
): Promise<Flow> {
  const spec = {
    endpoint: `PUT ${FLOWS}/{flowId}`,
    method: "PUT",
    path: `${FLOWS}/${encodeURIComponent(flowId)}`,
  };
  try {
    const response = await calls.raw<Flow>({ ...spec, body: putRequestOf(body, revisionId) });
    return expectFlow(calls, spec, response.body);
  } catch (error) {
    if (error instanceof HubSpotError && error.status === 409) {
      throw new FlowRevisionConflictError({
        code: "flow_revision_conflict",
        method: error.method,
        path: error.path,
        status: error.status,
        category: error.category,
        subCategory: error.subCategory,
        correlationId: error.correlationId,
        details: error.details,
        attempts: error.attempts,
        hubspotMessage: error.hubspotMessage ?? `flow ${flowId} is no longer at revision ${revisionId}`,
        flowId,
        expectedRevisionId: revisionId,
      });
    }
    throw error;
  }
}

export async function deleteFlow(calls: HubSpotCalls, flowId: string): Promise<void> {
  await calls.raw({
    endpoint: `DELETE ${FLOWS}/{flowId}`,
    method: "DELETE",
    path: `${FLOWS}/${encodeURIComponent(flowId)}`,
  });
}

function toSummary(item: Record<string, unknown>): FlowSummary {
  return {
    id: String(item["id"]),
    name: String(item["name"] ?? ""),
    isEnabled: item["isEnabled"] === true,
    flowType: String(item["flowType"] ?? ""),
    objectTypeId: String(item["objectTypeId"] ?? ""),
    revisionId: String(item["revisionId"] ?? ""),
    createdAt: item["createdAt"] === undefined ? null : String(item["createdAt"]),
    updatedAt: item["updatedAt"] === undefined ? null : String(item["updatedAt"]),
  };
}

function normaliseFlow(flow: Flow): Flow {
  return { ...flow, id: String(flow.id), revisionId: String(flow.revisionId ?? "") };
}

function expectFlow(calls: HubSpotCalls, spec: { method: string; path: string }, body: Flow | undefined): Flow {
  if (body && body.id !== undefined) return normaliseFlow(body);
  throw new HubSpotError({
    code: "unexpected_response",
    method: spec.method,
    path: calls.runner.scrub(spec.path),
    status: null,
    attempts: 1,
    hubspotMessage: "the response has no flow id",
  });
}
