/**
 * The impact simulation: every contact is routed by the base config and by the head config, each
 * with its own rotation state carried through the whole replay (so that pool shares show), and
 * the pair of decisions is folded into counts at once. Only the first few changed decisions are
 * kept, as examples. Pure: contacts arrive as an iterable, the report is returned.
 */
import { route, type CompiledRouting } from "../engine";
import type { RotationState, RouteInput } from "../engine/types";
import { assignee, changedFields, COMPARED_FIELDS, TRANSITION_DIMENSIONS } from "./compare";
import { repNamer } from "../routing-changes/people";
import { shareChanges } from "../routing-changes/share-changes";
import { weeklyVolumes } from "./weekly-volume";
import { copyRotation, ExampleKeeper } from "./examples";
import { changedPools, changeKind, whyLine, type ChangeKind } from "./impact";
import { repShares, SkipTally } from "./rep-shares";
import { SlaShiftTally } from "./sla-shift";
import { orderKeys, PairTally, TransitionTally } from "./tally";
import type {
  ComparedField,
  PoolShare,
  RepLoad,
  SimulationOptions,
  SimulationReport,
  SourceTypeImpact,
  TransitionDimension,
} from "./types";

/** A simulation fed one contact at a time (for sources that arrive asynchronously). */
export interface Simulation {
  /** Routes the contact through both configs and counts the outcome. */
  add(input: RouteInput): void;
  /** The report so far. */
  finish(): SimulationReport;
}

/** Starts a simulation of `base` versus `head`; feed it with `add`, read it with `finish`. */
export function createSimulation(
  base: CompiledRouting,
  head: CompiledRouting,
  options: SimulationOptions = {},
): Simulation {
  const baseRotation: RotationState = { pools: {} };
  const headRotation: RotationState = { pools: {} };
  const limit = Math.max(0, Math.floor(options.examples ?? 3));
  const keepers: Record<ChangeKind, ExampleKeeper> = {
    decision: new ExampleKeeper(limit),
    "pool-change": new ExampleKeeper(limit),
    rotation: new ExampleKeeper(limit),
  };
  const poolsChanged = changedPools(base, head);
  const reshuffles = new Map<string, number>();
  const fieldChanges = Object.fromEntries(COMPARED_FIELDS.map((field) => [field, 0])) as Record<ComparedField, number>;
  const transitions = Object.fromEntries(TRANSITION_DIMENSIONS.map((d) => [d, new TransitionTally()])) as Record<
    TransitionDimension,
    TransitionTally
  >;
  const bySourceType = new Map<string | null, { contacts: number; changed: number }>();
  const load = new PairTally<string | null>();
  const pools = new Map<string, { before: number; after: number; members: PairTally<string | null> }>();
  const policyChanges = new TransitionTally();
  const dueShift = new SlaShiftTally();
  const skips = new SkipTally();
  let contacts = 0;
  let changed = 0;
  let rotationOnly = 0;
  let poolMemberChanges = 0;
  let firstAt: number | null = null;
  let lastAt: number | null = null;

  const poolEntry = (pool: string) => {
    let entry = pools.get(pool);
    if (entry === undefined) {
      entry = { before: 0, after: 0, members: new PairTally() };
      pools.set(pool, entry);
    }
    return entry;
  };

  function add(input: RouteInput): void {
    const index = contacts++;
    if (Number.isFinite(input.at)) {
      if (firstAt === null || input.at < firstAt) firstAt = input.at;
      if (lastAt === null || input.at > lastAt) lastAt = input.at;
    }
    const wanting = keepers.decision.wanting || keepers["pool-change"].wanting || keepers.rotation.wanting;
    const baseState = wanting ? copyRotation(baseRotation) : null;
    const headState = wanting ? copyRotation(headRotation) : null;
    const before = route(base, input, { rotation: baseRotation, trace: false });
    const after = route(head, input, { rotation: headRotation, trace: false });

    const beforeOwner = assignee(before);
    const afterOwner = assignee(after);
    load.before(beforeOwner);
    load.after(afterOwner);
    if (before.pool !== null) {
      const entry = poolEntry(before.pool);
      entry.before++;
      entry.members.before(beforeOwner);
    }
    if (after.pool !== null) {
      const entry = poolEntry(after.pool);
      entry.after++;
      entry.members.after(afterOwner);
    }
    dueShift.add(before.slaDueAt, after.slaDueAt);
    skips.add("before", before);
    skips.add("after", after);

    let impact = bySourceType.get(before.sourceType);
    if (impact === undefined) {
      impact = { contacts: 0, changed: 0 };
      bySourceType.set(before.sourceType, impact);
    }
    impact.contacts++;

    const fields = changedFields(before, after);
    if (fields.length === 0) return;
    changed++;
    const kind = changeKind(fields, before, after, poolsChanged);
    if (kind !== "decision") {
      if (kind === "rotation") rotationOnly++;
      else poolMemberChanges++;
      reshuffles.set(before.pool!, (reshuffles.get(before.pool!) ?? 0) + 1);
      keep(kind, fields, input, index, baseState, headState);
      return;
    }
    impact.changed++;
    for (const field of fields) fieldChanges[field]++;
    if (before.sourceType !== after.sourceType) transitions.sourceType.add(before.sourceType, after.sourceType);
    if (before.system !== after.system) transitions.system.add(before.system, after.system);
    if (before.rule !== after.rule) transitions.rule.add(before.rule, after.rule);
    if (before.pool !== after.pool) transitions.pool.add(before.pool, after.pool);
    if (beforeOwner !== afterOwner) transitions.owner.add(beforeOwner, afterOwner);
    if (before.slaPolicy !== after.slaPolicy) {
      transitions.slaPolicy.add(before.slaPolicy, after.slaPolicy);
      policyChanges.add(before.slaPolicy, after.slaPolicy);
    }
    keep(kind, fields, input, index, baseState, headState);
  }

  function keep(
    kind: ChangeKind,
    fields: ComparedField[],
    input: RouteInput,
    index: number,
    baseState: RotationState | null,
    headState: RotationState | null,
  ): void {
    const keeper = keepers[kind];
    const sort = fields.join(",");
    if (!baseState || !headState || !keeper.wants(sort)) return;
    const before = route(base, input, { rotation: baseState, trace: true });
    const after = route(head, input, { rotation: headState, trace: true });
    keeper.keep(sort, {
      index,
      label: options.label?.(input, index) ?? null,
      input,
      fields,
      kind,
      why: { before: whyLine(before), after: whyLine(after) },
      before,
      after,
    });
  }

  function finish(): SimulationReport {
    const weeks = options.weeks ?? [];
    const reps = [...head.config.reps, ...base.config.reps].map((rep) => rep.email);
    const poolIds = [...head.config.pools, ...base.config.pools].map((pool) => pool.id);
    const sourceIds = [...base.config.sources, ...head.config.sources].map((source) => source.id);
    const loads = (tally: PairTally<string | null>): RepLoad[] =>
      orderKeys(tally.counts.keys(), reps).map((rep) => ({ rep, ...tally.counts.get(rep)! }));
    return {
      base: { version: base.config.version },
      head: { version: head.config.version },
      contacts,
      span: { from: firstAt, to: lastAt },
      changed,
      decisionChanges: changed - rotationOnly - poolMemberChanges,
      poolMemberChanges,
      rotationOnly,
      reshuffles: orderKeys(reshuffles.keys(), poolIds).map((pool) => ({
        pool: pool as string,
        contacts: reshuffles.get(pool as string)!,
        poolChanged: poolsChanged.has(pool as string),
      })),
      fieldChanges,
      transitions: Object.fromEntries(
        TRANSITION_DIMENSIONS.map((d) => [d, transitions[d].list()]),
      ) as SimulationReport["transitions"],
      bySourceType: orderKeys(bySourceType.keys(), sourceIds).map((sourceType): SourceTypeImpact => ({
        sourceType,
        ...bySourceType.get(sourceType)!,
      })),
      load: loads(load),
      pools: orderKeys(pools.keys(), poolIds).map((pool): PoolShare => {
        const entry = pools.get(pool as string)!;
        const members = loads(entry.members);
        const shares = repShares(base, head, pool as string, members, entry, skips);
        return { pool: pool as string, before: entry.before, after: entry.after, members, shares };
      }),
      sla: { policyChanges: policyChanges.list(), dueShift: dueShift.result() },
      expectedShares: expected(weeks),
      examples: [...keepers.decision.result(), ...keepers["pool-change"].result(), ...keepers.rotation.result()].slice(
        0,
        limit,
      ),
    };
  }

  function expected(weeks: readonly string[]): SimulationReport["expectedShares"] {
    // Capacity caps bind against the leads a week the replay sent to each pool.
    const volumes = weeklyVolumes(
      { from: firstAt, to: lastAt },
      [...pools].map(([pool, entry]) => ({ pool, before: entry.before, after: entry.after })),
    );
    const changes = shareChanges(head.config, base.config, weeks, volumes ?? {});
    const name = repNamer(head.config, base.config);
    const names: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const pool of changes) for (const rep of pool.reps) names[rep.rep] = name(rep.rep);
    return { weeks: [...weeks], pools: changes, names };
  }

  return { add, finish };
}

/**
 * Replays `inputs` through both configs, in the order given, and reports what changes. Memory
 * stays flat however many contacts there are: counts, and `options.examples` changed decisions.
 */
export function simulate(
  base: CompiledRouting,
  head: CompiledRouting,
  inputs: Iterable<RouteInput>,
  options: SimulationOptions = {},
): SimulationReport {
  const simulation = createSimulation(base, head, options);
  for (const input of inputs) simulation.add(input);
  return simulation.finish();
}
