/**
 * The executor's place in the request pipeline: every route settles the executor before it is
 * handled (runs whose delay is over resume first, so a read sees them) and after (list-based
 * enrolment of what the request changed), so flows finish inside the request that caused them.
 * Two test-only endpoints show the run log.
 */
import type { Route, RouteRequest } from "../http/router";
import type { FlowExecutor } from "./executor";
import type { FlowRun, RecordedAction } from "./run-log";

const iso = (at: number | null | undefined) => (at === null || at === undefined ? at : new Date(at).toISOString());

function renderRun(run: FlowRun) {
  return {
    ...run,
    startedAt: iso(run.startedAt),
    ...(run.endedAt !== undefined ? { endedAt: iso(run.endedAt) } : {}),
    ...(run.wakeAt !== undefined ? { wakeAt: iso(run.wakeAt) } : {}),
    steps: run.steps.map((step) => ({ ...step, at: iso(step.at) })),
  };
}

function renderAction(action: RecordedAction) {
  return { ...action, at: iso(action.at), ...(action.kind === "task" ? { dueAt: iso(action.dueAt) } : {}) };
}

/** `?name=` filters: keep entries whose field equals the parameter, when it is given. */
function matching<T extends object>(entries: readonly T[], r: RouteRequest, names: (keyof T & string)[]): T[] {
  return entries.filter((entry) =>
    names.every((name) => {
      const wanted = r.query.get(name);
      return wanted === null || String(entry[name]) === wanted;
    }),
  );
}

/** `GET /_emulator/flow-runs` and `GET /_emulator/flow-actions` (test-only, token-checked). */
export function workflowRoutes(workflows: FlowExecutor): Route[] {
  return [
    {
      method: "GET",
      pattern: "/_emulator/flow-runs",
      admin: true,
      handle: (r) => ({
        status: 200,
        body: {
          results: matching(workflows.runs, r, ["contactId", "flowId", "status"]).map(renderRun),
          rotationPositions: workflows.rotationPositions(),
        },
      }),
    },
    {
      method: "GET",
      pattern: "/_emulator/flow-actions",
      admin: true,
      handle: (r) => ({
        status: 200,
        body: { results: matching(workflows.actions, r, ["contactId", "flowId", "kind"]).map(renderAction) },
      }),
    },
  ];
}

/** The emulator's routes plus the run log endpoints, each settling the executor around the request. */
export function withWorkflows(routes: readonly Route[], workflows: FlowExecutor): Route[] {
  return [...workflowRoutes(workflows), ...routes].map((route) => ({
    ...route,
    async handle(request: RouteRequest) {
      workflows.settle();
      try {
        return await route.handle(request);
      } finally {
        workflows.settle();
      }
    },
  }));
}
