import { randomUUID } from "node:crypto";
import { badRequest, conflict, errorBody, notFound } from "../http/errors";
import type { Route, RouteRequest } from "../http/router";
import { flowSummary, type Flow } from "../portal/flows";
import { checkFlowBody, withServerDefaults } from "./flow-body";
import { asObject } from "./property-shapes";
import { readLimit } from "./record-shapes";

const BASE = "/automation/v4/flows";

function findFlow(r: RouteRequest): Flow {
  const flow = r.portal.flows.get(r.params.flowId!);
  if (!flow) throw notFound(`Flow ${r.params.flowId} does not exist.`);
  return flow;
}

/** Automation v4 flows (BETA in HubSpot): no client models exist, so the shapes live in portal/flows.ts. */
export const flowRoutes: Route[] = [
  {
    method: "GET",
    pattern: BASE,
    handle(r) {
      const limit = readLimit(r.query.get("limit"), 100, 500);
      const after = r.query.get("after");
      const flows = r.portal.flows.list().filter((f) => after === null || Number(f.id) >= Number(after));
      const page = flows.slice(0, limit);
      const next = flows[limit];
      return {
        status: 200,
        body: { results: page.map(flowSummary), ...(next ? { paging: { next: { after: next.id } } } : {}) },
      };
    },
  },
  {
    method: "POST",
    pattern: BASE,
    handle(r) {
      const body = checkFlowBody(r.body, r.portal, "create");
      const at = new Date(r.now).toISOString();
      const flow = withServerDefaults(body, {
        id: r.portal.flows.takeId(),
        revisionId: "1",
        uuid: randomUUID(),
        createdAt: at,
        updatedAt: at,
      });
      r.portal.flows.put(flow);
      return { status: 201, body: flow };
    },
  },
  {
    method: "POST",
    pattern: `${BASE}/batch/read`,
    handle(r) {
      const body = asObject(r.body, "the batch");
      if (!Array.isArray(body.inputs)) throw badRequest("inputs must be an array.");
      const results: Flow[] = [];
      const errors: ReturnType<typeof errorBody>[] = [];
      for (const input of body.inputs) {
        const { flowId, type } = (input ?? {}) as { flowId?: unknown; type?: unknown };
        if (type !== undefined && type !== "FLOW_ID")
          throw badRequest(`inputs: type must be FLOW_ID, got ${String(type)}.`);
        const flow = r.portal.flows.get(String(flowId));
        if (flow) results.push(flow);
        else
          errors.push(
            errorBody("OBJECT_NOT_FOUND", `Flow ${String(flowId)} does not exist.`, {
              context: { flowId: [String(flowId)] },
            }),
          );
      }
      const at = new Date(r.now).toISOString();
      const answer = { status: "COMPLETE", results, startedAt: at, completedAt: at };
      return errors.length === 0
        ? { status: 200, body: answer }
        : { status: 207, body: { ...answer, errors, numErrors: errors.length } };
    },
  },
  {
    method: "GET",
    pattern: `${BASE}/:flowId`,
    handle: (r) => ({ status: 200, body: findFlow(r) }),
  },
  {
    method: "PUT",
    pattern: `${BASE}/:flowId`,
    handle(r) {
      const current = findFlow(r);
      const raw = asObject(r.body, "the flow");
      if (raw.revisionId === undefined || raw.revisionId === null) {
        throw badRequest("revisionId is required: send the revisionId of the flow you are replacing.");
      }
      if (String(raw.revisionId) !== current.revisionId) {
        throw conflict(
          `Flow ${current.id} has been changed since revision ${String(raw.revisionId)}; the current revision is ${current.revisionId}.`,
          "FlowsApiError.STALE_REVISION",
        );
      }
      const body = checkFlowBody(raw, r.portal, "put");
      const flow = withServerDefaults(
        body,
        {
          id: current.id,
          revisionId: String(Number(current.revisionId) + 1),
          uuid: current.uuid,
          createdAt: current.createdAt,
          updatedAt: new Date(r.now).toISOString(),
        },
        current,
      );
      r.portal.flows.put(flow);
      return { status: 200, body: flow };
    },
  },
  {
    method: "DELETE",
    pattern: `${BASE}/:flowId`,
    handle(r) {
      const flow = findFlow(r);
      r.portal.flows.delete(flow.id);
      return { status: 204 };
    },
  },
];
