/** The simulation as one JSON envelope (instants as ISO date-times), for tools and CI steps. */
import type { Decision, RouteInput } from "../../engine/types";
import type { SimulationReport } from "../types";
import type { SimulationContext } from "./words";

export const SIMULATION_SCHEMA = "routeops.simulation/1";

const iso = (ms: number | null): string | null =>
  ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();

function decisionJson(decision: Decision): Record<string, unknown> {
  return { ...decision, slaDueAt: iso(decision.slaDueAt) };
}

function inputJson(input: RouteInput): Record<string, unknown> {
  const contact = input.contact ?? {};
  return {
    at: iso(input.at),
    contact: {
      ...contact,
      ...(contact.history ? { history: contact.history.map((touch) => ({ ...touch, at: iso(touch.at) })) } : {}),
    },
    event: input.event,
  };
}

/** The envelope as a plain object. */
export function simulationEnvelope(report: SimulationReport, context: SimulationContext): Record<string, unknown> {
  return {
    schema: SIMULATION_SCHEMA,
    base: { source: context.base, version: report.base.version },
    head: { source: context.head, version: report.head.version },
    contacts: {
      source: context.contacts,
      count: report.contacts,
      notes: context.notes ?? [],
      from: iso(report.span.from),
      to: iso(report.span.to),
    },
    changed: report.changed,
    decisionChanges: report.decisionChanges,
    poolMemberChanges: report.poolMemberChanges,
    rotationOnly: report.rotationOnly,
    reshuffles: report.reshuffles,
    fieldChanges: report.fieldChanges,
    transitions: report.transitions,
    bySourceType: report.bySourceType,
    load: report.load,
    pools: report.pools,
    sla: report.sla,
    expectedShares: {
      weeks: report.expectedShares.weeks,
      pools: report.expectedShares.pools,
      names: { ...report.expectedShares.names },
    },
    examples: report.examples.map((example) => ({
      index: example.index,
      label: example.label,
      fields: example.fields,
      kind: example.kind,
      why: example.why,
      input: inputJson(example.input),
      before: decisionJson(example.before),
      after: decisionJson(example.after),
    })),
  };
}

export function renderSimulationJson(report: SimulationReport, context: SimulationContext): string {
  return `${JSON.stringify(simulationEnvelope(report, context), null, 2)}\n`;
}
