/**
 * A 500-rep organisation built from the reference one (issue 13's example): 60 pools, 40
 * territories, 80 rules per routing system, 500 reps. Routing in workflows mode compiles it into
 * if/then actions far past HubSpot's limits; router mode keeps the same small capture flows.
 */
import type { RoutingConfig, RuleConfig } from "../../src/config";
import type { FlowAction, FlowBody, FilterBranch } from "../../src/deploy";

// 40 countries, one territory each.
const COUNTRIES = (
  "US CA MX BR AR CL CO PE GB IE FR DE NL BE LU CH AT IT ES PT DK SE NO FI PL CZ HU RO GR TR " +
  "IL AE SA IN SG JP KR AU NZ ZA"
).split(" ");

export function largeOrganisation(reference: RoutingConfig): RoutingConfig {
  const calendar = reference.defaultCalendar;
  const reps = Array.from({ length: 500 }, (_, i) => ({
    email: `rep${i}@large.test`,
    name: `Rep ${i}`,
    role: "AE",
    calendar,
    territories: [`t${i % 40}`],
  }));
  const pools = Array.from({ length: 60 }, (_, p) => ({
    id: `pool-${p}`,
    calendar,
    members: Array.from({ length: 8 }, (_, m) => ({ rep: reps[(p * 8 + m) % 500]!.email, weight: 1 + (m % 3) })),
  }));
  const territories = COUNTRIES.map((country, t) => ({ id: `t${t}`, matches: [{ country }] }));
  const sla = reference.slaPolicies[0]!.id;
  const rules = (system: string, sourceTypes: string[]): RuleConfig[] => [
    ...Array.from({ length: 79 }, (_, r) => ({
      id: `${system}-${r}`,
      when: {
        sourceType: sourceTypes,
        territory: [`t${r % 40}`, `t${(r + 7) % 40}`],
        ...(r % 2 === 0 ? { segment: reference.segments.slice(0, 2).map((s) => s.id) } : {}),
      },
      outcome: { type: "pool" as const, pool: `pool-${r % 60}` },
      sla,
      notification: "urgent" as const,
    })),
    {
      id: `${system}-catch-all`,
      when: {},
      outcome: { type: "queue" as const, queue: reference.queues[0]!.id },
      sla,
      notification: "calm" as const,
    },
  ];
  const inboundSources = reference.sources.filter((s) => s.system === "inbound").map((s) => s.id);
  const outboundSources = reference.sources.filter((s) => s.system === "outbound").map((s) => s.id);
  return {
    ...reference,
    version: "large.1",
    reps,
    pools,
    queues: reference.queues.map((queue) => ({ ...queue, backupOwner: reps[0]!.email })),
    territories,
    systems: {
      inbound: { ...reference.systems.inbound, rules: rules("inbound", inboundSources) },
      outbound: { rules: rules("outbound", outboundSources) },
    },
    reengagement: {
      ...reference.reengagement,
      rules: reference.reengagement.rules.map((rule) =>
        rule.when.territory ? { ...rule, when: { ...rule.when, territory: ["t0"] } } : rule,
      ),
    },
  };
}

/** The measures HubSpot limits a flow by (docs/deploy.md, "Router mode"). */
export interface FlowShape {
  /** Most branches of one if/then action (its default branch included). */
  maxBranches: number;
  /** Most property filters one branch (or the enrolment trigger) holds. */
  maxFiltersPerBranch: number;
  /** Deepest nesting of if/then actions along any path. */
  nesting: number;
  actions: number;
}

function filterCount(branch: FilterBranch): number {
  return branch.filters.length + branch.filterBranches.reduce((sum, inner) => sum + filterCount(inner), 0);
}

export function flowShape(body: FlowBody): FlowShape {
  const byId = new Map<string, FlowAction>(body.actions.map((a) => [a.actionId, a]));
  const depthMemo = new Map<string, number>();
  const depth = (id: string | undefined, seen: Set<string>): number => {
    if (id === undefined || seen.has(id)) return 0;
    const memo = depthMemo.get(id);
    if (memo !== undefined) return memo;
    const action = byId.get(id);
    if (!action) return 0;
    const next = new Set(seen).add(id);
    const result =
      action.type === "LIST_BRANCH"
        ? 1 +
          Math.max(
            depth(action.defaultBranch?.nextActionId, next),
            ...action.listBranches.map((b) => depth(b.connection?.nextActionId, next)),
          )
        : depth(action.connection?.nextActionId, next);
    depthMemo.set(id, result);
    return result;
  };
  const branches = body.actions.filter((a) => a.type === "LIST_BRANCH");
  const enrollment = body.enrollmentCriteria;
  const triggerFilters =
    enrollment.type === "EVENT_BASED"
      ? enrollment.eventFilterBranches.map(
          (b) => b.filters.length + b.filterBranches.reduce((s, f) => s + filterCount(f), 0),
        )
      : [];
  return {
    maxBranches: Math.max(0, ...branches.map((b) => b.listBranches.length + 1)),
    maxFiltersPerBranch: Math.max(
      0,
      ...triggerFilters,
      ...branches.flatMap((b) => b.listBranches.map((l) => (l.filterBranch ? filterCount(l.filterBranch) : 0))),
    ),
    nesting: depth(body.startActionId, new Set()),
    actions: body.actions.length,
  };
}
